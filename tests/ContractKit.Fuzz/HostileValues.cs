using System;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractKit.Fuzz;

/// <summary>The values mutations put into specs and payloads: the strings, numbers and references that break tools.</summary>
internal static class HostileValues
{
    /// <summary>Names and texts that try to leave a C# identifier, literal or comment, or that collide or confuse.</summary>
    public static readonly string[] Strings =
    [
        "", " ", "\"", "'", "\\", "\"\"\"", "*/", "/*", "//", "</summary>", "<!--", "]]>", "&amp;", "\n#error boom\n", "\r\n",
        "\u202E", "\u2066x\u2069", "\u200B", "\0", "\uD800", "\uDFFF", "\uFEFF", "\U0001F600", "e\u0301", "\u0130",
        "class", "@class", "namespace", "global", "object", "value", "Value", "VALUE", "1abc", "123", "-", "a-b", "a.b", "a b",
        "_", "__", "get_Item", "ToString", "Equals", "GetHashCode", "Client", "ApiException", "Optional", "System",
        "{", "}", "{{x}}", "{id}", "%s", "$ref", "#", "null", "true", "~", "~1", "/", "%2F", "..", "a/b", "\t", "ΩmegaЖ",
        "x-foo", "application/json", "*/*", "text/plain; charset=\"x\"",
    ];

    /// <summary>What a <c>$ref</c> is swapped to: missing, odd, external, escaping and remote targets.</summary>
    public static readonly string[] References =
    [
        "#", "#/", "##", "#/components", "#/components/schemas", "#/components/schemas/Missing", "#/components/schemas/",
        "#/paths", "#/paths/~1x", "#/info", "#/components/schemas/%25", "#/components/schemas/~2", "#/definitions/X",
        "other.yaml#/components/schemas/A", "./nested/x.json", "../outside.yaml", "sub/../../x.yaml", "..%2Fx.yaml",
        "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/x.yaml", "https://example.invalid/s.json#/A",
        "ftp://x/y", "urn:uuid:1234", "", " ", "#/components/schemas/A/properties/b", "\u202E#/x",
    ];

    /// <summary>Patterns: catastrophic backtracking, invalid syntax, and .NET/ECMA differences.</summary>
    public static readonly string[] Patterns =
    [
        "(a+)+$", "^(a|a)*$", "(x+x+)+y", "[", "(", "\\", "(?<n>a)\\k<m>", "\\p{IsNope}", "a{2,1}", "^\\d{1,1000000}$",
        "(?=a)*", "\\Z", "[[:alpha:]]", "\\u{1F600}", "(?i)A", "",
    ];

    public static JsonNode? Number(Random rng) => rng.Next(12) switch
    {
        0 => JsonValue.Create(0),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(long.MinValue),
        4 => JsonValue.Create(double.MaxValue),
        5 => JsonValue.Create(double.Epsilon),
        6 => JsonValue.Create(1e-300),
        7 => JsonValue.Create(0.1),
        8 => JsonNode.Parse("123456789012345678901234567890"),
        9 => JsonNode.Parse("-0"),
        10 => JsonNode.Parse("1e400"),
        _ => JsonValue.Create(rng.Next(-1000, 1000)),
    };

    public static string String(Random rng)
    {
        var pick = Strings[rng.Next(Strings.Length)];
        return rng.Next(4) switch
        {
            0 => pick + Strings[rng.Next(Strings.Length)],
            1 => "Name" + pick,
            _ => pick,
        };
    }

    /// <summary>A long string: usually under the spec string limit, sometimes just over it.</summary>
    public static string Huge(Random rng)
    {
        int[] lengths = [10_000, 100_000, 300_000, 1_048_577, 1_200_000];
        var length = lengths[rng.Next(rng.Next(4) == 0 ? lengths.Length : 3)];
        var unit = rng.Next(3) switch { 0 => "a", 1 => "\u00e9\U0001F600", _ => "ab\"\\<" };
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    /// <summary>Any JSON value, a container sometimes.</summary>
    public static JsonNode? Value(Random rng) => rng.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(rng.Next(2) == 0),
        2 => Number(rng),
        3 => JsonValue.Create(String(rng)),
        4 => new JsonObject(),
        5 => new JsonArray(),
        6 => new JsonObject { [String(rng)] = Number(rng) },
        _ => new JsonArray(JsonValue.Create(String(rng)), null, Number(rng)),
    };

    /// <summary>A keyword an OpenAPI schema or object may carry, with a value that is wrong or extreme for it.</summary>
    public static (string Key, JsonNode? Value) Keyword(Random rng) => rng.Next(24) switch
    {
        0 => ("type", JsonValue.Create(Pick(rng, "string", "integer", "number", "object", "array", "boolean", "null", "file", "any", ""))),
        1 => ("type", new JsonArray(JsonValue.Create("string"), JsonValue.Create("null"), JsonValue.Create(Pick(rng, "object", "array", "integer")))),
        2 => ("nullable", JsonValue.Create(rng.Next(2) == 0)),
        3 => ("enum", new JsonArray(JsonValue.Create(String(rng)), JsonValue.Create(String(rng)), null, Number(rng))),
        4 => ("pattern", JsonValue.Create(Patterns[rng.Next(Patterns.Length)])),
        5 => ("format", JsonValue.Create(Pick(rng, "date-time", "date", "uuid", "int64", "int32", "byte", "binary", "email", "uri", "ipv4", "regex", "duration", "weird"))),
        6 => (Pick(rng, "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"), Number(rng)),
        7 => (Pick(rng, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"), rng.Next(3) == 0 ? JsonValue.Create(rng.Next(2) == 0) : Number(rng)),
        8 => ("required", new JsonArray(JsonValue.Create(String(rng)), JsonValue.Create("id"), JsonValue.Create("id"))),
        9 => ("discriminator", new JsonObject { ["propertyName"] = String(rng), ["mapping"] = new JsonObject { [String(rng)] = Pick(rng, References) } }),
        10 => (Pick(rng, "oneOf", "anyOf", "allOf"), new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["$ref"] = Pick(rng, References) })),
        11 => (Pick(rng, "oneOf", "anyOf", "allOf"), new JsonArray()),
        12 => ("not", new JsonObject()),
        13 => (Pick(rng, "const", "default", "example"), Value(rng)),
        14 => (Pick(rng, "readOnly", "writeOnly", "deprecated", "uniqueItems"), JsonValue.Create(true)),
        15 => ("additionalProperties", rng.Next(2) == 0 ? JsonValue.Create(false) : new JsonObject { ["type"] = String(rng) }),
        16 => ("items", rng.Next(2) == 0 ? new JsonArray(new JsonObject()) : JsonValue.Create(true)),
        17 => ("properties", new JsonObject { [String(rng)] = new JsonObject { ["type"] = "string" }, [String(rng)] = Value(rng) }),
        18 => ("$ref", JsonValue.Create(Pick(rng, References))),
        19 => ("x-" + String(rng), Value(rng)),
        20 => (Pick(rng, "description", "summary", "title", "operationId", "name", "in", "style"), JsonValue.Create(String(rng))),
        21 => ("examples", new JsonObject { [String(rng)] = new JsonObject { ["value"] = Value(rng) } }),
        22 => (Pick(rng, "$id", "$anchor", "$schema", "$dynamicRef", "$defs"), JsonValue.Create(Pick(rng, References))),
        _ => (String(rng), Value(rng)),
    };

    public static T Pick<T>(Random rng, params T[] values) => values[rng.Next(values.Length)];
}
