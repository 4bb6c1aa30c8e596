using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Formats;
using ContractKit.Runtime.Validation.Instance;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

internal static partial class KeywordFactory
{
    private static void AddValues(SchemaCompiler compiler, SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        if (e.TryGetProperty("type", out var type))
        {
            list.Add(BuildType(site, type));
        }

        if (e.TryGetProperty("enum", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array)
            {
                throw new SchemaCompilationException(site.Key + "/enum", "'enum' must be an array");
            }

            var constants = new List<ConstValue>();
            foreach (var v in values.EnumerateArray())
            {
                constants.Add(ConstValue.From(v));
            }

            list.Add(new EnumKeyword(constants.ToArray()));
        }

        if (!site.Dialect.Draft4 && e.TryGetProperty("const", out var constant))
        {
            list.Add(new ConstKeyword(ConstValue.From(constant)));
        }

        if (e.TryGetProperty("multipleOf", out var multipleOf))
        {
            var divisor = Number(site, multipleOf, "multipleOf");
            if (JsonNumber.Compare(divisor, new JsonNumber(0m)) <= 0)
            {
                throw new SchemaCompilationException(site.Key + "/multipleOf", "'multipleOf' must be greater than 0");
            }

            list.Add(new MultipleOfKeyword(divisor));
        }

        AddRange(site, list, compiler.Options.OpenApi30);
        if (e.TryGetProperty("maxLength", out var maxLength))
        {
            list.Add(new LengthKeyword("maxLength", NonNegativeInteger(site, maxLength, "maxLength"), upper: true));
        }

        if (e.TryGetProperty("minLength", out var minLength))
        {
            list.Add(new LengthKeyword("minLength", NonNegativeInteger(site, minLength, "minLength"), upper: false));
        }

        if (e.TryGetProperty("pattern", out var pattern))
        {
            var text = String(site, pattern, "pattern");
            var regex = PatternCompiler.CompileForSchema(text, site.Key + "/pattern", compiler.Options, out var problem);
            list.Add(regex is null ? new InvalidPatternKeyword("pattern", problem!, TokenKind.String) : new PatternKeyword(regex, text));
        }

    }

    private static void AddRange(SchemaSite site, List<Keyword> list, bool openApi30)
    {
        var e = site.Element;

        // OpenAPI 3.0 keeps draft 4's boolean exclusiveMinimum/exclusiveMaximum whatever the dialect.
        var draft4 = site.Dialect.Draft4 || (openApi30 && (IsBoolean(e, "exclusiveMaximum") || IsBoolean(e, "exclusiveMinimum")));
        if (e.TryGetProperty("maximum", out var maximum))
        {
            var exclusive = draft4 && IsTrue(e, "exclusiveMaximum");
            list.Add(new RangeKeyword(exclusive ? "exclusiveMaximum" : "maximum", Number(site, maximum, "maximum"), upper: true, exclusive));
        }

        if (e.TryGetProperty("minimum", out var minimum))
        {
            var exclusive = draft4 && IsTrue(e, "exclusiveMinimum");
            list.Add(new RangeKeyword(exclusive ? "exclusiveMinimum" : "minimum", Number(site, minimum, "minimum"), upper: false, exclusive));
        }

        if (!draft4 && e.TryGetProperty("exclusiveMaximum", out var exMax) && exMax.ValueKind == JsonValueKind.Number)
        {
            list.Add(new RangeKeyword("exclusiveMaximum", Number(site, exMax, "exclusiveMaximum"), upper: true, exclusive: true));
        }

        if (!draft4 && e.TryGetProperty("exclusiveMinimum", out var exMin) && exMin.ValueKind == JsonValueKind.Number)
        {
            list.Add(new RangeKeyword("exclusiveMinimum", Number(site, exMin, "exclusiveMinimum"), upper: false, exclusive: true));
        }
    }

    private static bool IsBoolean(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static TypeKeyword BuildType(SchemaSite site, JsonElement type)
    {
        var allowed = JsonTypes.None;
        var names = new List<string>();
        if (type.ValueKind == JsonValueKind.String)
        {
            names.Add(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                names.Add(String(site, t, "type"));
            }
        }
        else
        {
            throw new SchemaCompilationException(site.Key + "/type", "'type' must be a string or an array of strings");
        }

        foreach (var name in names)
        {
            var flag = TypeKeyword.Parse(name);
            if (flag == JsonTypes.None)
            {
                throw new SchemaCompilationException(site.Key + "/type", $"unknown type '{name}'");
            }

            allowed |= flag;
        }

        return new TypeKeyword(allowed, names.Count == 1 ? names[0] : "one of " + string.Join(", ", names), site.Dialect.Draft4);
    }

    private static void AddFormat(SchemaSite site, List<Keyword> list)
    {
        if (!site.Dialect.FormatAssertion || !site.Element.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var name = format.GetString()!;
        if (FormatRegistry.Find(name, out var numeric) is { } check)
        {
            list.Add(new FormatKeyword(name, check, numeric));
        }
    }

    internal static JsonNumber Number(SchemaSite site, JsonElement value, string keyword) =>
        value.ValueKind == JsonValueKind.Number
            ? JsonNumber.Parse(Encoding.UTF8.GetBytes(value.GetRawText()))
            : throw new SchemaCompilationException(site.Key + "/" + keyword, $"'{keyword}' must be a number");
}
