using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>
/// Reading responses within the client's <see cref="ResponseLimits"/>: bodies into memory no further than the byte
/// limit, JSON leniently and no deeper than the depth limit, and the exceptions for error statuses.
/// </summary>
public static partial class ApiClientHelpers
{
    /// <summary>Reads a JSON response body leniently, within the default limits (see <see cref="DeserializeJson{T}(HttpResponseMessage, byte[], JsonTypeInfo{T}, ContractViolation?, ResponseLimits)"/>).</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, ResponseLimits.Default, cancellationToken).ConfigureAwait(false);
        return DeserializeJson(response, body, typeInfo, violation: null, ResponseLimits.Default);
    }

    /// <summary>
    /// Reads a response body into memory. A <c>Content-Length</c> over <see cref="ResponseLimits.MaxBytes"/> is refused
    /// before anything is read; a body without one (or longer than it said) is read no further than the limit and one
    /// byte. Either way: an <see cref="ApiException"/> with the status and headers, saying so.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, ResponseLimits limits, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await ReadLimitedAsync(response, limits, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body?.ToArray() ?? throw tooLarge!;
        }
    }

    /// <summary>Reads a text response body within <see cref="ResponseLimits.MaxBytes"/> (as <see cref="ReadBodyAsync"/>), decoded by its charset.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, ResponseLimits limits, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await ReadLimitedAsync(response, limits, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is null ? throw tooLarge! : Decode(response, body.Span);
        }
    }

    /// <summary>Deserializes a response body already read, within the default depth (see the overload with <see cref="ResponseLimits"/>).</summary>
    public static T DeserializeJson<T>(HttpResponseMessage response, byte[] body, JsonTypeInfo<T> typeInfo, ContractViolation? violation = null) =>
        DeserializeJson(response, body, typeInfo, violation, ResponseLimits.Default);

    /// <summary>
    /// Deserializes a response body already read, leniently: a required member the server left out stays at its
    /// default and a JSON null in a non-nullable member is kept, so that what breaks the contract is the contract
    /// check's to report (or throw), not the deserializer's. A body the type cannot hold at all (a string where an
    /// object belongs), or nested deeper than <see cref="ResponseLimits.MaxDepth"/>, becomes an <see cref="ApiException"/>.
    /// <paramref name="violation"/>, the one reported for this body, stays attached to the result
    /// (<see cref="ContractValidation.GetViolation"/>).
    /// </summary>
    public static T DeserializeJson<T>(HttpResponseMessage response, byte[] body, JsonTypeInfo<T> typeInfo, ContractViolation? violation, ResponseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            var value = JsonSerializer.Deserialize(body, LenientJson.For(typeInfo, limits.MaxDepth));
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
                $"The response body could not be read as {typeof(T).Name}: {ex.Message}{DepthHint(ex)}",
                response.StatusCode,
                Encoding.UTF8.GetString(body),
                GetHeaders(response),
                ex);
        }
    }

    /// <summary>Builds the exception for an unexpected status, with the raw body (read within the default limits).</summary>
    public static Task<ApiException> CreateApiExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        CreateApiExceptionAsync(response, ResponseLimits.Default, cancellationToken);

    /// <summary>
    /// Builds the exception for an unexpected status, with the raw body; a body over <see cref="ResponseLimits.MaxBytes"/>
    /// is not kept, and the exception says so.
    /// </summary>
    public static async Task<ApiException> CreateApiExceptionAsync(HttpResponseMessage response, ResponseLimits limits, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await ReadLimitedAsync(response, limits, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return body is null ? tooLarge! : new ApiException(StatusMessage(response), response.StatusCode, Decode(response, body.Span), GetHeaders(response));
        }
    }

    /// <summary>Builds the exception for a status whose error model the spec declares, within the default limits.</summary>
    public static Task<ApiException> CreateApiExceptionAsync<TError>(HttpResponseMessage response, JsonTypeInfo<TError> errorTypeInfo, CancellationToken cancellationToken) =>
        CreateApiExceptionAsync(response, errorTypeInfo, ResponseLimits.Default, cancellationToken);

    /// <summary>
    /// Builds the exception for a status whose error model the spec declares: the parsed model when the body matches it,
    /// the plain <see cref="ApiException"/> (raw body kept) when it does not; a body over the limits is not read as
    /// the model (over <see cref="ResponseLimits.MaxBytes"/> not kept either).
    /// </summary>
    public static async Task<ApiException> CreateApiExceptionAsync<TError>(
        HttpResponseMessage response, JsonTypeInfo<TError> errorTypeInfo, ResponseLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorTypeInfo);
        var plain = await CreateApiExceptionAsync(response, limits, cancellationToken).ConfigureAwait(false);
        if (plain.ResponseBody is not { Length: > 0 } body)
        {
            return plain;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, LenientJson.Strict(errorTypeInfo, limits.MaxDepth));
            if (error is not null)
            {
                return new ApiException<TError>(plain.Message, plain.StatusCode, body, plain.Headers, error);
            }
        }
        catch (JsonException)
        {
            // Not the declared error shape (a proxy's HTML page, say): the raw body is still on the exception.
        }

        return plain;
    }

    /// <summary>The body within the byte limit, or (null and) the exception saying it is over.</summary>
    private static async Task<(PooledBuffer? Body, ApiException? TooLarge)> ReadLimitedAsync(HttpResponseMessage response, ResponseLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        limits.Check();
        var announced = response.Content.Headers.ContentLength;
        if (announced > limits.MaxBytes)
        {
            return (null, TooLarge(response, limits.MaxBytes, string.Create(CultureInfo.InvariantCulture, $"with a {announced:N0}-byte body (Content-Length), more than"), "the body was not read"));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = await PooledBuffer.ReadAsync(stream, announced, limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (!body.IsOverLimit)
        {
            return (body, null);
        }

        body.Dispose();
        return (null, TooLarge(response, limits.MaxBytes, "with a body larger than", "reading stopped there"));
    }

    /// <summary><c>GET /v1/x returned 200 (OK) with a body larger than the client's limit of 1,024 bytes (MaxResponseBytes on its options); …</c></summary>
    private static ApiException TooLarge(HttpResponseMessage response, long max, string what, string outcome) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{StatusMessage(response).TrimEnd('.')} {what} the client's limit of {max:N0} bytes (MaxResponseBytes on its options); {outcome}."),
            response.StatusCode, responseBody: null, GetHeaders(response));

    private static string StatusMessage(HttpResponseMessage response) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} returned {(int)response.StatusCode} ({response.ReasonPhrase}).");

    private static string DepthHint(JsonException ex) =>
        ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? " (the client's limit is MaxResponseDepth on its options)" : string.Empty;

    /// <summary>
    /// Text as <c>HttpContent.ReadAsStringAsync</c> decodes it: by the charset (its byte order mark skipped), else by a
    /// byte order mark, else as UTF-8. An unknown charset is read as UTF-8 (where HttpContent would throw).
    /// </summary>
    private static string Decode(HttpResponseMessage response, ReadOnlySpan<byte> bytes)
    {
        Encoding? encoding = null;
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: the text is still returned, read as UTF-8.
            }
        }

        foreach (var marked in encoding is null ? MarkedEncodings : [encoding])
        {
            var preamble = marked.Preamble;
            if (preamble.Length > 0 && bytes.StartsWith(preamble))
            {
                return marked.GetString(bytes[preamble.Length..]);
            }
        }

        return (encoding ?? Encoding.UTF8).GetString(bytes);
    }

    /// <summary>UTF-32 first: its little-endian mark starts with UTF-16's.</summary>
    private static readonly Encoding[] MarkedEncodings = [new UTF32Encoding(false, true), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true)];
}
