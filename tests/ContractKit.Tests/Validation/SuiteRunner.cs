using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using ContractKit.Runtime.Validation;

namespace ContractKit.Tests.Validation;

/// <summary>Runs JSON-Schema-Test-Suite files as data: one schema per group, one verdict per test.</summary>
internal static class SuiteRunner
{
    private static readonly Lazy<SchemaRegistry> Remotes = new(LoadRemotes);

    /// <summary>Groups known not to pass, by "draft/file|group description", with the reason.</summary>
    public static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
    };

    public static string SuiteRoot => Corpus.PathOf("json-schema-test-suite");

    public static SchemaRegistry Registry => Remotes.Value;

    public sealed record Outcome(int Passed, int Failed, int Excluded, List<string> Failures);

    public static Outcome RunFile(string draft, string relativeFile, bool formatAssertion)
    {
        var path = Path.Combine(SuiteRoot, "tests", draft, relativeFile);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var options = new SchemaOptions
        {
            DefaultDialect = draft == "draft4" ? SchemaDialect.Draft4 : SchemaDialect.Draft202012,
            FormatAssertion = formatAssertion,
            Registry = Registry,
        };
        var failures = new List<string>();
        int passed = 0, failed = 0, excluded = 0;
        foreach (var group in doc.RootElement.EnumerateArray())
        {
            var description = group.GetProperty("description").GetString()!;
            var tests = group.GetProperty("tests");
            if (Exclusions.ContainsKey(draft + "/" + relativeFile.Replace('\\', '/') + "|" + description))
            {
                excluded += tests.GetArrayLength();
                continue;
            }

            JsonSchemaValidator validator;
            try
            {
                validator = JsonSchemaValidator.Compile(group.GetProperty("schema"), options);
            }
            catch (Exception ex)
            {
                failed += tests.GetArrayLength();
                failures.Add($"{draft}/{relativeFile} | {description} | schema did not compile: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            foreach (var test in tests.EnumerateArray())
            {
                var expected = test.GetProperty("valid").GetBoolean();
                var data = Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText());
                string? problem = null;
                try
                {
                    var result = validator.Validate(data);
                    var quick = validator.IsValid(data);
                    if (result.IsValid != expected)
                    {
                        problem = $"expected {(expected ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : "invalid: " + string.Join("; ", Describe(result)))}";
                    }
                    else if (quick != expected)
                    {
                        problem = $"Validate agreed but IsValid said {quick}";
                    }
                    else if (!expected && result.Errors.Count == 0)
                    {
                        problem = "invalid without any error";
                    }
                }
                catch (Exception ex)
                {
                    problem = $"threw {ex.GetType().Name}: {ex.Message}";
                }

                if (problem is null)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    failures.Add($"{draft}/{relativeFile} | {description} | {test.GetProperty("description").GetString()} | {problem}");
                }
            }
        }

        return new Outcome(passed, failed, excluded, failures);
    }

    public static IEnumerable<string> Files(string draft, bool optional)
    {
        var dir = Path.Combine(SuiteRoot, "tests", draft);
        var root = optional ? Path.Combine(dir, "optional") : dir;
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var files = new List<string>(Directory.GetFiles(root, "*.json", optional ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly));
        files.Sort(StringComparer.Ordinal);
        foreach (var f in files)
        {
            yield return Path.GetRelativePath(dir, f).Replace('\\', '/');
        }
    }

    private static IEnumerable<string> Describe(ValidationResult result)
    {
        foreach (var e in result.Errors)
        {
            yield return $"{e.InstanceLocation} {e.SchemaLocation}: {e.Message}";
        }
    }

    private static SchemaRegistry LoadRemotes()
    {
        var registry = new SchemaRegistry();
        var remotes = Path.Combine(SuiteRoot, "remotes");
        foreach (var file in Directory.GetFiles(remotes, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(remotes, file).Replace('\\', '/');
            registry.Add(new Uri("http://localhost:1234/" + relative), File.ReadAllText(file));
        }

        return registry;
    }
}
