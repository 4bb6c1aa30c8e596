using System;
using System.IO;
using ContractKit.Diagnostics;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>
/// Hostile <c>$ref</c>s: remote references and references leaving the spec's folder are errors located at the
/// <c>$ref</c>, with a hint, and the target is never fetched or opened.
/// </summary>
public sealed class ReferencePolicyTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _specFolder;

    public ReferencePolicyTests()
    {
        _specFolder = Path.Combine(_files.Root, "spec");
        Directory.CreateDirectory(_specFolder);
        // A perfectly valid document outside the spec's folder: only the policy can make a reference to it fail.
        _files.Write("outside.yaml", """
            openapi: 3.0.3
            info: {title: outside, version: "1"}
            paths: {}
            components:
              schemas:
                Secret: {type: string}
            """);
    }

    public void Dispose() => _files.Dispose();

    private string SpecReferring(string target) => _files.Write(Path.Combine("spec", "api.yaml"), $$"""
        openapi: 3.0.3
        info: {title: x, version: "1"}
        paths: {}
        components:
          schemas:
            A:
              $ref: "{{target}}"
        """);

    private Diagnostic SingleRefError(string target)
    {
        var path = SpecReferring(target);
        var diagnostic = Assert.Single(SpecReader.Read(path).Diagnostics);
        Assert.Equal(DiagnosticIds.UnresolvedReference, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((path, 7, 7), (diagnostic.Location!.FilePath, diagnostic.Location.Line, diagnostic.Location.Column));
        return diagnostic;
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/schemas.yaml#/components/schemas/A")]
    [InlineData("https://example.invalid/schemas.yaml#/A")]
    [InlineData("ftp://example.invalid/a.yaml")]
    public void RemoteRef_IsAnErrorWithAHint(string target)
    {
        var diagnostic = SingleRefError(target);

        Assert.Contains("remote reference", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Hint:", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.yaml#/components/schemas/Secret")]
    [InlineData("./sub/../../outside.yaml#/components/schemas/Secret")]
    [InlineData("..%2Foutside.yaml#/components/schemas/Secret")]
    [InlineData("../../../../../../../../etc/passwd")]
    public void TraversalRef_LeavingTheSpecFolder_IsRefused(string target)
    {
        var diagnostic = SingleRefError(target);

        Assert.Contains("leaves the spec's folder", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsolutePathAndFileUri_OutsideTheSpecFolder_AreRefused()
    {
        var outside = Path.Combine(_files.Root, "outside.yaml");

        Assert.Contains("leaves the spec's folder", SingleRefError(outside + "#/components/schemas/Secret").Message, StringComparison.Ordinal);
        Assert.Contains("leaves the spec's folder", SingleRefError(new Uri(outside).AbsoluteUri + "#/components/schemas/Secret").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinkInsideTheFolder_PointingOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_specFolder, "link.yaml"), Path.Combine(_files.Root, "outside.yaml"));

        Assert.Contains("leaves the spec's folder", SingleRefError("link.yaml#/components/schemas/Secret").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinkedFolderInsideTheFolder_PointingOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_specFolder, "shared"), _files.Root);

        Assert.Contains("leaves the spec's folder", SingleRefError("shared/outside.yaml#/components/schemas/Secret").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefInsideTheFolder_ThroughASubfolder_StillResolves()
    {
        Directory.CreateDirectory(Path.Combine(_specFolder, "common"));
        File.Copy(Path.Combine(_files.Root, "outside.yaml"), Path.Combine(_specFolder, "common", "inside.yaml"));

        var result = SpecReader.Read(SpecReferring("./common/../common/inside.yaml#/components/schemas/Secret"));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void RefToAnOversizedFileInsideTheFolder_IsRefusedUnread()
    {
        using (var sparse = File.Create(Path.Combine(_specFolder, "huge.yaml")))
        {
            sparse.SetLength(SpecLimits.Default.MaxDocumentBytes + 1);
        }

        Assert.Contains("is larger than 67,108,864 bytes", SingleRefError("huge.yaml#/components/schemas/X").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefToAnIdDeclaredInTheDocument_IsNotRemote()
    {
        var path = _files.Write(Path.Combine("spec", "api.yaml"), """
            openapi: 3.1.0
            info: {title: x, version: "1"}
            paths: {}
            components:
              schemas:
                Named:
                  $id: "https://example.test/schemas/named"
                  type: string
                A:
                  $ref: "https://example.test/schemas/named"
            """);

        Assert.DoesNotContain(SpecReader.Read(path).Diagnostics, d => d.Id == DiagnosticIds.UnresolvedReference);
    }
}
