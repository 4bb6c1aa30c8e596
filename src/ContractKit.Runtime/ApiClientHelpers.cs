using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>
/// The plumbing every generated client shares, kept here so generated files stay small and readable.
/// Not meant to be called by hand.
/// </summary>
public static partial class ApiClientHelpers
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Joins a base address and a path that starts with '/', keeping the base address's own path
    /// (<c>https://host/v1</c> + <c>/threads/x</c> = <c>https://host/v1/threads/x</c>), whether or not it ends with '/'.
    /// </summary>
    public static Uri CombineUri(Uri baseAddress, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var root = baseAddress.AbsoluteUri;
        var trimmed = root.EndsWith('/') ? root[..^1] : root;
        return new Uri(trimmed + pathAndQuery, UriKind.Absolute);
    }

    /// <summary>Escapes one path segment so that '/', '?', '#' and '%' in a value cannot change the request's path.</summary>
    public static string EscapePathSegment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }

    /// <summary>Formats a path or query value the way OpenAPI's default <c>simple</c>/<c>form</c> styles do.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Appends <c>name=value</c> to a query string being built, with '?' or '&amp;' before it and both parts escaped.</summary>
    public static void AppendQuery(StringBuilder query, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Append(query.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
    }

    /// <summary>A JSON body, serialized up front so the request has a Content-Length and can be replayed.</summary>
    public static HttpContent CreateJsonContent<T>(T value, JsonTypeInfo<T> typeInfo) =>
        CreateJsonContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A JSON body from bytes already serialized (and validated).</summary>
    public static HttpContent CreateJsonContent(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static Dictionary<string, IEnumerable<string>> GetHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }
}
