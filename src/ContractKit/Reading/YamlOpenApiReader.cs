using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Reading;

/// <summary>
/// YAML for Microsoft.OpenApi without its separate YAML package: the text becomes a <see cref="JsonNode"/> through
/// <see cref="YamlToJson"/> (the same conversion <see cref="SpecReader"/> uses) and goes to
/// <see cref="OpenApiJsonReader"/>. Registered for "yaml" and "yml" so Microsoft.OpenApi can read YAML it meets
/// on its own, such as external documents.
/// </summary>
internal sealed class YamlOpenApiReader : IOpenApiReader
{
    public static YamlOpenApiReader Instance { get; } = new();

    public async Task<ReadResult> ReadAsync(Stream input, Uri location, OpenApiReaderSettings settings, CancellationToken cancellationToken = default)
    {
        if (input is MemoryStream memory)
        {
            return Read(memory, location, settings);
        }

        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return Read(buffer, location, settings);
    }

    public ReadResult Read(MemoryStream input, Uri location, OpenApiReaderSettings settings)
    {
        var (node, diagnostic) = Convert(input, location);
        return node is null
            ? new ReadResult { Document = null, Diagnostic = diagnostic }
            : new OpenApiJsonReader().Read(node, location, settings);
    }

    public T? ReadFragment<T>(MemoryStream input, OpenApiSpecVersion version, OpenApiDocument openApiDocument, out OpenApiDiagnostic diagnostic, OpenApiReaderSettings? settings = null)
        where T : IOpenApiElement
    {
        var (node, problems) = Convert(input, openApiDocument.BaseUri);
        if (node is null)
        {
            diagnostic = problems;
            return default;
        }

        return new OpenApiJsonReader().ReadFragment<T>(node, version, openApiDocument, out diagnostic, settings);
    }

    private static (JsonNode? Node, OpenApiDiagnostic Diagnostic) Convert(MemoryStream input, Uri? location)
    {
        var diagnostic = new OpenApiDiagnostic { Format = "yaml" };
        var text = SpecParser.Decode(input.ToArray());
        if (text is null)
        {
            diagnostic.Errors.Add(new OpenApiError("#", "The input is not UTF-8 or UTF-16 text."));
            return (null, diagnostic);
        }

        var parsed = YamlToJson.Convert(location?.ToString() ?? string.Empty, text);
        foreach (var problem in parsed.Problems.Where(p => p.Severity == ContractKit.Diagnostics.DiagnosticSeverity.Error))
        {
            diagnostic.Errors.Add(new OpenApiError($"#line={problem.Location?.Line}", problem.Message));
        }

        return (parsed.IsFatal ? null : parsed.Root ?? new JsonObject(), diagnostic);
    }
}
