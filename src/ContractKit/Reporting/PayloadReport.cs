using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ContractKit.Diagnostics;

namespace ContractKit.Reporting;

/// <summary>One payload's verdict as <c>validate</c> reports it; <see cref="ReadError"/> is set when it could not be read or is not JSON.</summary>
/// <param name="File">The payload file as the user named it.</param>
/// <param name="Valid">Whether it validates.</param>
/// <param name="Errors">The validation errors.</param>
/// <param name="ReadError">Why the file could not be read or parsed, or null.</param>
public sealed record PayloadResult(string File, bool Valid, IReadOnlyList<PayloadError> Errors, string? ReadError = null)
{
    /// <summary>The diagnostic id of <see cref="ReadError"/>: CK1001/CK1002 (the file could not be read) or CK1003 (not JSON).</summary>
    public string ReadErrorId { get; init; } = DiagnosticIds.SyntaxError;
}

/// <summary>A validation error: where in the payload, which schema keyword, and what is wrong.</summary>
/// <param name="InstanceLocation">JSON pointer into the payload ("" for the root).</param>
/// <param name="SchemaLocation">JSON pointer into the schema.</param>
/// <param name="Keyword">The failing keyword.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PayloadError(string InstanceLocation, string SchemaLocation, string Keyword, string Message);

/// <summary><c>validate</c>'s results as text (stdout, read errors on stderr) or JSON, and its exit code.</summary>
public static class PayloadReport
{
    /// <summary>The <c>--format</c> values of <c>validate</c>.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["text", "json"];

    /// <summary>2 when a payload file could not be read, else 1 when one is invalid or not JSON, else 0 (<see cref="ExitCodes"/>).</summary>
    /// <param name="results">The results.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeFor(IReadOnlyList<PayloadResult> results) =>
        results.Any(o => o.ReadError is not null && ExitCodes.IsUsageOrIo(o.ReadErrorId)) ? ExitCodes.UsageOrIo
            : results.All(o => o.Valid) ? ExitCodes.Success
            : ExitCodes.InputErrors;

    /// <summary>One line per payload, then its errors indented; read errors go to <paramref name="errors"/>.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="errors">Standard error.</param>
    /// <param name="results">The results.</param>
    public static void WriteText(TextWriter output, TextWriter errors, IReadOnlyList<PayloadResult> results)
    {
        foreach (var outcome in results)
        {
            if (outcome.ReadError is not null)
            {
                errors.WriteLine($"{outcome.File}: error {outcome.ReadErrorId}: {outcome.ReadError}");
                continue;
            }

            if (outcome.Valid)
            {
                output.WriteLine($"{outcome.File}: valid");
                continue;
            }

            output.WriteLine($"{outcome.File}: invalid ({outcome.Errors.Count} {(outcome.Errors.Count == 1 ? "error" : "errors")})");
            foreach (var error in outcome.Errors)
            {
                var at = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
                output.WriteLine($"  {at}: {error.Message} [{error.Keyword} at {error.SchemaLocation}]");
            }
        }
    }

    /// <summary><c>{"results":[{"file","valid","readError"?,"errors":[{"instanceLocation","schemaLocation","keyword","message"}]}]}</c>, indented, then a newline.</summary>
    /// <param name="output">Standard output, as bytes.</param>
    /// <param name="results">The results.</param>
    public static void WriteJson(Stream output, IReadOnlyList<PayloadResult> results)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var outcome in results)
            {
                writer.WriteStartObject();
                writer.WriteString("file", outcome.File);
                writer.WriteBoolean("valid", outcome.Valid);
                if (outcome.ReadError is not null)
                {
                    writer.WriteString("readError", outcome.ReadError);
                }

                writer.WriteStartArray("errors");
                foreach (var error in outcome.Errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("instanceLocation", error.InstanceLocation);
                    writer.WriteString("schemaLocation", error.SchemaLocation);
                    writer.WriteString("keyword", error.Keyword);
                    writer.WriteString("message", error.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
