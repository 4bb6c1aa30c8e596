using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;
using ContractKit.Runtime.Validation.Keywords;

namespace ContractKit.Runtime.Validation.Compiler;

internal static partial class KeywordFactory
{
    /// <summary>Stands in for a <c>patternProperties</c> pattern that does not compile: it matches no name.</summary>
    private static readonly Regex NoMatch = new("(?!)", RegexOptions.NonBacktracking);

    private static void AddCounts(SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        AddCount(site, list, e, "maxItems", true, TokenKind.Array);
        AddCount(site, list, e, "minItems", false, TokenKind.Array);
        AddCount(site, list, e, "maxProperties", true, TokenKind.Object);
        AddCount(site, list, e, "minProperties", false, TokenKind.Object);
        if (IsTrue(e, "uniqueItems"))
        {
            list.Add(new UniqueItemsKeyword());
        }
    }

    private static void AddCount(SchemaSite site, List<Keyword> list, JsonElement e, string name, bool upper, TokenKind kind)
    {
        if (e.TryGetProperty(name, out var value))
        {
            list.Add(new CountKeyword(name, NonNegativeInteger(site, value, name), upper, kind));
        }
    }

    private static void AddRequired(SchemaCompiler compiler, SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        if (e.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            var texts = new List<string>();
            foreach (var r in required.EnumerateArray())
            {
                texts.Add(String(site, r, "required"));
            }

            var readOnly = new bool[texts.Count];
            var writeOnly = new bool[texts.Count];
            if (compiler.Options.OpenApiVocabulary && e.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    if (properties.TryGetProperty(texts[i], out _))
                    {
                        var child = compiler.Child(site, "/" + Segment("properties", texts[i]));
                        readOnly[i] = compiler.HasFlag(child, "readOnly");
                        writeOnly[i] = compiler.HasFlag(child, "writeOnly");
                    }
                }
            }

            list.Add(new RequiredKeyword(Utf8(texts), texts.ToArray(), readOnly, writeOnly));
        }

        AddDependentRequired(site, list, site.Dialect.Draft4 ? "dependencies" : "dependentRequired");
        if (!site.Dialect.Draft4)
        {
            AddDependentRequired(site, list, "dependencies");
        }
    }

    private static void AddDependentRequired(SchemaSite site, List<Keyword> list, string dependentRequired)
    {
        if (site.Element.TryGetProperty(dependentRequired, out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            var triggers = new List<string>();
            var names = new List<byte[][]>();
            var texts = new List<string[]>();
            foreach (var p in deps.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var needed = new List<string>();
                foreach (var r in p.Value.EnumerateArray())
                {
                    needed.Add(String(site, r, dependentRequired));
                }

                triggers.Add(p.Name);
                names.Add(Utf8(needed));
                texts.Add(needed.ToArray());
            }

            if (triggers.Count > 0)
            {
                list.Add(new DependentRequiredKeyword(dependentRequired, Utf8(triggers), triggers.ToArray(), names.ToArray(), texts.ToArray()));
            }
        }
    }

    private static void AddObjects(SchemaCompiler compiler, SchemaSite site, List<Keyword> list)
    {
        var e = site.Element;
        Utf8NameTable? names = null;
        if (e.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                throw new SchemaCompilationException(site.Key + "/properties", "'properties' must be an object");
            }

            var texts = new List<string>();
            var nodes = new List<SchemaNode>();
            var segments = new List<string>();
            var readOnly = new List<bool>();
            var writeOnly = new List<bool>();
            foreach (var p in properties.EnumerateObject())
            {
                var segment = Segment("properties", p.Name);
                var child = compiler.Child(site, "/" + segment);
                texts.Add(p.Name);
                segments.Add(segment);
                nodes.Add(compiler.Compile(child));
                readOnly.Add(compiler.Options.OpenApiVocabulary && compiler.HasFlag(child, "readOnly"));
                writeOnly.Add(compiler.Options.OpenApiVocabulary && compiler.HasFlag(child, "writeOnly"));
            }

            names = new Utf8NameTable(texts.ToArray());
            list.Add(new PropertiesKeyword(names, nodes.ToArray(), segments.ToArray()));
            if (readOnly.Contains(true) || writeOnly.Contains(true))
            {
                list.Add(new PropertyAccessKeyword(names, segments.ToArray(), readOnly.ToArray(), writeOnly.ToArray()));
            }
        }

        var patterns = new List<Regex>();
        if (e.TryGetProperty("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object)
        {
            var nodes = new List<SchemaNode>();
            var segments = new List<string>();
            foreach (var p in patternProperties.EnumerateObject())
            {
                var segment = Segment("patternProperties", p.Name);
                var regex = PatternCompiler.CompileForSchema(p.Name, site.Key + "/" + segment, compiler.Options, out var problem);
                if (regex is null)
                {
                    // Matches no name, so additionalProperties still applies; the keyword below rejects the object.
                    list.Add(new InvalidPatternKeyword("patternProperties", problem!, TokenKind.Object));
                }

                patterns.Add(regex ?? NoMatch);
                segments.Add(segment);
                nodes.Add(compiler.CompileChild(site, "/" + segment));
            }

            list.Add(new PatternPropertiesKeyword(patterns.ToArray(), nodes.ToArray(), segments.ToArray()));
        }

        if (e.TryGetProperty("additionalProperties", out _))
        {
            list.Add(new AdditionalPropertiesKeyword(compiler.CompileChild(site, "/additionalProperties"), names, patterns.ToArray()));
        }

        AddDependentSchemas(compiler, site, list, site.Dialect.Draft4 ? "dependencies" : "dependentSchemas");
        if (!site.Dialect.Draft4)
        {
            AddDependentSchemas(compiler, site, list, "dependencies");
        }

        if (!site.Dialect.Draft4 && e.TryGetProperty("propertyNames", out _))
        {
            list.Add(new PropertyNamesKeyword(compiler.CompileChild(site, "/propertyNames")));
        }
    }

    private static void AddDependentSchemas(SchemaCompiler compiler, SchemaSite site, List<Keyword> list, string dependentSchemas)
    {
        if (site.Element.TryGetProperty(dependentSchemas, out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            var triggers = new List<string>();
            var nodes = new List<SchemaNode>();
            var segments = new List<string>();
            foreach (var p in deps.EnumerateObject())
            {
                if (p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                {
                    continue;
                }

                var segment = Segment(dependentSchemas, p.Name);
                triggers.Add(p.Name);
                segments.Add(segment);
                nodes.Add(compiler.CompileChild(site, "/" + segment));
            }

            if (triggers.Count > 0)
            {
                list.Add(new DependentSchemasKeyword(dependentSchemas, Utf8(triggers), nodes.ToArray(), segments.ToArray()));
            }
        }
    }

    private static byte[][] Utf8(List<string> texts)
    {
        var result = new byte[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(texts[i]);
        }

        return result;
    }
}
