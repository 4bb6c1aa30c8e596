using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContractKit.CodeGen;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Support;

/// <summary>Compares generator output with a checked-in golden folder and says exactly what differs.</summary>
internal static class Snapshot
{
    public const string UpdateCommand = "dotnet run --project src/ContractKit.Cli -- generate";

    /// <summary>One message per difference: missing, extra or changed files (with the first differing line).</summary>
    public static IReadOnlyList<string> Compare(string folder, IReadOnlyList<GeneratedFile> expected)
    {
        var problems = new List<string>();
        var onDisk = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(p => p != OutputWriter.ManifestName)
                .ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var file in expected)
        {
            if (!onDisk.Remove(file.RelativePath))
            {
                problems.Add($"{file.RelativePath}: missing from {folder}");
                continue;
            }

            var actual = File.ReadAllText(Path.Combine(folder, file.RelativePath), Encoding.UTF8);
            if (actual != file.Content)
            {
                problems.Add($"{file.RelativePath}: differs; {FirstDifference(file.Content, actual)}");
            }
        }

        problems.AddRange(onDisk.Order(StringComparer.Ordinal).Select(extra => $"{extra}: not produced by the generator any more (stale)"));
        return problems;
    }

    public static string Report(IReadOnlyList<string> problems) =>
        $"generated/ is out of date with the generator ({problems.Count} files):\n  " + string.Join("\n  ", problems) +
        $"\nIf the change is intended, update the snapshot with: {UpdateCommand}";

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"first at line {i + 1}:\n    generator: {left.Trim()}\n    on disk:   {right.Trim()}";
            }
        }

        return "only in line endings or encoding";
    }
}
