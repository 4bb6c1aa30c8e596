using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;

namespace ContractKit.Cli.Commands;

/// <summary>Shared plumbing: usage errors exit 2 in our diagnostic format, and no exception ever reaches the user as a stack trace.</summary>
internal static class CommandRunner
{
    /// <summary>
    /// <c>--limit name=value</c>, repeatable, on every command (SECURITY.md lists the names): the reader's caps for
    /// this run. They apply over a spec's <c>"limits"</c> in <c>contractkit.json</c>.
    /// </summary>
    public static readonly Option<string[]> LimitOption = new("--limit")
    {
        Description = "Change a reading limit for this run, e.g. --limit depth=200 --limit document-size=1048576 " +
            $"(limits: {string.Join(", ", LimitSettings.Names.Keys)}; defaults and meanings in SECURITY.md).",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The <c>--limit</c> settings of this run, in order.</summary>
    private static IReadOnlyList<string> _limitSettings = [];

    /// <summary>The <c>--limit</c> settings of this run, in order (checked when parsed).</summary>
    public static IReadOnlyList<string> RunLimitSettings => _limitSettings;

    public static async Task<int> InvokeAsync(Command root, string[] args)
    {
        root.Options.Add(LimitOption);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: {error.Message}");
            }

            Console.Error.WriteLine("Run 'contractkit --help' for usage.");
            return ExitCodes.UsageOrIo;
        }

        _limitSettings = parse.GetValue(LimitOption) ?? [];
        if (LimitSettings.Check(_limitSettings) is { } limitError)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: {limitError}");
            return ExitCodes.UsageOrIo;
        }

        using var scope = LimitSettings.Apply(_limitSettings);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("canceled");
            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex)
        {
            // A bug of ours, not bad input: still one line, and the exit code says "could not run".
            Console.Error.WriteLine($"error CK9999: internal error: {ex.GetType().Name}: {ex.Message}. Please report it with the spec that caused it.");
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>A config target's limits with this run's <c>--limit</c> settings applied over them (they were checked when parsed).</summary>
    public static SpecTarget WithRunLimits(SpecTarget target)
    {
        return LimitSettings.Over(target, _limitSettings);
    }

    /// <summary><c>--strict</c>, the same on every command that reads a spec.</summary>
    public static Option<bool> StrictOption() => new("--strict")
    {
        Description = "Treat the spec defects the reader tolerates (unknown fields, a value that should be an object, path parameters " +
            "that do not match the template, no responses: CK1009-CK1012) as errors.",
    };

    /// <summary><c>--allow-remote-refs</c>, the same on every command that reads a spec.</summary>
    public static Option<bool> AllowRemoteRefsOption() => new("--allow-remote-refs")
    {
        Description = "Fetch http(s) $refs (10 s timeout, 16 MiB cap, no redirects off http(s)) instead of refusing them (CK1007). " +
            "Only for specs whose remote references you trust; see SECURITY.md.",
    };

    public static void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>Paths in messages relative to where the user stands, as they would type them.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(path) && relative.Split(Path.DirectorySeparatorChar).Length > 4
            ? path
            : relative;
    }
}
