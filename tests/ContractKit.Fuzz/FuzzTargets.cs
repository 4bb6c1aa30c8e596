using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Pipeline;
using ContractKit.Reporting;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using ContractKit.Validation;

namespace ContractKit.Fuzz;

/// <summary>What the oracle objected to: which stage, what kind of failure, and the details.</summary>
public sealed record FuzzProblem(string Target, string Kind, string Message)
{
    /// <summary>Groups repeats of one bug: the target, the kind, and the throwing frame or else the first line of the message without digits.</summary>
    public string Signature
    {
        get
        {
            var lines = Message.Split('\n');
            var key = lines.Length > 1 && lines[1].StartsWith("at ", StringComparison.Ordinal) ? lines[1] : lines[0];
            return $"{Target}/{Kind}/{new string(key.Where(c => !char.IsDigit(c)).Take(160).ToArray())}";
        }
    }
}

/// <summary>
/// Runs a case through every stage the way the commands do (read + build, generate and sometimes compile, lint,
/// validate, diff) and checks the oracle: nothing throws, every diagnostic and finding has a location, every
/// validation error an instance pointer, generated code compiles, exit codes are 0, 1 or 2.
/// </summary>
internal static class FuzzTargets
{
    private static readonly CSharpOptions Generation = new() { Namespace = "Fuzzed.Api", ClientName = "FuzzClient", SourceName = "head.yaml" };

    public static async Task<List<FuzzProblem>> RunAsync(FuzzCase fuzzCase, string folder)
    {
        var problems = new List<FuzzProblem>();
        if (fuzzCase.Kind == FuzzCase.SchemaKind)
        {
            Guard(problems, "schema", () => Schema(fuzzCase, problems));
            return problems;
        }

        var head = fuzzCase.HeadPath(folder);
        LoadedContract? loaded = null;
        await GuardAsync(problems, "read", async () =>
        {
            loaded = await ContractLoader.LoadAsync(head).ConfigureAwait(false);
            Located(problems, "read", loaded.Diagnostics);
        }).ConfigureAwait(false);
        if (loaded is null)
        {
            return problems;
        }

        if (loaded.Built is { HasErrors: false, Model: var model })
        {
            Guard(problems, "generate", () => Generate(model, fuzzCase.Compile, problems));
            Guard(problems, "validate", () => Validate(model, fuzzCase.Payloads, problems));
        }

        Guard(problems, "lint", () =>
        {
            var lint = LintPipeline.Lint(loaded.Read);
            Located(problems, "lint", lint.Findings);
        });
        if (fuzzCase.Base is not null)
        {
            await GuardAsync(problems, "diff", () => Diff(fuzzCase.BasePath(folder), head, problems)).ConfigureAwait(false);
        }

        return problems;
    }

    private static void Generate(ContractModel model, bool compile, List<FuzzProblem> problems)
    {
        var generated = CSharpEmitter.Generate(model, Generation);
        if (generated.HasErrors || !compile)
        {
            return;
        }

        var compileProblems = CSharpCompiler.Compile(generated.Files);
        if (compileProblems.Count > 0)
        {
            problems.Add(new FuzzProblem("compile", "does not compile", string.Join("\n", compileProblems.Take(5))));
        }
    }

    private static void Validate(ContractModel model, IReadOnlyList<byte[]> payloads, List<FuzzProblem> problems)
    {
        var schemas = new ContractSchemas(model);
        var compile = model.Types.Take(4).Select(t => ((Func<JsonSchemaValidator?>)(() => schemas.ForType(t.Id)), (Func<string, string?>)schemas.ModelPointer))
            .Concat(model.Operations.Take(3).SelectMany(o => new (Func<JsonSchemaValidator?>, Func<string, string?>)[]
            {
                (() => schemas.ForOperation(o, BodyDirection.Request), location => schemas.ModelPointer(location, o, BodyDirection.Request)),
                (() => schemas.ForOperation(o, BodyDirection.Response), location => schemas.ModelPointer(location, o, BodyDirection.Response)),
            }));
        var validators = new List<JsonSchemaValidator>();
        foreach (var (validator, specPointer) in compile)
        {
            try
            {
                if (validator() is { } compiled)
                {
                    validators.Add(compiled);
                }
            }
            catch (SchemaCompilationException ex)
            {
                // validate reports this as a located CK2004 (exit 1): the oracle is that it can be located.
                if (specPointer(ex.SchemaLocation) is null)
                {
                    problems.Add(new FuzzProblem("validate", "compile error without a location", ex.Message));
                }
            }
        }

        foreach (var validator in validators)
        {
            foreach (var payload in payloads)
            {
                CheckResult(validator.Validate(payload, new ValidationOptions { Direction = ValidationDirection.Response }), problems, "validate");
            }
        }
    }

    private static void Schema(FuzzCase fuzzCase, List<FuzzProblem> problems)
    {
        JsonSchemaValidator validator;
        try
        {
            validator = JsonSchemaValidator.Compile(System.Text.Encoding.UTF8.GetString(fuzzCase.Head), new SchemaOptions { FormatAssertion = true });
        }
        catch (Exception ex) when (ex is SchemaCompilationException or System.Text.Json.JsonException)
        {
            // The documented outcome for an unusable schema (validate --schema-file turns it into exit 2).
            return;
        }

        foreach (var payload in fuzzCase.Payloads)
        {
            CheckResult(validator.Validate(payload), problems, "schema");
        }
    }

    private static async Task Diff(string basePath, string headPath, List<FuzzProblem> problems)
    {
        var run = await DiffPipeline.RunAsync(new DiffRequest { Base = basePath, Head = headPath }).ConfigureAwait(false);
        if (run.ExitCode is < 0 or > 2)
        {
            problems.Add(new FuzzProblem("diff", "exit code", $"exit code {run.ExitCode}"));
        }

        Located(problems, "diff", run.Diagnostics);
        Located(problems, "diff", run.Findings);
    }

    private static void CheckResult(ValidationResult result, List<FuzzProblem> problems, string target)
    {
        foreach (var error in result.Errors)
        {
            if (error.InstanceLocation is null || (error.InstanceLocation.Length > 0 && error.InstanceLocation[0] != '/') || string.IsNullOrEmpty(error.Message))
            {
                problems.Add(new FuzzProblem(target, "error without a pointer", $"{error.Keyword}: '{error.InstanceLocation}' {error.Message}"));
            }
        }
    }

    private static void Located(List<FuzzProblem> problems, string target, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info && d.Location is null))
        {
            problems.Add(new FuzzProblem(target, "diagnostic without a location", $"{diagnostic.Id}: {diagnostic.Message}"));
        }
    }

    private static void Located(List<FuzzProblem> problems, string target, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings.Where(f => f.Location is null))
        {
            problems.Add(new FuzzProblem(target, "finding without a location", $"{finding.RuleId}: {finding.Message}"));
        }
    }

    private static void Guard(List<FuzzProblem> problems, string target, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            problems.Add(Thrown(target, ex));
        }
    }

    private static async Task GuardAsync(List<FuzzProblem> problems, string target, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            problems.Add(Thrown(target, ex));
        }
    }

    private static FuzzProblem Thrown(string target, Exception ex)
    {
        var frames = (ex.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ContractKit", StringComparison.Ordinal)).Take(3);
        return new FuzzProblem(target, "unhandled " + ex.GetType().Name, ex.Message + "\n" + string.Join("\n", frames) + "\n\n" + ex);
    }
}
