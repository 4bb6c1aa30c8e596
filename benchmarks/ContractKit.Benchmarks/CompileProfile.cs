using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractKit.Benchmarks;

/// <summary>
/// <c>--bench compile-profile &lt;folder&gt; [--refs a.dll;b.dll]</c>: where the compiler's work goes for a folder of
/// generated C#, in figures that do not move with the machine's load. The folder is compiled in this process on one
/// thread (no analyzers, nullable on, documentation comments as trivia, as <c>dotnet build</c> without a
/// documentation file), and what is printed is what the compiler allocated: for the declarations, for binding the
/// method bodies of each kind of file (enums, unions, objects, the JSON context, the client, the schemas), and for a
/// whole compile and emit of a fresh compilation, with its peak working set; then a census of the emitted assembly
/// (types, methods, properties, fields, generic instantiations, custom attributes, IL). Compare an output with a
/// variant of it (a member taken out, a construct written another way) or with Kiota's (pass its packages' assemblies
/// in <c>--refs</c>). CPU seconds are printed too, as a rough guide only.
/// </summary>
internal static class CompileProfile
{
    public static int Run(string folder, IReadOnlyList<string> extraReferences)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"not found: {folder}");
            return 2;
        }

        var references = PlatformReferences()
            .Append(typeof(ContractKit.Runtime.Optional<>).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Concat(extraReferences)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

        var compilation = CSharpCompilation.Create("Profiled", trees, references, options);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = compilation.GetDeclarationDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine(Invariant($"{files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KiB; declarations: {Mb(GC.GetAllocatedBytesForCurrentThread() - before)} allocated, {errors} errors"));
        var kinds = new SortedDictionary<string, (long Bytes, int Files, long Size)>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var kind = Kind(tree);
            before = GC.GetAllocatedBytesForCurrentThread();
            compilation.GetSemanticModel(tree).GetMethodBodyDiagnostics();
            var (bytes, count, size) = kinds.GetValueOrDefault(kind);
            kinds[kind] = (bytes + GC.GetAllocatedBytesForCurrentThread() - before, count + 1, size + tree.Length);
        }

        Console.WriteLine(Invariant($"method bodies: {Mb(kinds.Values.Sum(k => k.Bytes))} allocated"));
        foreach (var (kind, (bytes, count, size)) in kinds.OrderByDescending(k => k.Value.Bytes))
        {
            Console.WriteLine(Invariant($"  {kind,-8} {Mb(bytes),10}  {count,5} files  {size / 1024,7} KiB"));
        }

        // A whole compile of a fresh compilation (the referenced assemblies' symbols stay warm), then emit.
        var fresh = CSharpCompilation.Create("Profiled", trees, references, options);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        before = GC.GetAllocatedBytesForCurrentThread();
        using var image = new MemoryStream();
        var result = fresh.Emit(image);
        Console.WriteLine(Invariant($"whole compile + emit: {Mb(GC.GetAllocatedBytesForCurrentThread() - before)} allocated, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB, {(result.Success ? "ok" : "FAILED")}"));
        foreach (var error in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
        {
            Console.WriteLine($"  {error}");
        }

        if (result.Success)
        {
            image.Position = 0;
            Census(image);
        }

        return result.Success ? 0 : 1;
    }

    /// <summary>What a file mostly is, by the markers the generators write.</summary>
    private static string Kind(SyntaxTree tree)
    {
        var name = Path.GetFileName(tree.FilePath);
        var text = tree.GetText().ToString();
        return name switch
        {
            _ when name.EndsWith("JsonContext.g.cs", StringComparison.Ordinal) => "context",
            _ when name.EndsWith("Schemas.g.cs", StringComparison.Ordinal) => "schemas",
            _ when name.EndsWith("Client.g.cs", StringComparison.Ordinal) => "client",
            _ when text.Contains("IOpenStringEnum<", StringComparison.Ordinal) || text.Contains("IOpenIntegerEnum<", StringComparison.Ordinal) => "enum",
            _ when text.Contains("IJsonUnion<", StringComparison.Ordinal) => "union",
            _ when text.Contains("IJsonObject<", StringComparison.Ordinal) => "object",
            _ when name.Contains("RequestBuilder", StringComparison.Ordinal) => "builder",
            _ => "other",
        };
    }

    private static void Census(Stream image)
    {
        using var pe = new PEReader(image);
        var metadata = pe.GetMetadataReader();
        var il = metadata.MethodDefinitions
            .Select(m => metadata.GetMethodDefinition(m).RelativeVirtualAddress)
            .Where(rva => rva != 0)
            .Sum(rva => (long)pe.GetMethodBody(rva).Size);
        Console.WriteLine(Invariant(
            $"assembly: {image.Length / 1024} KiB; types {metadata.TypeDefinitions.Count}, methods {metadata.MethodDefinitions.Count}, properties {metadata.PropertyDefinitions.Count}, fields {metadata.FieldDefinitions.Count}, type specs {metadata.GetTableRowCount(TableIndex.TypeSpec)}, method specs {metadata.GetTableRowCount(TableIndex.MethodSpec)}, custom attributes {metadata.CustomAttributes.Count}, IL {il / 1024} KiB"));
    }

    /// <summary>The framework's assemblies this process runs on (its reference assemblies would do as well).</summary>
    private static IEnumerable<string> PlatformReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Where(p => !p.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));

    private static string Mb(long bytes) => Invariant($"{bytes / 1048576.0:F0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
