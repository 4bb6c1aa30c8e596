using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Diff;
using ContractKit.Model;
using ContractKit.Reading;
using ContractKit.Reporting;
using DiagnosticSeverity = ContractKit.Diagnostics.DiagnosticSeverity;

namespace ContractKit.Pipeline;

/// <summary>What to compare and how to judge it.</summary>
public sealed record DiffRequest
{
    /// <summary>The base spec: a file, or <c>git:&lt;rev&gt;:&lt;path&gt;</c> (read with <c>git show</c> in <see cref="WorkingDirectory"/>).</summary>
    public required string Base { get; init; }

    /// <summary>The head spec, same forms as <see cref="Base"/>.</summary>
    public required string Head { get; init; }

    /// <summary>Level overrides by rule id; null drops the rule's findings.</summary>
    public IReadOnlyDictionary<string, FindingLevel?> Levels { get; init; } = new Dictionary<string, FindingLevel?>();

    /// <summary>An ignore file (see <see cref="IgnoreFile"/>), or null.</summary>
    public string? IgnorePath { get; init; }

    /// <summary>Where <c>git show</c> runs; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Whether the defects the reader tolerates (CK1009-CK1012) are errors (exit 1) rather than warnings.</summary>
    public bool Strict { get; init; }

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s are fetched (<c>--allow-remote-refs</c>) instead of refused.</summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>How <c>generate</c> names the C# API, for the api-impact rules; null skips them.</summary>
    public CodeGen.CSharpOptions? Api { get; init; } = DiffOptions.DefaultApi;
}

/// <summary>The outcome: findings (levels and ignores applied), diagnostics for stderr, and 0, 1 (a spec has errors) or 2 (usage, I/O, limit, ignore file; see <see cref="ExitCodes"/>).</summary>
public sealed record DiffRun(IReadOnlyList<Finding> Findings, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)
{
    /// <summary>
    /// What the reader and model builder warned about in the specs that were still compared (a spec breaking a MUST of
    /// OpenAPI that can be read anyway): shown beside <see cref="Findings"/> in every report format, at warning level
    /// with their own <c>CK1xxx</c>/<c>CK2xxx</c> ids; not diff findings, so they never decide the exit code. The
    /// head's, then the base's that the head does not also have.
    /// </summary>
    public IReadOnlyList<Finding> SpecWarnings { get; init; } = [];
}

/// <summary>ContractLoader (both specs, in parallel) → Diff → levels → ignore file: <c>contractkit diff</c>'s orchestration. The CLI calls this.</summary>
public static class DiffPipeline
{
    /// <summary>Runs a diff.</summary>
    /// <param name="request">What to compare.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>Findings and diagnostics; <see cref="DiffRun.ExitCode"/> is 1 when a spec has errors, 2 when a file could not be used.</returns>
    public static async Task<DiffRun> RunAsync(DiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseTask = Task.Run(() => Load(request.Base, request.WorkingDirectory, request, cancellationToken), cancellationToken);
        var headTask = Task.Run(() => Load(request.Head, request.WorkingDirectory, request, cancellationToken), cancellationToken);
        var (baseRead, baseModel, baseProblems) = await baseTask.ConfigureAwait(false);
        var (headRead, headModel, headProblems) = await headTask.ConfigureAwait(false);
        var problems = baseProblems.Concat(headProblems).ToList();

        IReadOnlyList<IgnoreEntry> ignores = [];
        if (request.IgnorePath is not null)
        {
            var (entries, error) = IgnoreFileReader.Read(request.IgnorePath);
            ignores = entries;
            if (error is not null)
            {
                problems.Add(error);
            }
        }

        var errors = problems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (baseModel is null || headModel is null || errors.Count > 0)
        {
            // A spec with errors is bad input (1); a file that cannot be found or read, a limit or the ignore file, the run (2).
            return new DiffRun([], problems, ExitCodes.ForFailure(problems));
        }

        var options = new DiffOptions
        {
            HeadPath = headRead.FilePath,
            Locate = headRead.Source.Locate,
            HasSunset = pointer => headRead.RawNodeAt(pointer + "/x-sunset") is not null,
            Api = request.Api,
            IgnoredRefSibling = (isBase, pointer, keyword) => IgnoredRefSibling(isBase ? baseRead : headRead, pointer, keyword),
        };
        IReadOnlyList<Finding> findings = SpecDiff.Compare(baseModel, headModel, options);
        PhaseTrace.Mark("diff.compare");
        findings = ApplyLevels(findings, request.Levels);
        if (request.IgnorePath is not null)
        {
            findings = IgnoreFile.Apply(findings, ignores, request.IgnorePath);
        }

        return new DiffRun(findings, [], ExitCodes.Success) { SpecWarnings = SpecWarnings(headProblems, baseProblems) };
    }

    private static List<Finding> SpecWarnings(List<Diagnostic> head, List<Diagnostic> baseWarnings)
    {
        var headWarnings = head.Select(AsFinding).ToList();
        var seen = headWarnings.Select(f => (f.RuleId, f.Message)).ToHashSet();
        return headWarnings.Concat(baseWarnings.Select(AsFinding).Where(f => !seen.Contains((f.RuleId, f.Message)))).ToList();

        static Finding AsFinding(Diagnostic d) => new(d.Id, FindingLevel.Warning, d.Message, d.Location);
    }

    private static bool IgnoredRefSibling(SpecReadResult read, string pointer, string keyword) =>
        read.SpecVersion?.StartsWith("3.1", StringComparison.Ordinal) != true
        && read.RawNodeAt(pointer) is System.Text.Json.Nodes.JsonObject node && node.ContainsKey("$ref") && node.ContainsKey(keyword);

    /// <summary>Applies <c>--level rule=level</c> overrides; a null level drops the rule.</summary>
    /// <param name="findings">Findings at their default levels.</param>
    /// <param name="levels">Overrides by rule id.</param>
    /// <returns>The findings with overrides applied.</returns>
    public static IReadOnlyList<Finding> ApplyLevels(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, FindingLevel?> levels)
    {
        if (levels.Count == 0)
        {
            return findings;
        }

        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!levels.TryGetValue(finding.RuleId, out var level))
            {
                result.Add(finding);
            }
            else if (level is { } l)
            {
                result.Add(finding with { Level = l });
            }
        }

        return result;
    }

    /// <summary>Parses <c>error</c>, <c>warning</c>, <c>info</c>; <c>off</c>/<c>none</c> gives true with null (<see cref="ReportPolicy.TryParseLevel"/>).</summary>
    /// <param name="text">The level as typed.</param>
    /// <param name="level">The level, or null for off/none.</param>
    /// <returns>Whether the text is a level.</returns>
    public static bool TryParseLevel(string text, out FindingLevel? level) => ReportPolicy.TryParseLevel(text, out level);

    /// <summary>1 when a finding is at or above <paramref name="failOn"/> (null: never), else 0.</summary>
    /// <param name="findings">The final findings.</param>
    /// <param name="failOn">The threshold, or null for none.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeFor(IReadOnlyList<Finding> findings, FindingLevel? failOn) => ExitCodeFor(findings, failOn, failOn);

    /// <summary>As <see cref="ExitCodeFor(IReadOnlyList{Finding}, FindingLevel?)"/>, with its own threshold for api-impact findings.</summary>
    /// <param name="findings">The final findings.</param>
    /// <param name="failOn">The threshold for wire findings (and any other), or null for none.</param>
    /// <param name="failOnApi">The threshold for findings of impact <see cref="DiffRules.Api"/>, or null for none.</param>
    /// <returns>The exit code.</returns>
    public static int ExitCodeFor(IReadOnlyList<Finding> findings, FindingLevel? failOn, FindingLevel? failOnApi) =>
        ReportPolicy.ExitCodeFor(findings, f => f.Impact == DiffRules.Api ? failOnApi : failOn);

    /// <summary>Whether <c>--level</c> names a diff rule.</summary>
    /// <param name="id">The rule id as typed.</param>
    /// <returns>Whether it is a rule id of <see cref="DiffRules"/>.</returns>
    public static bool IsKnownRule(string id) => DiffRules.Find(id) is not null;

    /// <summary>Rule id → title, for SARIF's rule table.</summary>
    public static IReadOnlyDictionary<string, string> RuleDescriptions => DiffRules.Titles;

    /// <summary>The names <c>generate</c> would give (<c>--clients</c>, <c>--client-name</c>, else from the head file's name), so api-impact findings name the symbols a team really has.</summary>
    /// <param name="headSpec">The head spec: a file or <c>git:&lt;rev&gt;:&lt;path&gt;</c>.</param>
    /// <param name="clients"><c>single</c> or <c>tag</c>; anything else is single.</param>
    /// <param name="clientName">The client's name, or null for the default.</param>
    /// <returns>The options for <see cref="DiffRequest.Api"/>.</returns>
    public static CodeGen.CSharpOptions ApiOptions(string headSpec, string? clients, string? clientName)
    {
        ArgumentNullException.ThrowIfNull(headSpec);
        var path = headSpec.StartsWith("git:", StringComparison.Ordinal) ? headSpec[(headSpec.LastIndexOf(':') + 1)..] : headSpec;
        return DiffOptions.DefaultApi with
        {
            ClientName = clientName ?? ContractKitConfig.DefaultClientName(path),
            Clients = ContractKitConfig.TryParseGrouping(clients, out var grouping) ? grouping : CodeGen.ClientGrouping.Single,
        };
    }

    private static (SpecReadResult Read, ContractModel? Model, List<Diagnostic> Problems) Load(string input, string? workingDirectory, DiffRequest request, CancellationToken cancellationToken)
    {
        var (strict, remote) = (request.Strict, request.AllowRemoteRefs);
        LoadedContract loaded;
        if (input.StartsWith("git:", StringComparison.Ordinal))
        {
            var (bytes, error) = GitShow(input, workingDirectory);
            if (bytes is null)
            {
                var diagnostic = new Diagnostic(DiagnosticIds.FileUnreadable, DiagnosticSeverity.Error, error!, new SourceLocation(input, 0, 0));
                return (new SpecReadResult { FilePath = input, Diagnostics = [diagnostic], Source = new SourceMap(input, locator: null) }, null, [diagnostic]);
            }

            // The display path keeps the file's extension, which decides YAML or JSON.
            loaded = ContractLoader.Load(input, bytes, strict, cancellationToken, remote);
        }
        else
        {
            loaded = ContractLoader.Load(input, strict, remote);
        }

        var (read, built) = (loaded.Read, loaded.Built);
        if (built is null)
        {
            return (read, null, read.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList());
        }

        // Compared anyway: the warnings (a spec breaking a MUST of OpenAPI that still reads) are shown beside the findings.
        return built.HasErrors
            ? (read, null, built.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList())
            : (read, built.Model, read.Diagnostics.Concat(built.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Warning).Distinct().ToList());
    }

    /// <summary><c>git:&lt;rev&gt;:&lt;path&gt;</c> → <c>git show &lt;rev&gt;:&lt;path&gt;</c>; the path as git reads it (from the repository root, or <c>./</c> for the current folder).</summary>
    private static (byte[]? Bytes, string? Error) GitShow(string input, string? workingDirectory)
    {
        var spec = input["git:".Length..];
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            return (null, $"'{input}' is not of the form git:<rev>:<path>");
        }

        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("show");
        start.ArgumentList.Add(spec);
        try
        {
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return process.ExitCode == 0
                ? (output.ToArray(), null)
                : (null, $"git show {spec} failed: {stderr.GetAwaiter().GetResult().Trim()}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"cannot run git: {ex.Message}");
        }
    }
}
