using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Reading;

/// <summary>Decides, before Microsoft.OpenApi sees the document, whether it is an OpenAPI version ContractKit reads.</summary>
internal static class SpecVersion
{
    /// <summary>
    /// Returns <see langword="null"/> when the version is supported, else the problem. <paramref name="writtenVersion"/>
    /// is the version as written (<c>"2.0"</c>, <c>"3.0.3"</c>, …) whenever there is one.
    /// 3.2 is refused although Microsoft.OpenApi 3.11 parses it: the model and generators target 2.0, 3.0 and 3.1.
    /// </summary>
    public static Diagnostic? Check(JsonNode? root, SourceMap source, out string? writtenVersion)
    {
        writtenVersion = null;
        if (root is not JsonObject document)
        {
            return new Diagnostic(
                DiagnosticIds.NotAnOpenApiDocument,
                DiagnosticSeverity.Error,
                root is null
                    ? "The file is empty; expected an OpenAPI description."
                    : "The document is not an object with an 'openapi' or 'swagger' field; it is not an OpenAPI description.",
                At(source, "#"));
        }

        var key = document.ContainsKey("openapi") ? "openapi" : document.ContainsKey("swagger") ? "swagger" : null;
        if (key is null)
        {
            return new Diagnostic(
                DiagnosticIds.NotAnOpenApiDocument,
                DiagnosticSeverity.Error,
                "The document has neither an 'openapi' nor a 'swagger' field; it is not an OpenAPI description.",
                new SourceLocation(source.FilePath, 1, 1));
        }

        var value = document[key];
        writtenVersion = value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? scalar.ToString()
            : null;
        var supported = writtenVersion is { } version && (key == "swagger"
            ? version == "2.0"
            : version.is3_0() || version.is3_1());
        if (supported)
        {
            if (value!.GetValueKind() == JsonValueKind.Number)
            {
                // An unquoted "swagger: 2.0" is a YAML number; Microsoft.OpenApi reads the field as a string only.
                document[key] = writtenVersion;
            }

            return null;
        }

        return new Diagnostic(
            DiagnosticIds.UnsupportedVersion,
            DiagnosticSeverity.Error,
            writtenVersion is null
                ? $"The '{key}' field must be a version string such as \"3.1.0\"."
                : $"{(key == "swagger" ? "Swagger" : "OpenAPI")} version '{writtenVersion}' is not supported; ContractKit reads OpenAPI 2.0 (swagger: \"2.0\"), 3.0.x and 3.1.x.",
            At(source, "#/" + key));
    }

    private static SourceLocation At(SourceMap source, string pointer) =>
        source.Locate(pointer) ?? new SourceLocation(source.FilePath, 1, 1, pointer);
}
