using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContractKit.Runtime;
using Xunit;

namespace ContractKit.Tests.Runtime;

/// <summary>The runtime side of non-JSON bodies: form fields by style/explode, multipart parts, caller-owned streams.</summary>
public sealed class ContentHelpersTests
{
    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)JsonSerializerOptions.Default.GetTypeInfo(typeof(T));

    private static List<KeyValuePair<string, string>> Fields<T>(T value, string? style, bool explode)
    {
        var fields = new List<KeyValuePair<string, string>>();
        ApiClientHelpers.AddFormField(fields, "f", value, Info<T>(), style, explode);
        return fields;
    }

    private static string Text(List<KeyValuePair<string, string>> fields) => string.Join("&", fields.Select(f => f.Key + "=" + f.Value));

    [Fact]
    public void FormField_ObjectsAndArrays_FollowStyleAndExplode()
    {
        var obj = new Dictionary<string, object> { ["r"] = 100, ["g"] = "x y", ["ok"] = true };
        int[] array = [1, 2, 3];

        Assert.Equal("r=100&g=x y&ok=true", Text(Fields(obj, null, explode: true)));
        Assert.Equal("f=r,100,g,x y,ok,true", Text(Fields(obj, "form", explode: false)));
        Assert.Equal("f[r]=100&f[g]=x y&f[ok]=true", Text(Fields(obj, "deepobject", explode: true)));
        Assert.Equal("f=1&f=2&f=3", Text(Fields(array, null, explode: true)));
        Assert.Equal("f=1,2,3", Text(Fields(array, "form", explode: false)));
        Assert.Equal("f=1 2 3", Text(Fields(array, "spacedelimited", explode: false)));
        Assert.Equal("f=1|2|3", Text(Fields(array, "pipedelimited", explode: false)));
        Assert.Equal("f=2026-01-02T03:04:05+00:00", Text(Fields(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), null, explode: true)));
        Assert.Empty(Fields<string?>(null, null, explode: true));
    }

    [Fact]
    public async Task JsonPart_ScalarsAsText_ObjectsAsJson_AJsonEncodingForcesJson()
    {
        using var form = new MultipartFormDataContent();

        ApiClientHelpers.AddJsonPart(form, "s", "vision", Info<string>(), null);
        ApiClientHelpers.AddJsonPart(form, "o", new Dictionary<string, int> { ["a"] = 1 }, Info<Dictionary<string, int>>(), null);
        ApiClientHelpers.AddJsonPart(form, "j", "vision", Info<string>(), "application/json");
        ApiClientHelpers.AddJsonPart<string?>(form, "n", null, Info<string?>(), null);

        var parts = form.ToList();
        Assert.Equal(3, parts.Count);
        Assert.Null(parts[0].Headers.ContentType);
        Assert.Equal("vision", await parts[0].ReadAsStringAsync());
        Assert.Equal("application/json", parts[1].Headers.ContentType!.MediaType);
        Assert.Equal("""{"a":1}""", await parts[1].ReadAsStringAsync());
        Assert.Equal("\"vision\"", await parts[2].ReadAsStringAsync());
        Assert.Equal("form-data; name=\"j\"", parts[2].Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task StreamContent_ReadsFromThePosition_KeepsTheStreamOpen_WildcardsBecomeOctetStream()
    {
        var stream = new MemoryStream([1, 2, 3, 4, 5]) { Position = 2 };

        using (var content = ApiClientHelpers.CreateStreamContent(stream, "image/*"))
        {
            Assert.Equal(3, content.Headers.ContentLength);
            Assert.Equal("application/octet-stream", content.Headers.ContentType!.MediaType);
            Assert.Equal(new byte[] { 3, 4, 5 }, await content.ReadAsByteArrayAsync());
        }

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void FilePart_NeedsAStreamAndAFileName()
    {
        Assert.Throws<ArgumentNullException>(() => new FilePart(null!, "a.txt"));
        Assert.Throws<ArgumentException>(() => new FilePart(new MemoryStream(), ""));
        Assert.Equal("text/plain", FilePart.FromBytes("x"u8.ToArray(), "a.txt", "text/plain").ContentType);
    }

    [Fact]
    public void TextContent_CarriesTheMediaTypeInUtf8()
    {
        using var content = ApiClientHelpers.CreateTextContent("héllo", "text/csv");

        Assert.Equal("text/csv; charset=utf-8", content.Headers.ContentType!.ToString());
    }
}
