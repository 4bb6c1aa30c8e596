using System;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Model;
using ContractKit.Pipeline;
using ContractKit.Reading;

namespace ContractKit.Tests.Support;

/// <summary>Writes a spec text to a temporary file and runs stages on it.</summary>
internal sealed class TempSpec : IDisposable
{
    public TempSpec(string content, string extension = ".yaml")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ck-test-").FullName;
        Path = System.IO.Path.Combine(Directory, "spec" + extension);
        File.WriteAllText(Path, content);
    }

    public string Directory { get; }

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

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
