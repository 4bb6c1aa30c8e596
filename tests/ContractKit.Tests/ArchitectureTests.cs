using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ContractKit.Tests;

/// <summary>
/// Keeps ARCHITECTURE.md true: every dependency of one part of <c>src/</c> on another (a <c>using ContractKit.X</c>
/// directive or a <c>ContractKit.X.</c>-qualified name) must be in the map that ARCHITECTURE.md draws, and every file
/// declares the namespace of the folder it sits in, so that a folder cannot dodge the map.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Src = Path.Combine(Corpus.RepoRoot, "src");

    [Fact]
    public void EveryDependencyBetweenParts_IsOneTheMapAllows()
    {
        var map = ReadMap("allowed");
        var debts = ReadMap("debts");
        var forbidden = new List<string>();
        foreach (var (from, to, file) in Dependencies())
        {
            Assert.True(map.ContainsKey(from), $"{file}: part '{from}' is not in ARCHITECTURE.md's map");
            if (!map[from].Contains(to) && !(debts.TryGetValue(from, out var owed) && owed.Contains(to)))
            {
                forbidden.Add($"{from} -> {to} ({Path.GetRelativePath(Corpus.RepoRoot, file)})");
            }
        }

        Assert.True(forbidden.Count == 0, "Dependencies ARCHITECTURE.md does not allow:\n" + string.Join("\n", forbidden.Distinct()));
    }

    [Fact]
    public void EveryDebtTheMapLists_StillExists()
    {
        // A debt paid off must leave the list, so that it cannot quietly come back.
        var actual = Dependencies().Select(d => (d.From, d.To)).ToHashSet();
        var paid = ReadMap("debts")
            .SelectMany(kv => kv.Value.Select(to => (From: kv.Key, To: to)))
            .Where(d => !actual.Contains(d))
            .Select(d => $"{d.From} -> {d.To}")
            .ToList();

        Assert.True(paid.Count == 0, "Debts in ARCHITECTURE.md that the code no longer has (remove them):\n" + string.Join("\n", paid));
    }

    [Fact]
    public void TheModel_AndTheRuntime_DependOnNoOtherPart()
    {
        // Spelled out beside the map: these two are the rules the rest of the design leans on.
        var map = ReadMap("allowed");
        Assert.Empty(map["Model"]);
        Assert.Empty(map["Runtime"]);
        Assert.DoesNotContain(ReadMap("debts"), kv => kv.Key is "Model" or "Runtime");
    }

    [Fact]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles())
        {
            var expected = NamespaceOf(file);
            var declared = NamespaceDeclaration().Match(File.ReadAllText(file));
            if (!declared.Success || !(declared.Groups[1].Value == expected || declared.Groups[1].Value.StartsWith(expected + ".", StringComparison.Ordinal)))
            {
                wrong.Add($"{Path.GetRelativePath(Corpus.RepoRoot, file)}: declares '{(declared.Success ? declared.Groups[1].Value : "(none)")}', expected '{expected}'");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void TheScanner_SeesUsingsAndQualifiedNames_ButNotComments()
    {
        const string text = """"
            using ContractKit.Model;
            using static ContractKit.Reporting.FindingWriter;
            // ContractKit.Lint.Something in a comment
            /// <see cref="ContractKit.Diff.SpecDiff"/>
            var x = new global::ContractKit.CodeGen.CSharpEmitter();
            var y = ContractKit.Runtime.Validation.JsonSchemaValidator.Compile("{}");
            var z = "global::ContractKit.Lint.InAString" + @"ContractKit.Lint ""quoted""" + 'C';
            w.Line($"global::ContractKit.Lint.{name}");
            """";

        Assert.Equal(["CodeGen", "Model", "Reporting", "Runtime"], PartsNamed(text).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<(string From, string To, string File)> Dependencies()
    {
        foreach (var file in SourceFiles())
        {
            var from = PartOf(file);
            foreach (var to in PartsNamed(File.ReadAllText(file)).Distinct())
            {
                if (to != from)
                {
                    yield return (from, to, file);
                }
            }
        }
    }

    /// <summary>The part a file belongs to: a folder of the library, or one of the other projects.</summary>
    private static string PartOf(string file)
    {
        var relative = Path.GetRelativePath(Src, file).Split(Path.DirectorySeparatorChar);
        return relative[0] switch
        {
            "ContractKit" => relative.Length > 2 ? relative[1] : "Shared",
            var project => project["ContractKit.".Length..],
        };
    }

    private static string NamespaceOf(string file)
    {
        var part = PartOf(file);
        var project = Path.GetRelativePath(Src, file).Split(Path.DirectorySeparatorChar)[0];
        return project == "ContractKit" ? (part == "Shared" ? "ContractKit" : "ContractKit." + part) : project;
    }

    /// <summary>Parts a source text names, from using directives and qualified names in code (not comments or strings).</summary>
    private static IEnumerable<string> PartsNamed(string text)
    {
        foreach (Match m in QualifiedName().Matches(CodeOnly(text)))
        {
            var first = m.Groups[1].Value;
            yield return first switch
            {
                "Runtime" or "Cli" or "AspNetCore" or "MSBuild" => first,
                _ when Directory.Exists(Path.Combine(Src, "ContractKit", first)) => first,
                _ => "Shared",
            };
        }
    }

    /// <summary>
    /// The text with comments, string and character literals blanked out: the code generator's templates name
    /// <c>global::ContractKit.Runtime</c> in strings, which is output, not a dependency.
    /// </summary>
    internal static string CodeOnly(string text)
    {
        var code = text.ToCharArray();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = Blank(code, i, text.IndexOf('\n', i) is var nl && nl < 0 ? code.Length : nl);
            }
            else if (c == '/' && next == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Blank(code, i, close < 0 ? code.Length : close + 2);
            }
            else if (c == '"' && string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
            {
                var quotes = 0;
                while (i + quotes < code.Length && code[i + quotes] == '"')
                {
                    quotes++;
                }

                var close = text.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                i = Blank(code, i, close < 0 ? code.Length : close + quotes);
            }
            else if (c == '"')
            {
                var verbatim = i > 0 && (code[i - 1] == '@' || (code[i - 1] == '$' && i > 1 && code[i - 2] == '@'));
                var j = i + 1;
                while (j < code.Length)
                {
                    if (code[j] == '"')
                    {
                        if (verbatim && j + 1 < code.Length && code[j + 1] == '"')
                        {
                            j += 2;
                            continue;
                        }

                        break;
                    }

                    if (!verbatim && code[j] == '\n')
                    {
                        break;
                    }

                    j += !verbatim && code[j] == '\\' ? 2 : 1;
                }

                i = Blank(code, i, Math.Min(j + 1, code.Length));
            }
            else if (c == '\'')
            {
                var j = i + 1;
                while (j < code.Length && code[j] != '\'' && code[j] != '\n')
                {
                    j += code[j] == '\\' ? 2 : 1;
                }

                i = Blank(code, i, Math.Min(j + 1, code.Length));
            }
            else
            {
                i++;
            }
        }

        return new string(code);
    }

    private static int Blank(char[] code, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (code[k] != '\n')
            {
                code[k] = ' ';
            }
        }

        return to;
    }

    /// <summary>Reads one fenced block of ARCHITECTURE.md: lines "Part -> Other, Other".</summary>
    private static Dictionary<string, HashSet<string>> ReadMap(string block)
    {
        var text = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "ARCHITECTURE.md"));
        var start = text.IndexOf("```" + block + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"ARCHITECTURE.md has no ```{block} block");
        start += block.Length + 4;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var raw in text[start..end].Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var arrow = line.IndexOf("->", StringComparison.Ordinal);
            Assert.True(arrow > 0, $"ARCHITECTURE.md ```{block}: '{raw}' is not 'Part -> Other, Other'");
            var targets = line[(arrow + 2)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            map[line[..arrow].Trim()] = [.. targets];
        }

        return map;
    }

    [GeneratedRegex(@"^\s*namespace\s+([A-Za-z0-9_.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])(?:global::)?ContractKit\.([A-Za-z0-9_]+)")]
    private static partial Regex QualifiedName();
}
