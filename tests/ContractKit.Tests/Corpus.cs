using System;
using System.IO;

namespace ContractKit.Tests;

/// <summary>
/// The one way tests find ../shared/corpus: env var CONTRACTKIT_CORPUS, else ../shared/corpus beside the checkout.
/// </summary>
internal static class Corpus
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The corpus folder, or null when it is absent (tests then skip with <see cref="MissingReason"/>).</summary>
    public static string? Root { get; } = FindCorpus();

    public static string MissingReason =>
        $"corpus not found (set CONTRACTKIT_CORPUS or place it at {Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"))})";

    public static string PathOf(params string[] parts) =>
        Path.Combine([Root ?? throw new InvalidOperationException(MissingReason), .. parts]);

    private static string? FindCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONTRACTKIT_CORPUS");
        var candidate = string.IsNullOrEmpty(fromEnv)
            ? Path.Combine(RepoRoot, "..", "shared", "corpus")
            : Path.GetFullPath(fromEnv, RepoRoot);
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ContractKit.sln not found above " + AppContext.BaseDirectory);
    }
}
