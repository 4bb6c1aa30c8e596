using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.AspNetCore.Parameters;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

namespace ContractKit.AspNetCore.Checking;

/// <summary>A parameter with its shape and compiled schema.</summary>
internal sealed record ParameterCheck(Parameter Parameter, ParameterShape Shape, JsonSchemaValidator Validator);

/// <summary>What checking one operation's requests needs, compiled once per operation.</summary>
internal sealed class OperationPlan
{
    public OperationPlan(Operation operation, ServedContract contract)
    {
        Operation = operation;
        Parameters = operation.Parameters
            .Select(p => new ParameterCheck(p, ParameterShape.Of(p.Type, contract.FindType),
                JsonSchemaValidator.Compile(contract.Schemas.LowerUse(p.Type).ToJsonString(), contract.Schemas.Options)))
            .ToList();
        QueryNames = operation.Parameters.Where(p => p.In == ParameterLocation.Query).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        BodyValidator = contract.Schemas.ForOperation(operation, BodyDirection.Request);
        var schemes = contract.Model.SecuritySchemes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Security = operation.Security
            .Select(r => (IReadOnlyList<SecurityScheme>)r.Schemes.Select(u => schemes.GetValueOrDefault(u.SchemeName)).OfType<SecurityScheme>().ToList())
            .ToList();
    }

    public Operation Operation { get; }

    public IReadOnlyList<ParameterCheck> Parameters { get; }

    public IReadOnlyCollection<string> QueryNames { get; }

    /// <summary>The request body's JSON schema, when it declares a JSON media type.</summary>
    public JsonSchemaValidator? BodyValidator { get; }

    /// <summary>Alternatives: any one must be met, each of its schemes at once. Empty: no authentication.</summary>
    public IReadOnlyList<IReadOnlyList<SecurityScheme>> Security { get; }
}
