using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractKit.Reporting;

/// <summary>The JSON and SARIF writers: Utf8JsonWriter only, no reflection.</summary>
public static partial class FindingWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteJson(TextWriter output, IReadOnlyList<Finding> findings, ReportContext context) => WriteWith(output, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("tool", "contractkit");
        writer.WriteString("command", context.Command);
        writer.WriteString("base", context.BaseSpec);
        writer.WriteString("head", context.HeadSpec);
        writer.WriteStartObject("summary");
        writer.WriteNumber("error", findings.Count(f => f.Level == FindingLevel.Error));
        writer.WriteNumber("warning", findings.Count(f => f.Level == FindingLevel.Warning));
        writer.WriteNumber("info", findings.Count(f => f.Level == FindingLevel.Info));
        writer.WriteEndObject();
        writer.WriteStartArray("findings");
        foreach (var f in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", f.RuleId);
            writer.WriteString("level", LevelName(f.Level));
            writer.WriteString("message", f.Message);
            writer.WriteString("operation", f.Operation);
            writer.WriteString("direction", f.Direction);
            if (f.Impact is not null)
            {
                writer.WriteString("impact", f.Impact);
            }

            writer.WriteString("oasdiffId", f.OasdiffId);
            writer.WriteString("file", f.Location?.FilePath);
            writer.WriteNumber("line", f.Location?.Line ?? 0);
            writer.WriteNumber("column", f.Location?.Column ?? 0);
            writer.WriteString("pointer", f.Location?.Pointer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSarif(TextWriter output, IReadOnlyList<Finding> findings, ReportContext context) => WriteWith(output, writer =>
    {
        var ruleIds = findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        var ruleIndex = ruleIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "contractkit");
        writer.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", context.RuleDescriptions?.GetValueOrDefault(id) ?? id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var f in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", f.RuleId);
            writer.WriteNumber("ruleIndex", ruleIndex[f.RuleId]);
            writer.WriteString("level", f.Level switch { FindingLevel.Error => "error", FindingLevel.Warning => "warning", _ => "note" });
            writer.WriteStartObject("message");
            writer.WriteString("text", f.Operation is null ? f.Message : f.Operation + ": " + f.Message);
            writer.WriteEndObject();
            if (f.Location is { } l)
            {
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", l.FilePath.Replace('\\', '/'));
                writer.WriteEndObject();
                if (l.Line > 0)
                {
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", l.Line);
                    writer.WriteNumber("startColumn", Math.Max(1, l.Column));
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                if (l.Pointer is not null)
                {
                    writer.WriteStartArray("logicalLocations");
                    writer.WriteStartObject();
                    writer.WriteString("fullyQualifiedName", l.Pointer);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteWith(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
