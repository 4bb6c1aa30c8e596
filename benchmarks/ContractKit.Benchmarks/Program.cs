using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Benchmarks;

/// <summary>
/// BenchmarkDotNet benchmarks (<c>--filter *</c>), and the end-to-end CLI benchmarks
/// <c>--bench generate|regenerate|diff|lint [spec] [--runs N] [--cli path] [--tools dir] [--work dir]</c>: the <c>contractkit</c> command
/// against its baselines (Microsoft.OpenApi alone loading the document; <c>openapi-typescript</c> 7 and
/// <c>redocly lint</c> from npm), all as fresh processes, interleaved in the same run, reported as medians and
/// ratios. <c>--cli</c> is the ContractKit.Cli.dll (or its folder) to measure, e.g. a ReadyToRun publish; <c>--tools</c>
/// a folder whose node_modules/.bin holds the npm tools (else PATH); <c>--work</c> the folder the outputs go under
/// (default: the system's temp folder); <c>--against</c> a second ContractKit.Cli.dll (or its folder), e.g. main's, that
/// <c>diff</c> and <c>lint</c> run interleaved with the first, reported as a ratio. A baseline that is not installed is skipped.
/// <c>--bench compile [spec] [--kiota path] [--runs N]</c> builds generated code instead: see <see cref="CompileBench"/>;
/// <c>--bench compile-profile &lt;folder&gt; [--refs a.dll;b.dll]</c> says where the compiler's work goes: see <see cref="CompileProfile"/>.
/// A harness rather than a timed test: these machines are shared and noisy, so it reports, it does not assert.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is ["--load-only", var jsonPath] ? LoadOnly(jsonPath) : MainAsync(args).GetAwaiter().GetResult();

    /// <summary>
    /// The baseline process: Microsoft.OpenApi reading the document (as JSON, its native format), nothing else. A
    /// method of its own, so that the baseline does not load or compile the harness (BenchmarkDotNet included).
    /// </summary>
    private static int LoadOnly(string jsonPath)
    {
        using var stream = new MemoryStream(File.ReadAllBytes(jsonPath));
        var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
        Console.WriteLine(result.Document?.Components?.Schemas?.Count ?? -1);
        return result.Document is null ? 1 : 0;
    }

    private static async Task<int> MainAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "--bench")
        {
            // Everything else is BenchmarkDotNet's: e.g. --filter *Validation*.
            BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var which = positional.FirstOrDefault() ?? "generate";
        if (which == "compile-profile")
        {
            var references = options.TryGetValue("--refs", out var r) ? r.Split(';', StringSplitOptions.RemoveEmptyEntries) : [];
            return positional.Count > 1 ? CompileProfile.Run(Path.GetFullPath(positional[1]), references) : Usage(which);
        }

        var spec = Path.GetFullPath(positional.Skip(1).FirstOrDefault() ?? Path.Combine(FindCorpus(), "openai", "openapi.yaml"));
        var runs = options.TryGetValue("--runs", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var cliPath = options.TryGetValue("--cli", out var c) ? Path.GetFullPath(c) : AppContext.BaseDirectory;
        var cliDll = Directory.Exists(cliPath) ? Path.Combine(cliPath, "ContractKit.Cli.dll") : cliPath;
        var tools = options.TryGetValue("--tools", out var t) ? Path.GetFullPath(t) : Environment.GetEnvironmentVariable("CONTRACTKIT_BENCH_TOOLS");

        // Creating thousands of files costs what the file system's state makes it cost: see EndToEnd.GenerateAsync's
        // `cp -r` row, measured in the same folder in the same run.
        var workRoot = options.TryGetValue("--work", out var w) ? Path.GetFullPath(w) : Path.GetTempPath();
        if (!File.Exists(cliDll) || !File.Exists(spec))
        {
            Console.Error.WriteLine($"not found: {(File.Exists(cliDll) ? spec : cliDll)}");
            return 2;
        }

        if (which is "mock" or "middleware")
        {
            var served = positional.Count > 1 ? spec : Path.Combine(FindRepoRoot(), "spec", "threads.yaml");
            return which == "mock" ? await ServerBench.MockAsync(served, options) : await ServerBench.MiddlewareAsync(served, options);
        }

        if (which == "compile")
        {
            var kiota = options.TryGetValue("--kiota", out var k) ? Path.GetFullPath(k) : null;
            var compileRuns = options.ContainsKey("--runs") ? runs : 3;
            IReadOnlyList<string> specs = positional.Count > 1 ? [spec] : CorpusSpecs();
            return await new CompileBench(specs, Tool.Dotnet("contractkit", cliDll), kiota, compileRuns, workRoot).RunAsync();
        }

        var against = options.TryGetValue("--against", out var a) ? Tool.Dotnet("contractkit (--against)", Directory.Exists(a) ? Path.Combine(a, "ContractKit.Cli.dll") : Path.GetFullPath(a)) : null;
        var bench = new EndToEnd(spec, Tool.Dotnet("contractkit", cliDll), runs, tools, workRoot, against);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"spec: {spec} ({new FileInfo(spec).Length / 1024} KiB); {runs} runs each, fresh processes, interleaved; {Environment.ProcessorCount} cores; outputs under {workRoot}"));
        Console.WriteLine($"contractkit: {cliDll} ({(CliRunner.IsReadyToRun(cliDll) ? "ReadyToRun" : "JIT only: publish with -r <rid> for the shipped figures")})");
        return which switch
        {
            "generate" => await bench.GenerateAsync(),
            "diff" => await bench.DiffAsync(),
            "lint" => await bench.LintAsync(),
            "regenerate" => await bench.RegenerateAsync(),
            _ => Usage(which),
        };
    }

    /// <summary>The corpus specs the compile benchmark builds by default: OpenAI's (the whole API and two parts) and the OAI examples.</summary>
    private static string[] CorpusSpecs()
    {
        var corpus = FindCorpus();
        return new[] { "openai", "oai-examples" }
            .Select(folder => Path.Combine(corpus, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            .ToArray();
    }

    private static int Usage(string which)
    {
        Console.Error.WriteLine($"unknown benchmark '{which}': expected --bench generate|regenerate|diff|lint|compile|compile-profile|mock|middleware [spec] [--runs N] [--cli path] [--tools dir] [--kiota path] [--work dir]");
        return 2;
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContractKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Environment.CurrentDirectory;
    }

    private static string FindCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONTRACTKIT_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractKit.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "corpus");
            }
        }

        throw new InvalidOperationException("corpus not found: set CONTRACTKIT_CORPUS");
    }
}
