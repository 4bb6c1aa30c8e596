using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.Model;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Mock;

/// <summary>Writes a mock body in its media type: JSON as is, an event stream as events, text as text, anything else as bytes.</summary>
internal static class MockBodies
{
    public static async Task WriteAsync(HttpContext context, MediaContent media, string? json, IReadOnlyList<string>? examples)
    {
        var response = context.Response;
        var type = ConcreteType(media.MediaType);
        response.ContentType = type;
        var bare = type.Split(';')[0].Trim();
        byte[] bytes;
        if (bare.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await WriteEventsAsync(response, examples is { Count: > 0 } ? examples : json is null ? [] : [json]).ConfigureAwait(false);
            return;
        }

        if (MediaTypes.IsJson(bare))
        {
            bytes = Encoding.UTF8.GetBytes(json ?? "null");
        }
        else if (bare.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || bare.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            bytes = Encoding.UTF8.GetBytes(TextOf(json) ?? "string");
        }
        else
        {
            bytes = BytesOf(bare, TextOf(json));
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Each example an event: a string example is sent as written (it is the stream's text), any other value as <c>data:</c> JSON.</summary>
    private static async Task WriteEventsAsync(HttpResponse response, IReadOnlyList<string> examples)
    {
        response.Headers.CacheControl = "no-cache";
        foreach (var example in examples)
        {
            var text = TextOf(example) is { } raw && example.StartsWith('"') ? raw : $"data: {example}";
            var events = text.TrimEnd('\n') + "\n\n";
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(events), response.HttpContext.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string? TextOf(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : json;
    }

    /// <summary>A concrete type for a range: <c>image/*</c> is sent as PNG, <c>*/*</c> as octet-stream.</summary>
    private static string ConcreteType(string declared) => declared.Split(';')[0].Trim() switch
    {
        "*/*" => "application/octet-stream",
        var range when range.EndsWith("/*", StringComparison.Ordinal) => range.StartsWith("image/", StringComparison.Ordinal) ? "image/png" : range.StartsWith("audio/", StringComparison.Ordinal) ? "audio/mpeg" : "application/octet-stream",
        _ => declared,
    };

    /// <summary>A few bytes that start as the type's files do (so that sniffers agree), or the example's text.</summary>
    private static byte[] BytesOf(string type, string? text) => type switch
    {
        "image/png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        "image/jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9],
        "audio/mpeg" => [0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
        "application/pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        "application/zip" => [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        _ => text is null || text == "string" ? Encoding.UTF8.GetBytes("ContractKit mock bytes\n") : Encoding.UTF8.GetBytes(text),
    };
}
