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

    /// <summary>Reads a JSON response body leniently (see <see cref="DeserializeJson{T}(HttpResponseMessage, byte[], JsonTypeInfo{T}, ContractViolation?)"/>).</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return DeserializeJson(response, body, typeInfo);
    }

    /// <summary>
    /// Deserializes a response body already read, leniently: a required member the server left out stays at its
    /// default and a JSON null in a non-nullable member is kept, so that what breaks the contract is the contract
    /// check's to report (or throw), not the deserializer's. A body the type cannot hold at all (a string where an
    /// object belongs) becomes an <see cref="ApiException"/>. <paramref name="violation"/>, the one reported for this
    /// body, stays attached to the result (<see cref="ContractValidation.GetViolation"/>).
    /// </summary>
    public static T DeserializeJson<T>(HttpResponseMessage response, byte[] body, JsonTypeInfo<T> typeInfo, ContractViolation? violation = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            var value = JsonSerializer.Deserialize(body, LenientJson.For(typeInfo));
            if (value is null)
            {
                throw new JsonException("The response body is JSON null, but the operation declares a non-null body.");
            }

            ContractValidation.Remember(value, violation);
            return value;
        }
        catch (JsonException ex)
        {
            throw new ApiException(
                $"The response body could not be read as {typeof(T).Name}: {ex.Message}",
                response.StatusCode,
                Encoding.UTF8.GetString(body),
                GetHeaders(response),
                ex);
        }
    }

    /// <summary>Reads a <c>text/event-stream</c> response without checking the events against the contract.</summary>
    public static IAsyncEnumerable<T> ReadServerSentEventsAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        ReadServerSentEventsAsync(response, typeInfo, validation: null, cancellationToken);

    /// <summary>
    /// Reads a <c>text/event-stream</c> response as it arrives: each event's <c>data</c> (lines joined with '\n') is one
    /// JSON value; comments, <c>event</c>, <c>id</c> and <c>retry</c> fields are skipped; <c>[DONE]</c> (OpenAI's end marker)
    /// or the end of the stream ends it. Each event is checked against the event schema in
    /// <paramref name="validation"/>'s mode, like any response body (Report: reported and yielded; Throw: the events
    /// before it are yielded, then <see cref="ContractValidationException"/>), and read as leniently.
    /// An event that is not the declared JSON raises <see cref="ApiException"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadServerSentEventsAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EventValidation? validation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var text = data.ToString();
                    data.Clear();
                    if (text == "[DONE]")
                    {
                        yield break;
                    }

                    yield return ParseEvent(response, text, typeInfo, validation);
                }

                if (line is null)
                {
                    yield break;
                }

                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            if (field != "data")
            {
                continue;
            }

            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (data.Length > 0)
            {
                data.Append('\n');
            }

            data.Append(value);
        }
    }

    private static T ParseEvent<T>(HttpResponseMessage response, string text, JsonTypeInfo<T> typeInfo, EventValidation? validation)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        ContractViolation? violation = null;
        if (validation is not null && validation.Mode != ContractValidationMode.Off)
        {
            violation = ContractValidation.Check(
                validation.Validator, utf8, Validation.ValidationDirection.Response, validation.Mode, validation.OperationId,
                (int)response.StatusCode, validation.OnViolation, validation.Logger);
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8, LenientJson.For(typeInfo)) ?? throw new JsonException("The event is JSON null.");
            ContractValidation.Remember(value, violation);
            return value;
        }
        catch (JsonException ex)
        {
            throw new ApiException($"A server-sent event could not be read as {typeof(T).Name}: {ex.Message}", response.StatusCode, text, GetHeaders(response), ex);
        }
    }

    /// <summary>Builds the exception for an unexpected status, with the raw body.</summary>
    public static async Task<ApiException> CreateApiExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiException(StatusMessage(response), response.StatusCode, body, GetHeaders(response));
    }

    /// <summary>
    /// Builds the exception for a status whose error model the spec declares: the parsed model when the body matches it,
    /// the plain <see cref="ApiException"/> (raw body kept) when it does not.
    /// </summary>
    public static async Task<ApiException> CreateApiExceptionAsync<TError>(
        HttpResponseMessage response, JsonTypeInfo<TError> errorTypeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = GetHeaders(response);
        if (body.Length > 0)
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, errorTypeInfo);
                if (error is not null)
                {
                    return new ApiException<TError>(StatusMessage(response), response.StatusCode, body, headers, error);
                }
            }
            catch (JsonException)
            {
                // Not the declared error shape (a proxy's HTML page, say): the raw body is still on the exception.
            }
        }

        return new ApiException(StatusMessage(response), response.StatusCode, body, headers);
    }

    private static string StatusMessage(HttpResponseMessage response) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} returned {(int)response.StatusCode} ({response.ReasonPhrase}).");

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
