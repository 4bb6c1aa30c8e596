using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ContractKit.CodeGen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractKit.Tests.Support;

/// <summary>
/// Compiles generated files in process with Roslyn, the way a consumer's build would, only stricter: nullable
/// enabled, warnings as errors, the System.Text.Json source generator running, ContractKit.Runtime referenced. The
/// generated files switch the nullable flow analysis off for their bodies (<c>#nullable enable annotations</c>, to
/// <c>#nullable disable warnings</c>, to compile cheaply); here it is switched back on, so that any nullable warning in generated code fails a test.
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    private static readonly Lazy<ISourceGenerator[]> Generators = new(LoadGenerators);

    /// <summary>Compiler errors and warnings (as "id: message at file(line)"), empty when the code is clean.</summary>
    public static IReadOnlyList<string> Compile(IEnumerable<GeneratedFile> files) => CompileAssembly(files).Problems;

    /// <summary>Compiles and emits: the problems, the assembly image (null when emitting failed) and how long it took.</summary>
    public static CompiledAssembly CompileAssembly(IEnumerable<GeneratedFile> files, string assemblyName = "GeneratedUnderTest")
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files
            .Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(Strict(f.Content), parseOptions, path: f.RelativePath))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithConcurrentBuild(true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Same as the SDK: a library without a version attribute is fine.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, options);
        var driver = CSharpGeneratorDriver.Create(Generators.Value).WithUpdatedParseOptions(parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var generatorDiagnostics);

        using var stream = new MemoryStream();
        var emit = updated.Emit(stream);
        var problems = generatorDiagnostics.Concat(emit.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetLineSpan()}")
            .Distinct()
            .ToList();
        stopwatch.Stop();
        return new CompiledAssembly(problems, emit.Success ? stream.ToArray() : null, stopwatch.Elapsed, trees.Count);
    }

    /// <summary>The file with the nullable analysis on (its header's two <c>#nullable</c> lines made <c>#nullable enable</c>).</summary>
    private static string Strict(string content)
    {
        const string annotations = "#nullable enable annotations\n#nullable disable warnings\n";
        var at = content.IndexOf(annotations, StringComparison.Ordinal);
        return at < 0 ? content : string.Concat(content.AsSpan(0, at), "#nullable enable\n", content.AsSpan(at + annotations.Length));
    }

    /// <summary>Compiler errors and warnings of <paramref name="source"/> compiled against an assembly already built (no generators run).</summary>
    public static IReadOnlyList<string> CompileAgainst(byte[] image, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Probe.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error);
        var compilation = CSharpCompilation.Create("Probe", [tree], References.Value.Add(MetadataReference.CreateFromImage(image)), options);
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetLineSpan()}")
            .ToList();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Where(p => !p.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        return platform
            .Append(typeof(ContractKit.Runtime.Optional<>).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static ISourceGenerator[] LoadGenerators()
    {
        // The System.Text.Json source generator ships in the targeting pack of the SDK running the tests.
        var dotnetRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)))!;
        var packs = Path.Combine(Path.GetDirectoryName(dotnetRoot)!, "packs", "Microsoft.NETCore.App.Ref");
        var version = Environment.Version;
        var pack = Directory.GetDirectories(packs)
            .OrderByDescending(d => Path.GetFileName(d).StartsWith($"{version.Major}.{version.Minor}.", StringComparison.Ordinal))
            .ThenByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .First();
        var path = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var reference = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new AssemblyLoader());
        return reference.GetGenerators(LanguageNames.CSharp).ToArray();
    }

    private sealed class AssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}

/// <summary>What <see cref="CSharpCompiler.CompileAssembly"/> produced.</summary>
internal sealed record CompiledAssembly(IReadOnlyList<string> Problems, byte[]? Image, TimeSpan Elapsed, int SourceFiles);
