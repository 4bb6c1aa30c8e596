using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Runtime;

/// <summary>Request bodies that are not JSON (multipart, URL-encoded forms, binary, text) and binary responses.</summary>
public static partial class ApiClientHelpers
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>
    /// Adds a file part: <c>Content-Disposition: form-data; name="…"; filename="…"</c>, with the file's media type, else
    /// <paramref name="defaultContentType"/> (the contract's <c>encoding</c>), else <c>application/octet-stream</c>.
    /// The file's stream is read when the request is sent and left open.
    /// </summary>
    public static void AddFilePart(MultipartFormDataContent form, string name, FilePart file, string? defaultContentType)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(file);
        var part = new CallerStreamContent(file.Content);
        part.Headers.ContentType = ParseMediaType(file.ContentType ?? ConcreteOrNull(defaultContentType) ?? OctetStream);
        SetDisposition(form, part, name, file.FileName);
    }

    /// <summary>Adds a text field; it carries a <c>Content-Type</c> only when the contract's <c>encoding</c> gives one.</summary>
    public static void AddTextPart(MultipartFormDataContent form, string name, string value, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(value);
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        if (ConcreteOrNull(contentType) is { } mediaType)
        {
            part.Headers.ContentType = ParseMediaType(mediaType);
        }

        SetDisposition(form, part, name, fileName: null);
    }

    /// <summary>
    /// Adds a field whose value is not a plain string: a JSON string, number or boolean is sent as text; an object or array
    /// as a JSON part (<c>application/json</c>, or the <c>encoding</c>'s media type). A JSON media type in
    /// <paramref name="contentType"/> sends every value as JSON. JSON null sends nothing.
    /// </summary>
    public static void AddJsonPart<T>(MultipartFormDataContent form, string name, T value, JsonTypeInfo<T> typeInfo, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(form);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        using var document = JsonDocument.Parse(bytes);
        var element = document.RootElement;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var json = contentType is not null && IsJsonMediaType(contentType);
        if (!json && element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            AddTextPart(form, name, ScalarText(element), contentType);
            return;
        }

        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = ParseMediaType(ConcreteOrNull(contentType) ?? "application/json");
        SetDisposition(form, part, name, fileName: null);
    }

    /// <summary>Adds <c>name=value</c> to a URL-encoded form.</summary>
    public static void AddFormField(ICollection<KeyValuePair<string, string>> fields, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>
    /// Adds a URL-encoded form field that is not a plain string, the way OpenAPI's <c>style</c>/<c>explode</c> say
    /// (default <c>form</c>, exploded): arrays as repeated names (or joined with ',', ' ' or '|' when not exploded), objects
    /// as one field per property (<c>form</c> exploded), <c>name=k,v,…</c> (not exploded) or <c>name[k]=v</c>
    /// (<c>deepObject</c>). Scalars are their JSON text (strings unquoted); JSON null sends nothing.
    /// </summary>
    public static void AddFormField<T>(ICollection<KeyValuePair<string, string>> fields, string name, T value, JsonTypeInfo<T> typeInfo, string? style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var element = JsonSerializer.SerializeToElement(value, typeInfo);
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array:
                if (explode)
                {
                    foreach (var item in element.EnumerateArray())
                    {
                        fields.Add(new KeyValuePair<string, string>(name, ScalarText(item)));
                    }
                }
                else
                {
                    var separator = style switch { "spacedelimited" => " ", "pipedelimited" => "|", _ => "," };
                    var items = new List<string>();
                    foreach (var item in element.EnumerateArray())
                    {
                        items.Add(ScalarText(item));
                    }

                    fields.Add(new KeyValuePair<string, string>(name, string.Join(separator, items)));
                }

                return;
            case JsonValueKind.Object:
                if (style == "deepobject")
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        fields.Add(new KeyValuePair<string, string>($"{name}[{property.Name}]", ScalarText(property.Value)));
                    }
                }
                else if (explode)
                {
                    foreach (var property in element.EnumerateObject())
                    {
                        fields.Add(new KeyValuePair<string, string>(property.Name, ScalarText(property.Value)));
                    }
                }
                else
                {
                    var pairs = new List<string>();
                    foreach (var property in element.EnumerateObject())
                    {
                        pairs.Add(property.Name);
                        pairs.Add(ScalarText(property.Value));
                    }

                    fields.Add(new KeyValuePair<string, string>(name, string.Join(",", pairs)));
                }

                return;
            default:
                fields.Add(new KeyValuePair<string, string>(name, ScalarText(element)));
                return;
        }
    }

    /// <summary>A binary body: the stream is read from its current position when the request is sent, and left open.</summary>
    public static HttpContent CreateStreamContent(Stream body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new CallerStreamContent(body) { Headers = { ContentType = ParseMediaType(ConcreteOrNull(mediaType) ?? OctetStream) } };
    }

    /// <summary>A text body in UTF-8, with the contract's media type.</summary>
    public static HttpContent CreateTextContent(string body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        var type = ParseMediaType(ConcreteOrNull(mediaType) ?? "text/plain");
        type.CharSet ??= "utf-8";
        content.Headers.ContentType = type;
        return content;
    }

    /// <summary>
    /// Hands a binary response body to the caller as it arrives (the request was sent with <c>ResponseHeadersRead</c>):
    /// the returned stream owns the response.
    /// </summary>
    public static async Task<ResponseStream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, stream);
    }

    private static string ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => element.GetRawText(),
    };

    /// <summary><c>image/*</c> and <c>*/*</c> name no media type to send.</summary>
    private static string? ConcreteOrNull(string? mediaType) =>
        string.IsNullOrWhiteSpace(mediaType) || mediaType.Contains('*', StringComparison.Ordinal) ? null : mediaType;

    private static MediaTypeHeaderValue ParseMediaType(string mediaType) =>
        MediaTypeHeaderValue.TryParse(mediaType, out var parsed) ? parsed : new MediaTypeHeaderValue(OctetStream);

    private static bool IsJsonMediaType(string mediaType)
    {
        var bare = mediaType.Split(';')[0].Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <c>form-data; name="…"; filename="…"</c> as browsers send it (RFC 7578: UTF-8, with '"', CR and LF
    /// percent-encoded); a non-ASCII file name also gets RFC 5987's <c>filename*</c>, which RFC 6266 readers prefer.
    /// </summary>
    private static void SetDisposition(MultipartFormDataContent form, HttpContent part, string name, string? fileName)
    {
        // Part headers in UTF-8 rather than Latin-1, so non-ASCII names arrive as written.
        form.HeaderEncodingSelector ??= static (_, _) => Encoding.UTF8;
        var value = "form-data; name=" + Quote(name);
        if (fileName is not null)
        {
            value += "; filename=" + Quote(fileName);
            if (!Ascii.IsValid(fileName))
            {
                value += "; filename*=UTF-8''" + Uri.EscapeDataString(fileName);
            }
        }

        part.Headers.TryAddWithoutValidation("Content-Disposition", value);
        form.Add(part);
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";

    /// <summary>Sends a caller's stream without taking ownership of it (StreamContent would dispose it with the request).</summary>
    private sealed class CallerStreamContent(Stream stream) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => stream.CopyToAsync(target);

        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken) =>
            stream.CopyToAsync(target, cancellationToken);

        protected override void SerializeToStream(Stream target, TransportContext? context, CancellationToken cancellationToken) =>
            stream.CopyTo(target);

        protected override bool TryComputeLength(out long length)
        {
            if (stream.CanSeek)
            {
                length = stream.Length - stream.Position;
                return true;
            }

            length = 0;
            return false;
        }
    }
}
