using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Pipeline;
using ContractKit.Reading;

namespace ContractKit.Tests.Support;

/// <summary>Writes a spec text to <c>spec.yaml</c> in a temporary folder and runs stages on it.</summary>
internal sealed class TempSpec : IDisposable
{
    private readonly TempFiles _files = new();

    public TempSpec(string content, string extension = ".yaml")
    {
        Path = _files.Write("spec" + extension, content);
    }

    public string Directory => _files.Root;

    public string Path { get; }

    public static string ThreadsSpecPath => System.IO.Path.Combine(Corpus.RepoRoot, "spec", "threads.yaml");

    public static ContractModel BuildModel(string path)
    {
        var read = SpecReader.Read(path);
        Xunit.Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        var built = ModelBuilder.Build(read);
        Xunit.Assert.False(built.HasErrors, string.Join("\n", built.Diagnostics));
        return built.Model;
    }

    public ContractModel BuildModel() => BuildModel(Path);

    public SpecTarget Target(string output = "out") =>
        new(Path, System.IO.Path.Combine(Directory, output), "Test.Generated", "TestClient");

    public void Dispose() => _files.Dispose();
}
