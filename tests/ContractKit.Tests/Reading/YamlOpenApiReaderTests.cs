using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ContractKit.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace ContractKit.Tests.Reading;

public sealed class YamlOpenApiReaderTests
{
    [Fact]
    public async Task RegisteredReader_LetsMicrosoftOpenApiLoadYaml()
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader("yaml", YamlOpenApiReader.Instance);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("openapi: 3.0.3\ninfo: {title: Y, version: \"1\"}\npaths: {}\n"));

        var result = await OpenApiDocument.LoadAsync(stream, "yaml", settings);

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal("Y", result.Document!.Info.Title);
    }

    [Fact]
    public void MalformedYaml_BecomesAnOpenApiErrorWithItsLine()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("openapi: 3.0.3\ninfo:\n  title: x\n   version: 1\n"));

        var result = YamlOpenApiReader.Instance.Read(stream, new Uri("file:///spec.yaml"), new OpenApiReaderSettings());

        Assert.Null(result.Document);
        Assert.Equal("#line=4", Assert.Single(result.Diagnostic!.Errors).Pointer);
    }
}
