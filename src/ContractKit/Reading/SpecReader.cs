// TEMPORARY STUB (lead): replaced by the real reader.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Reading;

public static class SpecReader
{
    public static Task<SpecReadResult> ReadAsync(string path, CancellationToken cancellationToken = default) => Task.FromResult(Read(path));

    public static SpecReadResult Read(string path)
    {
        var text = File.ReadAllText(path);
        var r = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        return new SpecReadResult
        {
            FilePath = path,
            Document = r.Document,
            Diagnostics = r.Diagnostic!.Errors.Select(e => new Diagnostic("CK1005", DiagnosticSeverity.Error, e.Message)).ToList(),
            Source = new SourceMap(path),
            SpecVersion = "3.0.0",
        };
    }
}

public sealed class SpecReadResult
{
    public required string FilePath { get; init; }
    public OpenApiDocument? Document { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public required SourceMap Source { get; init; }
    public string? SpecVersion { get; init; }
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

public sealed class SourceMap
{
    public SourceMap(string filePath) => FilePath = filePath;
    public string FilePath { get; }
    public SourceLocation? Locate(string jsonPointer) => new(FilePath, 0, 0, jsonPointer);
}
