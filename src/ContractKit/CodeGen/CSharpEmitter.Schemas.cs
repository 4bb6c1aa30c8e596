using System;
using ContractKit.Validation;

namespace ContractKit.CodeGen;

/// <summary>
/// The contract's schemas, embedded for the client's request and response validation. They come from the one
/// lowering every validator uses (<see cref="SchemaLowering"/>); each is compiled on first use, then reused.
/// </summary>
public sealed partial class CSharpEmitter
{
    private string EmitSchemas()
    {
        // The start of the file, with the whole document, was written beside the parts; without validators it is "{}".
        var (lowering, writer) = _validators.Count > 0 && _schemasStart is { } started ? started : StartSchemas(withDocument: _validators.Count > 0);
        var documentUri = new Uri($"urn:contractkit:{_options.Namespace}.{_names.ClientName}");
        var validation = $"{Runtime}.Validation";
        writer.Line($"private static readonly global::System.Uri DocumentUri = new global::System.Uri({CSharpSyntax.Literal(documentUri.AbsoluteUri)});");
        writer.Line();
        writer.Line($"private static readonly {validation}.SchemaOptions Options = CreateOptions();");
        foreach (var (property, _) in _validators)
        {
            writer.Line();
            writer.Line($"private static {validation}.JsonSchemaValidator? _{Field(property)};");
        }

        foreach (var (property, use) in _validators)
        {
            writer.Line();
            var schema = lowering.LowerUse(use, documentUri).ToJsonString();

            // A race compiles twice at worst; both results are equal and immutable.
            writer.Line($"public static {validation}.JsonSchemaValidator {property} => _{Field(property)} ??= {validation}.JsonSchemaValidator.Compile({CSharpSyntax.Literal(schema)}, Options);");
        }

        writer.Line();
        writer.Open($"private static {validation}.SchemaOptions CreateOptions()");
        writer.Line($"var registry = new {validation}.SchemaRegistry();");
        writer.Line("registry.Add(DocumentUri, Document);");
        writer.Line($"return new {validation}.SchemaOptions {{ DefaultDialect = {validation}.SchemaDialect.Draft202012, OpenApiVocabulary = true, FormatAssertion = true, ThrowOnInvalidPattern = false, Registry = registry }};");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The lowering, and the schemas file up to its document: the whole contract, or <c>{}</c>.</summary>
    private (SchemaLowering Lowering, SourceWriter Writer) StartSchemas(bool withDocument)
    {
        var lowering = new SchemaLowering(_model);
        var writer = StartFile();
        writer.Line($"/// <summary>The JSON Schemas of this contract that <see cref=\"{_names.ClientName}\"/> validates bodies against.</summary>");
        writer.Open($"internal static class {_names.ClientName}Schemas");
        writer.Line("/// <summary>Every named type of the contract under <c>$defs</c> (JSON Schema 2020-12 with the OpenAPI vocabulary).</summary>");

        // One definition per line, in a raw literal, so that a spec change shows as a diff of the definitions it
        // changes, and the compiler reads a line per type rather than a line per keyword (indented, the OpenAI
        // document was 2.5 MB of C#; compact, 1 MB). JSON text cannot hold three quotes in a row (quotes inside
        // strings are escaped), so the raw literal's delimiter cannot occur in it.
        writer.Line("private const string Document = \"\"\"");
        writer.Indent();
        writer.Lines(withDocument ? DocumentLines(lowering.LowerDocument()) : "{}");
        writer.Line("\"\"\";");
        writer.Unindent();
        writer.Line();
        return (lowering, writer);
    }

    /// <summary>The document's JSON with each definition of <c>$defs</c> on a line of its own.</summary>
    private static string DocumentLines(System.Text.Json.Nodes.JsonObject document)
    {
        var text = new System.Text.StringBuilder("{");
        var first = true;
        foreach (var (key, value) in document)
        {
            text.Append(first ? "\n" : ",\n").Append(System.Text.Json.JsonSerializer.Serialize(key)).Append(": ");
            first = false;
            if (key == "$defs" && value is System.Text.Json.Nodes.JsonObject definitions)
            {
                text.Append('{');
                var firstDefinition = true;
                foreach (var (name, definition) in definitions)
                {
                    text.Append(firstDefinition ? "\n" : ",\n").Append(System.Text.Json.JsonSerializer.Serialize(name)).Append(": ").Append(definition?.ToJsonString() ?? "null");
                    firstDefinition = false;
                }

                text.Append("\n}");
            }
            else
            {
                text.Append(value?.ToJsonString() ?? "null");
            }
        }

        return text.Append("\n}").ToString();
    }

    private static string Field(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
