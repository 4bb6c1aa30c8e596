using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace ContractKit.Runtime;

/// <summary>Server-sent events: a <c>text/event-stream</c> response read event by event, each within the client's limits.</summary>
public static partial class ApiClientHelpers
{
    /// <summary>Reads a <c>text/event-stream</c> response without checking the events against the contract, within the default limits.</summary>
    public static IAsyncEnumerable<T> ReadServerSentEventsAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        ReadServerSentEventsAsync(response, typeInfo, validation: null, ResponseLimits.Default, cancellationToken);

    /// <summary>Reads a <c>text/event-stream</c> response within the default limits (see the overload with <see cref="ResponseLimits"/>).</summary>
    public static IAsyncEnumerable<T> ReadServerSentEventsAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EventValidation? validation, CancellationToken cancellationToken) =>
        ReadServerSentEventsAsync(response, typeInfo, validation, ResponseLimits.Default, cancellationToken);

    /// <summary>
    /// Reads a <c>text/event-stream</c> response as it arrives: each event's <c>data</c> (lines joined with '\n') is one
    /// JSON value; comments, <c>event</c>, <c>id</c> and <c>retry</c> fields are skipped; <c>[DONE]</c> (OpenAI's end marker)
    /// or the end of the stream ends it. Each event is checked against the event schema in
    /// <paramref name="validation"/>'s mode, like any response body (Report: reported and yielded; Throw: the events
    /// before it are yielded, then <see cref="ContractValidationException"/>), and read as leniently.
    /// An event that is not the declared JSON, or an event (or a line) over <see cref="ResponseLimits.MaxBytes"/>, raises
    /// <see cref="ApiException"/> after the events before it; the stream as a whole is not capped: it is read as consumed.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadServerSentEventsAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, EventValidation? validation, ResponseLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        limits.Check();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var lines = new EventStreamLines(stream, limits.MaxBytes);
        var data = new StringBuilder();
        long dataBytes = 0;
        while (true)
        {
            var line = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (lines.LineTooLong)
            {
                throw EventTooLarge(response, limits.MaxBytes, "a line longer than");
            }

            if (line is null || line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var text = data.ToString();
                    data.Clear();
                    dataBytes = 0;
                    if (text == "[DONE]")
                    {
                        yield break;
                    }

                    yield return ParseEvent(response, text, typeInfo, validation, limits);
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

            // The value's UTF-8 length: the line's, less the field name, colon and space before it (ASCII).
            dataBytes += lines.LastLineBytes - (line.Length - value.Length) + (data.Length > 0 ? 1 : 0);
            if (dataBytes > limits.MaxBytes)
            {
                throw EventTooLarge(response, limits.MaxBytes, "an event larger than");
            }

            if (data.Length > 0)
            {
                data.Append('\n');
            }

            data.Append(value);
        }
    }

    private static T ParseEvent<T>(HttpResponseMessage response, string text, JsonTypeInfo<T> typeInfo, EventValidation? validation, ResponseLimits limits)
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
            var value = JsonSerializer.Deserialize(utf8, LenientJson.For(typeInfo, limits.MaxDepth)) ?? throw new JsonException("The event is JSON null.");
            ContractValidation.Remember(value, violation);
            return value;
        }
        catch (JsonException ex)
        {
            throw new ApiException($"A server-sent event could not be read as {typeof(T).Name}: {ex.Message}{DepthHint(ex)}", response.StatusCode, text, GetHeaders(response), ex);
        }
    }

    private static ApiException EventTooLarge(HttpResponseMessage response, long max, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{StatusMessage(response).TrimEnd('.')} an event stream with {what} the client's limit of {max:N0} bytes (MaxResponseBytes on its options); reading stopped there."),
            response.StatusCode, responseBody: null, GetHeaders(response));
}
