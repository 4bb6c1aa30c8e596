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
    private readonly Dictionary<string, TypeMembers> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _streamMethods = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OperationId, ParameterLocation In, string Name), string> _parameters = [];
    private readonly Dictionary<string, UniqueNames> _parameterScopes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OperationId, string JsonName), string> _formFields = [];
    private readonly Dictionary<string, TagClient> _clientOf = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OperationId, string Suffix), string> _alternateMethods = [];
    private readonly UniqueNames _methodNames = new(ObjectMembers);

    public CSharpNaming(ContractModel model, CSharpOptions options)
    {
        ClientName = CSharpSyntax.Pascal(options.ClientName, "ApiClient");
        OptionsName = ClientName + "Options";
        JsonContextName = ClientName + "JsonContext";

        var namespaceSegments = options.Namespace.Split('.');
        var typeNames = new UniqueNames([ClientName, OptionsName, JsonContextName, ClientName + "Schemas", .. namespaceSegments, "System", "Microsoft",

            // Members of JsonSerializerContext: a DTO with one of these names would clash with its metadata property.
            "Default", "Options", "GeneratedSerializerOptions"]);

        // Tag clients before types, so that their names are the same whatever schemas the spec has.
        var tagClients = new List<TagClient>();
        if (options.Clients == ClientGrouping.Tag)
        {
            var rootMembers = new UniqueNames(["BaseAddress", "DefaultBaseAddress", "ContractLogger", "ResponseLimits", "_httpClient", "_options", "_logger", ClientName, .. ObjectMembers]);
            var tags = model.Operations.Where(o => o.Tags.Count > 0).Select(o => o.Tags[0]).Distinct().Order(StringComparer.Ordinal);
            var byTag = new Dictionary<string, TagClient>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                var pascal = CSharpSyntax.Shorten(CSharpSyntax.Pascal(tag, "Tag"), MaxMemberName);
                var client = new TagClient(tag, typeNames.Claim(pascal + "Client"), rootMembers.Claim(pascal));
                byTag[tag] = client;
                tagClients.Add(client);
            }

            foreach (var operation in model.Operations.Where(o => o.Tags.Count > 0))
            {
                _clientOf[operation.OperationId] = byTag[operation.Tags[0]];
            }
        }

        TagClients = tagClients;

        // Components first, so that a component keeps its exact name when an inline type would produce the same one.
        var ordered = model.Types
            .OrderBy(t => IsComponent(t.Id) ? 0 : 1)
            .ThenBy(t => t.Id, StringComparer.Ordinal);
        foreach (var type in ordered)
        {
            var name = string.Concat(type.NameParts.Select(p => CSharpSyntax.Pascal(p, "Type")));
            _typeNames[type.Id] = typeNames.Claim(CSharpSyntax.Shorten(name, MaxTypeName));
        }

        // Each type's members are a scope of their own, given the type's name: both cores name them.
        var types = model.Types;
        var members = new TypeMembers?[types.Count];
        ParallelWork.For(types.Count, i => members[i] = NameMembers(types[i], _typeNames[types[i].Id]));
        for (var i = 0; i < types.Count; i++)
        {
            if (members[i] is { } typeMembers)
            {
                _members[types[i].Id] = typeMembers;
            }
        }

        var methods = _methodNames;
        foreach (var operation in model.Operations)
        {
            _methods[operation.OperationId] = methods.Claim(OperationName(operation.OperationId) + "Async");
            _streamMethods[operation.OperationId] = methods.Claim(OperationName(operation.OperationId) + "StreamAsync");
            // The locals of a generated method: a parameter with one of these names would clash.
            var parameters = new UniqueNames(["body", "cancellationToken", "request", "response", "content", "path", "query", "status", "item", "violation", "validation"]);
            foreach (var parameter in operation.Parameters)
            {
                _parameters[(operation.OperationId, parameter.In, parameter.Name)] = parameters.Claim(CSharpSyntax.Shorten(CSharpSyntax.Camel(parameter.Name, "parameter"), MaxMemberName));
            }

            _parameterScopes[operation.OperationId] = parameters;
        }
    }

    public string ClientName { get; }

    /// <summary>With <see cref="ClientGrouping.Tag"/>: the tag clients in ordinal order of tag; otherwise empty.</summary>
    public IReadOnlyList<TagClient> TagClients { get; }

    /// <summary>The tag client an operation belongs to; null for the root client.</summary>
    public TagClient? ClientOf(Operation operation) => _clientOf.GetValueOrDefault(operation.OperationId);

    /// <summary>
    /// The method parameter for a field of a form body (multipart or URL-encoded): unique among the operation's other
    /// parameters and the method's locals. The first call for a field decides; later calls return the same name.
    /// </summary>
    public string FormField(Operation operation, string jsonName)
    {
        if (!_formFields.TryGetValue((operation.OperationId, jsonName), out var name))
        {
            name = _parameterScopes[operation.OperationId].Claim(CSharpSyntax.Shorten(CSharpSyntax.Camel(jsonName, "field"), MaxMemberName));
            _formFields[(operation.OperationId, jsonName)] = name;
        }

        return name;
    }

    public string OptionsName { get; }

    public string JsonContextName { get; }

    public string Type(string typeId) => _typeNames[typeId];

    public string Member(string typeId, string jsonNameOrValue) => _members[typeId].Names[jsonNameOrValue];

    public string ExtensionData(string typeId) => _members[typeId].ExtensionData ?? throw new KeyNotFoundException($"'{typeId}' is not an object type.");

    public string Method(string operationId) => _methods[operationId];

    /// <summary>The <c>…StreamAsync</c> method of an operation that answers with server-sent events.</summary>
    public string StreamMethod(string operationId) => _streamMethods[operationId];

    /// <summary>
    /// The method for a request media type the main method does not send (<c>CreateImageEditMultipartAsync</c>): claimed
    /// after every operation's own names, so it never takes one of theirs.
    /// </summary>
    public string AlternateMethod(string operationId, string suffix)
    {
        if (!_alternateMethods.TryGetValue((operationId, suffix), out var name))
        {
            name = _methodNames.Claim(OperationName(operationId) + suffix + "Async");
            _alternateMethods[(operationId, suffix)] = name;
        }

        return name;
    }

    /// <summary>An operation's id as the start of a method name, cut (with a hash) where C# or metadata would refuse it.</summary>
    private static string OperationName(string operationId) => CSharpSyntax.Shorten(CSharpSyntax.Pascal(operationId, "Operation"), MaxMemberName);

    public string Parameter(Operation operation, Parameter parameter) => _parameters[(operation.OperationId, parameter.In, parameter.Name)];

    /// <summary>The C# names of an object's properties (and its extension data) or of an enum's values.</summary>
    private static TypeMembers? NameMembers(TypeDefinition type, string typeName)
    {
        switch (type)
        {
            case ObjectType obj:
                var members = new UniqueNames([typeName, .. ObjectMembers]);
                var properties = new Dictionary<string, string>(obj.Properties.Count, StringComparer.Ordinal);
                foreach (var property in obj.Properties)
                {
                    properties[property.JsonName] = members.Claim(NotTheTypeName(CSharpSyntax.Shorten(CSharpSyntax.Pascal(property.JsonName), MaxMemberName), typeName));
                }

                return new TypeMembers(properties, members.Claim("AdditionalProperties"));
            case EnumType enumType:
                var values = new UniqueNames([typeName, "Value", "IsKnown", "Converter", .. ObjectMembers]);
                var names = new Dictionary<string, string>(enumType.Values.Count, StringComparer.Ordinal);
                foreach (var value in enumType.Values)
                {
                    var member = enumType.Kind == PrimitiveKind.Integer
                        ? "Value" + value.Value.Replace("-", "Minus", StringComparison.Ordinal)
                        : NotTheTypeName(CSharpSyntax.Shorten(CSharpSyntax.Pascal(value.Value, "Empty"), MaxMemberName), typeName);
                    names[value.Value] = values.Claim(member);
                }

                return new TypeMembers(names, ExtensionData: null);
            default:
                return null;
        }
    }

    /// <summary>A member cannot share its type's name (CS0542): <c>Collide.Collide</c> becomes <c>Collide.CollideValue</c>.</summary>
    private static string NotTheTypeName(string member, string typeName) =>
        string.Equals(member, typeName, StringComparison.OrdinalIgnoreCase) ? member + "Value" : member;

    private static bool IsComponent(string id) =>
        id.StartsWith("#/components/schemas/", StringComparison.Ordinal) && id.IndexOf('/', "#/components/schemas/".Length) < 0;
}

/// <summary>The C# member names of one type, by JSON name or enum value; <c>ExtensionData</c> for objects only.</summary>
internal sealed record TypeMembers(Dictionary<string, string> Names, string? ExtensionData);

/// <summary>A client class for one tag, and the root client's property that hands it out.</summary>
internal sealed record TagClient(string Tag, string ClassName, string PropertyName);
