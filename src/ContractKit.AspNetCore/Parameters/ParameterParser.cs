using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Model;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Parameters;

/// <summary>
/// Turns a parameter's text, serialized by its <c>style</c>/<c>explode</c>, into the JSON value its schema validates:
/// <c>simple</c>, <c>label</c>, <c>matrix</c> (path), <c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>,
/// <c>deepObject</c> (query), <c>simple</c> (header), <c>form</c> (cookie). Text is a number or boolean only where the
/// schema wants one; what does not parse stays a string, so that the schema reports it.
/// </summary>
public static class ParameterParser
{
    /// <summary>The style a parameter uses: as written, else its location's default.</summary>
    public static string StyleOf(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Style ?? (parameter.In switch
        {
            ParameterLocation.Query or ParameterLocation.Cookie => "form",
            _ => "simple",
        });
    }

    /// <summary>A path, header or cookie parameter from its one text (a path value still percent-encoded); null when absent.</summary>
    public static JsonNode? FromText(Parameter parameter, ParameterShape shape, string? text)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(shape);
        if (text is null)
        {
            return null;
        }

        var encoded = parameter.In == ParameterLocation.Path;
        var style = StyleOf(parameter);
        var body = style switch
        {
            "label" => text.StartsWith('.') ? text[1..] : text,
            "matrix" => StripMatrix(text, parameter.Name, shape, parameter.Explode),
            _ => text,
        };
        var separator = style == "label" && parameter.Explode ? '.' : style == "matrix" && parameter.Explode ? ';' : ',';
        var parts = body.Split(separator);
        if (encoded)
        {
            parts = parts.Select(Uri.UnescapeDataString).ToArray();
        }

        return shape.Shape switch
        {
            ValueShape.Array => new JsonArray(parts.Where(p => p.Length > 0 || parts.Length > 1).Select(p => Scalar(p, shape.Kind)).ToArray()),
            ValueShape.Object => parameter.Explode ? PairsOf(parts, shape) : ListOf(parts, shape),
            _ => Scalar(encoded ? Uri.UnescapeDataString(body) : body, shape.Kind),
        };
    }

    /// <summary>A query parameter; null when absent. <paramref name="declared"/>: every query parameter's name, for exploded objects.</summary>
    public static JsonNode? FromQuery(Parameter parameter, ParameterShape shape, IQueryCollection query, IReadOnlyCollection<string> declared)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(declared);
        var style = StyleOf(parameter);
        if (shape.Shape == ValueShape.Object)
        {
            return ObjectFromQuery(parameter, shape, query, declared, style);
        }

        if (!query.TryGetValue(parameter.Name, out var values))
        {
            return null;
        }

        if (shape.Shape == ValueShape.Scalar)
        {
            return Scalar(values[^1] ?? "", shape.Kind);
        }

        var delimiter = style switch { "spaceDelimited" => ' ', "pipeDelimited" => '|', _ => ',' };
        var items = parameter.Explode ? values.Select(v => v ?? "") : values.SelectMany(v => (v ?? "").Split(delimiter));
        return new JsonArray(items.Where(v => v.Length > 0).Select(v => Scalar(v, shape.Kind)).ToArray());
    }

    private static JsonNode? ObjectFromQuery(Parameter parameter, ParameterShape shape, IQueryCollection query, IReadOnlyCollection<string> declared, string style)
    {
        if (style == "deepObject")
        {
            var prefix = parameter.Name + "[";
            var members = query.Where(q => q.Key.StartsWith(prefix, StringComparison.Ordinal) && q.Key.EndsWith(']')).ToList();
            return members.Count == 0 ? null : Build(members.Select(m => (m.Key[prefix.Length..^1], m.Value[^1] ?? "")), shape);
        }

        if (!parameter.Explode)
        {
            return query.TryGetValue(parameter.Name, out var values) ? ListOf((values[^1] ?? "").Split(','), shape) : null;
        }

        var own = query.Where(q => !declared.Contains(q.Key) && (shape.PropertyKinds.Count == 0 || shape.PropertyKinds.ContainsKey(q.Key))).ToList();
        return own.Count == 0 ? null : Build(own.Select(m => (m.Key, m.Value[^1] ?? "")), shape);
    }

    /// <summary>Text as the JSON scalar <paramref name="kind"/> wants, or a string when it is not one.</summary>
    public static JsonNode? Scalar(string text, PrimitiveKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (kind)
        {
            case PrimitiveKind.Integer or PrimitiveKind.Number when IsJsonNumber(text):
                return JsonNode.Parse(text);
            case PrimitiveKind.Boolean when text is "true" or "false":
                return JsonValue.Create(text == "true");
            default:
                return JsonValue.Create(text);
        }
    }

    private static bool IsJsonNumber(string text)
    {
        if (text.Length == 0 || text.Length > 64 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.BytesConsumed == text.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string StripMatrix(string text, string name, ParameterShape shape, bool explode)
    {
        var prefix = ";" + name + "=";
        if (shape.Shape == ValueShape.Array && explode)
        {
            return string.Join(';', text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? p[(name.Length + 1)..] : p));
        }

        if (shape.Shape == ValueShape.Object && explode)
        {
            return text.TrimStart(';');
        }

        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text.TrimStart(';');
    }

    private static JsonObject PairsOf(string[] parts, ParameterShape shape) =>
        Build(parts.Select(p => p.Split('=', 2)).Select(kv => (kv[0], kv.Length > 1 ? kv[1] : "")), shape);

    private static JsonObject ListOf(string[] parts, ParameterShape shape) =>
        Build(Enumerable.Range(0, parts.Length / 2).Select(i => (parts[2 * i], parts[(2 * i) + 1])), shape);

    private static JsonObject Build(IEnumerable<(string Name, string Value)> members, ParameterShape shape)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            var kind = shape.PropertyKinds.TryGetValue(name, out var k) ? k : shape.Kind;
            result[name] = Scalar(value, kind);
        }

        return result;
    }
}
