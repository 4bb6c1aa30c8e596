using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// What a method sends without being asked: headers the contract fixes to one value, <c>stream: true</c> from a
/// <c>…StreamAsync</c> method, and the <c>[Obsolete]</c> message of a deprecated operation.
/// </summary>
public sealed partial class CSharpEmitter
{
    private const string HeaderOverridesProperty = "HeaderOverrides";

    /// <summary>
    /// The value of a required header parameter whose schema allows exactly one (a one-value enum, or <c>const</c>),
    /// which the client sends itself; null for any other parameter.
    /// </summary>
    private string? ConstantHeaderValue(Parameter parameter)
    {
        if (parameter.In != ParameterLocation.Header || !parameter.Required || parameter.Type.Nullable)
        {
            return null;
        }

        if (parameter.Type.Type is NamedRef named && _types.TryDefinition(named.TypeId, out var definition) &&
            definition is EnumType { Values.Count: 1, Nullable: false } single)
        {
            return single.Values[0].Value;
        }

        // Values the model keeps as constraints (booleans, numbers beyond long): compact JSON, strings unquoted.
        return parameter.Type.Constraints.Enum is { Count: 1 } values && ModelJson.Parse(values[0]) is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
            : null;
    }

    private bool IsConstantHeader(Parameter parameter) => ConstantHeaderValue(parameter) is not null;

    private bool HasConstantHeaders() => _model.Operations.Any(o => o.Parameters.Any(IsConstantHeader));

    private void EmitConstantHeaders(SourceWriter writer, Operation operation)
    {
        foreach (var parameter in operation.Parameters.Where(IsConstantHeader))
        {
            var value = ConstantHeaderValue(parameter)!;
            writer.Line($"{Helpers}.AddConstantHeader(request, _options.{HeaderOverridesProperty}, {CSharpSyntax.Literal(parameter.Name)}, {CSharpSyntax.Literal(value)});");
        }
    }

    /// <summary>The options' override of the constant headers, only for a contract that has some.</summary>
    private void EmitHeaderOverridesOption(SourceWriter writer)
    {
        if (!HasConstantHeaders())
        {
            return;
        }

        var names = _model.Operations.SelectMany(o => o.Parameters.Where(IsConstantHeader))
            .Select(p => $"<c>{CSharpSyntax.XmlText(p.Name)}: {CSharpSyntax.XmlText(ConstantHeaderValue(p)!)}</c>")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Replaces headers the contract fixes to one value ({string.Join(", ", names)}), which every operation that declares");
        writer.Line("/// them sends without a method parameter: a name set here sends this value instead, or nothing when the value is null.");
        writer.Line("/// Names compare case-insensitively. Empty by default: the contract's values are sent.");
        writer.Line("/// </summary>");
        writer.Line($"public global::System.Collections.Generic.IDictionary<string, string?> {HeaderOverridesProperty} {{ get; }} = new global::System.Collections.Generic.Dictionary<string, string?>(global::System.StringComparer.OrdinalIgnoreCase);");
    }

    /// <summary>
    /// True when a <c>…StreamAsync</c> method must set the body's <c>stream</c> flag: the JSON body is an object with
    /// a boolean <c>stream</c> property (OpenAI's convention for asking an operation for server-sent events).
    /// </summary>
    private bool HasStreamFlag(BodyPlan body)
    {
        if (body.Kind != BodyKind.Json || body.Media?.Schema is not { Type: NamedRef named } ||
            !_types.TryDefinition(named.TypeId, out var definition) || definition is not ObjectType type)
        {
            return false;
        }

        var stream = type.Properties.FirstOrDefault(p => p.JsonName == "stream");
        return stream is not null && IsBoolean(stream.Type, depth: 0);
    }

    private bool IsBoolean(TypeUse use, int depth) => use.Type switch
    {
        PrimitiveRef primitive => primitive.Kind == PrimitiveKind.Boolean,
        NamedRef named when depth < 8 && _types.TryDefinition(named.TypeId, out var definition) => definition switch
        {
            PrimitiveType primitive => primitive.Kind == PrimitiveKind.Boolean,
            AliasType alias => IsBoolean(alias.Target, depth + 1),
            _ => false,
        },
        _ => false,
    };

    /// <summary>
    /// The <c>[Obsolete]</c> message of a deprecated operation: the spec's own note when it has one (see
    /// <see cref="Operation.DeprecationNote"/>), else a fixed sentence naming the operation.
    /// </summary>
    private static string ObsoleteMessage(Operation operation) =>
        operation.DeprecationNote is { } note
            ? $"Deprecated in the API contract: {note}"
            : $"Deprecated in the API contract ({operation.Method} {operation.Path}).";

    private static void EmitObsolete(SourceWriter writer, Operation operation)
    {
        if (operation.Deprecated)
        {
            writer.Line($"[global::System.Obsolete({CSharpSyntax.Literal(ObsoleteMessage(operation))})]");
        }
    }

    /// <summary>What the method's remarks say about what it sends by itself.</summary>
    private IEnumerable<string> SentByItself(Operation operation, BodyPlan? body, bool stream)
    {
        foreach (var parameter in operation.Parameters.Where(IsConstantHeader))
        {
            yield return $"<para>Sends <c>{CSharpSyntax.XmlText(parameter.Name)}: {CSharpSyntax.XmlText(ConstantHeaderValue(parameter)!)}</c>, which the contract fixes (see <c>{HeaderOverridesProperty}</c> on the options).</para>";
        }

        if (stream && body is not null && HasStreamFlag(body))
        {
            yield return "<para>Sends the body with <c>\"stream\": true</c>, whatever the object passed says (the object itself is not changed).</para>";
        }
    }

    /// <summary>Header parameters the method takes (the constant ones it sends itself).</summary>
    private List<Parameter> MethodParameters(Operation operation) =>
        operation.Parameters.Where(p => p.In != ParameterLocation.Cookie && !IsConstantHeader(p)).ToList();
}
