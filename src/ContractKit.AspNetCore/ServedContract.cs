using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ContractKit.AspNetCore.Checking;
using ContractKit.AspNetCore.Routing;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Pipeline;
using ContractKit.Validation;
using Microsoft.OpenApi;

namespace ContractKit.AspNetCore;

/// <summary>A spec read once for serving: its model, compiled schemas, route table and per-operation checks.</summary>
public sealed class ServedContract
{
    private readonly ConcurrentDictionary<Operation, OperationPlan> _plans = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, TypeDefinition> _types;

    /// <summary>Builds the served contract from an already-built model.</summary>
    public ServedContract(ContractModel model, OpenApiDocument? document = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Document = document;
        // An invalid pattern in the contract must not throw in a request: the pattern rejects what it sees, with the reason.
        Schemas = new ContractSchemas(model, throwOnInvalidPattern: false);
        Router = new OperationRouter(model);
        _types = model.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>The contract's model.</summary>
    public ContractModel Model { get; }

    /// <summary>The parsed document, when the contract was read from a spec (for example names).</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>The contract's schemas, compiled on first use.</summary>
    public ContractSchemas Schemas { get; }

    internal OperationRouter Router { get; }

    /// <summary>Reads and models a spec file; throws <see cref="ContractLoadException"/> listing the errors when it cannot.</summary>
    /// <param name="specPath">The spec file.</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched (bounded, see SECURITY.md) instead of refused.</param>
    public static ServedContract Load(string specPath, bool allowRemoteRefs = false)
    {
        ArgumentNullException.ThrowIfNull(specPath);
        var loaded = ContractLoader.Load(specPath, allowRemoteRefs: allowRemoteRefs);
        if (loaded.Model is not { } model)
        {
            throw new ContractLoadException(specPath, loaded.Read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }

        return new ServedContract(model, loaded.Read.Document);
    }

    /// <summary>A named type of the model, or null.</summary>
    internal TypeDefinition? FindType(string id) => _types.GetValueOrDefault(id);

    internal OperationPlan Plan(Operation operation) => _plans.GetOrAdd(operation, static (op, self) => new OperationPlan(op, self), this);
}

/// <summary>The spec could not be read or modelled; <see cref="Diagnostics"/> says why, with file and line.</summary>
public sealed class ContractLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractLoadException(string specPath, IReadOnlyList<Diagnostic> diagnostics)
        : base($"cannot serve {specPath}: " + string.Join("; ", (diagnostics ?? []).Take(5).Select(d => d.ToString())))
    {
        Diagnostics = diagnostics ?? [];
    }

    /// <summary>The reader's errors.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
