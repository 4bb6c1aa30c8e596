using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// The C# naming pass: every model name (type ids, JSON property names, enum values, operation ids, parameters)
/// becomes a valid, unique C# identifier here, once, before any code is written.
/// </summary>
internal sealed class CSharpNaming
{
    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize"];

    /// <summary>Type names become file names (<c>Name.g.cs</c>, at most 255 bytes), with room for a numeric suffix.</summary>
    private const int MaxTypeName = 200;

    /// <summary>Properties and enum values, in UTF-8 bytes: C# allows 512 characters; this long is unreadable already.</summary>
    private const int MaxMemberName = 200;

    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<(string TypeId, string JsonName), string> _members = [];
    private readonly Dictionary<string, string> _extensionDataNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _streamMethods = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OperationId, ParameterLocation In, string Name), string> _parameters = [];

    public CSharpNaming(ContractModel model, CSharpOptions options)
    {
        ClientName = CSharpSyntax.Pascal(options.ClientName, "ApiClient");
        OptionsName = ClientName + "Options";
        JsonContextName = ClientName + "JsonContext";

        var namespaceSegments = options.Namespace.Split('.');
        var typeNames = new UniqueNames([ClientName, OptionsName, JsonContextName, ClientName + "Schemas", .. namespaceSegments, "System", "Microsoft",

            // Members of JsonSerializerContext: a DTO with one of these names would clash with its metadata property.
            "Default", "Options", "GeneratedSerializerOptions"]);

        // Components first, so that a component keeps its exact name when an inline type would produce the same one.
        var ordered = model.Types
            .OrderBy(t => IsComponent(t.Id) ? 0 : 1)
            .ThenBy(t => t.Id, StringComparer.Ordinal);
        foreach (var type in ordered)
        {
            var name = string.Concat(type.NameParts.Select(p => CSharpSyntax.Pascal(p, "Type")));
            _typeNames[type.Id] = typeNames.Claim(CSharpSyntax.Shorten(name, MaxTypeName));
        }

        foreach (var type in model.Types)
        {
            var typeName = _typeNames[type.Id];
            switch (type)
            {
                case ObjectType obj:
                    var members = new UniqueNames([typeName, .. ObjectMembers]);
                    foreach (var property in obj.Properties)
                    {
                        _members[(type.Id, property.JsonName)] = members.Claim(NotTheTypeName(CSharpSyntax.Shorten(CSharpSyntax.Pascal(property.JsonName), MaxMemberName), typeName));
                    }

                    _extensionDataNames[type.Id] = members.Claim("AdditionalProperties");
                    break;
                case EnumType enumType:
                    var values = new UniqueNames([typeName, "Value", "IsKnown", "Converter", .. ObjectMembers]);
                    foreach (var value in enumType.Values)
                    {
                        var member = enumType.Kind == PrimitiveKind.Integer
                            ? "Value" + value.Value.Replace("-", "Minus", StringComparison.Ordinal)
                            : NotTheTypeName(CSharpSyntax.Shorten(CSharpSyntax.Pascal(value.Value, "Empty"), MaxMemberName), typeName);
                        _members[(type.Id, value.Value)] = values.Claim(member);
                    }

                    break;
            }
        }

        var methods = new UniqueNames(ObjectMembers);
        foreach (var operation in model.Operations)
        {
            _methods[operation.OperationId] = methods.Claim(CSharpSyntax.Pascal(operation.OperationId, "Operation") + "Async");
            _streamMethods[operation.OperationId] = methods.Claim(CSharpSyntax.Pascal(operation.OperationId, "Operation") + "StreamAsync");
            // The locals of a generated method: a parameter with one of these names would clash.
            var parameters = new UniqueNames(["body", "cancellationToken", "request", "response", "content", "path", "query", "status", "item"]);
            foreach (var parameter in operation.Parameters)
            {
                _parameters[(operation.OperationId, parameter.In, parameter.Name)] = parameters.Claim(CSharpSyntax.Camel(parameter.Name, "parameter"));
            }
        }
    }

    public string ClientName { get; }

    public string OptionsName { get; }

    public string JsonContextName { get; }

    public string Type(string typeId) => _typeNames[typeId];

    public string Member(string typeId, string jsonNameOrValue) => _members[(typeId, jsonNameOrValue)];

    public string ExtensionData(string typeId) => _extensionDataNames[typeId];

    public string Method(string operationId) => _methods[operationId];

    /// <summary>The <c>…StreamAsync</c> method of an operation that answers with server-sent events.</summary>
    public string StreamMethod(string operationId) => _streamMethods[operationId];

    public string Parameter(Operation operation, Parameter parameter) => _parameters[(operation.OperationId, parameter.In, parameter.Name)];

    /// <summary>A member cannot share its type's name (CS0542): <c>Collide.Collide</c> becomes <c>Collide.CollideValue</c>.</summary>
    private static string NotTheTypeName(string member, string typeName) =>
        string.Equals(member, typeName, StringComparison.OrdinalIgnoreCase) ? member + "Value" : member;

    private static bool IsComponent(string id) =>
        id.StartsWith("#/components/schemas/", StringComparison.Ordinal) && id.IndexOf('/', "#/components/schemas/".Length) < 0;
}
