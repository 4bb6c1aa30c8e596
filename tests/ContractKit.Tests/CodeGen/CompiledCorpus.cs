using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContractKit.CodeGen;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Reading;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// Corpus specs generated and compiled once per test run, shared by every test in the collection: compiling the
/// whole OpenAI API takes the better part of a minute, so it must not happen twice.
/// </summary>
public sealed class CompiledCorpus : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CompiledSpec>> _specs = new(StringComparer.Ordinal);

    /// <summary>The spec at a path relative to the corpus root, generated and compiled on first use.</summary>
    internal CompiledSpec Get(string relative) =>
        _specs.GetOrAdd(relative, r => new Lazy<CompiledSpec>(() => CompiledSpec.Create(r))).Value;

    public void Dispose()
    {
        foreach (var spec in _specs.Values.Where(s => s.IsValueCreated))
        {
            spec.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledCorpusCollection : ICollectionFixture<CompiledCorpus>
{
    public const string Name = "Compiled corpus";
}

/// <summary>One spec: read, modeled, emitted, compiled, and (on demand) loaded into a collectible context.</summary>
internal sealed class CompiledSpec : IDisposable
{
    public const string Namespace = "Corpus.Generated";
    public const string ClientName = "CorpusClient";

    private readonly Lazy<Loaded> _loaded;

    private CompiledSpec(string relative, SpecReadResult read, ContractModel model, GenerationResult generated, IReadOnlyList<Diagnostic> diagnostics, CompiledAssembly compiled)
    {
        Relative = relative;
        Read = read;
        Model = model;
        Files = generated.Files;
        Diagnostics = diagnostics;
        Compiled = compiled;
        Types = new CSharpTypeMapper(model, new CSharpNaming(model, Options(relative)));
        _loaded = new Lazy<Loaded>(Load);
    }

    public string Relative { get; }

    public SpecReadResult Read { get; }

    public ContractModel Model { get; }

    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>Model and emitter diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public CompiledAssembly Compiled { get; }

    public CSharpTypeMapper Types { get; }

    /// <summary>The generated context's options, able to serialize any type of the contract (the context's metadata for the named types).</summary>
    public JsonSerializerOptions JsonOptions => _loaded.Value.Options;

    public static CompiledSpec Create(string relative)
    {
        var read = SpecReader.Read(Corpus.PathOf(relative));
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var built = ModelBuilder.Build(read);
        Assert.False(built.HasErrors, string.Join("\n", built.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var generated = CSharpEmitter.Generate(built.Model, Options(relative));
        Assert.False(generated.HasErrors, string.Join("\n", generated.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var compiled = CSharpCompiler.CompileAssembly(generated.Files, "Corpus_" + new string(relative.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()));
        return new CompiledSpec(relative, read, built.Model, generated, [.. built.Diagnostics, .. generated.Diagnostics], compiled);
    }

    /// <summary>
    /// The whole OpenAI API is generated with a client per tag (its one compile covers both the DTOs and the tag
    /// clients); the small specs with the default single client.
    /// </summary>
    internal static CSharpOptions Options(string relative) =>
        new()
        {
            Namespace = Namespace,
            ClientName = ClientName,
            SourceName = Path.GetFileName(relative),
            Clients = relative == WholeOpenAi ? ClientGrouping.Tag : ClientGrouping.Single,
        };

    /// <summary>The whole OpenAI API, relative to the corpus root.</summary>
    public static readonly string WholeOpenAi = Path.Combine("openai", "openapi.yaml");

    /// <summary>The compiled assembly, loaded into a collectible context.</summary>
    public Assembly Assembly => _loaded.Value.Assembly;

    /// <summary>The CLR type the generated code uses for a model type use (the nullable annotation of reference types is dropped).</summary>
    public Type ClrType(TypeUse use) => _loaded.Value.Resolve(Types.Map(use).TypeOfSpelling);

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Context.Unload();
        }
    }

    private Loaded Load()
    {
        var image = Compiled.Image ?? throw new InvalidOperationException($"{Relative} did not compile:\n{string.Join("\n", Compiled.Problems.Take(20))}");
        var context = new AssemblyLoadContext(Relative, isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(image));
        var contextType = assembly.GetTypes().Single(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract);
        var defaultContext = (JsonSerializerContext)contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        // Named types come from the generated context; the lists and dictionaries around them, which the context
        // registers only where the client needs them, from reflection over the same options.
        var options = new JsonSerializerOptions(defaultContext.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(defaultContext, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return new Loaded(context, assembly, options);
    }

    private sealed record Loaded(AssemblyLoadContext Context, Assembly Assembly, JsonSerializerOptions Options)
    {
        private readonly ConcurrentDictionary<string, Type> _cache = new(StringComparer.Ordinal);

        /// <summary>A C# spelling from <see cref="CSharpTypeMapper"/> back to its type.</summary>
        public Type Resolve(string spelling) => _cache.GetOrAdd(spelling, Parse);

        private Type Parse(string spelling)
        {
            var s = spelling.Trim();
            if (s.EndsWith('?'))
            {
                var inner = Parse(s[..^1]);
                return inner.IsValueType ? typeof(Nullable<>).MakeGenericType(inner) : inner;
            }

            if (s.EndsWith("[]", StringComparison.Ordinal))
            {
                return Parse(s[..^2]).MakeArrayType();
            }

            s = s.StartsWith("global::", StringComparison.Ordinal) ? s["global::".Length..] : s;
            var open = s.IndexOf('<', StringComparison.Ordinal);
            if (open > 0)
            {
                var arguments = SplitArguments(s[(open + 1)..^1]).Select(Parse).ToArray();
                var definition = Type.GetType($"{s[..open]}`{arguments.Length}", throwOnError: true)!;
                return definition.MakeGenericType(arguments);
            }

            return s switch
            {
                "string" => typeof(string),
                "long" => typeof(long),
                "int" => typeof(int),
                "uint" => typeof(uint),
                "ulong" => typeof(ulong),
                "double" => typeof(double),
                "float" => typeof(float),
                "decimal" => typeof(decimal),
                "bool" => typeof(bool),
                "byte" => typeof(byte),
                "object" => typeof(object),
                _ => Assembly.GetType($"{Namespace}.{s}") ?? Type.GetType(s) ?? typeof(JsonElement).Assembly.GetType(s)
                    ?? throw new InvalidOperationException($"no type for '{spelling}'"),
            };
        }

        private static IEnumerable<string> SplitArguments(string text)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '<':
                        depth++;
                        break;
                    case '>':
                        depth--;
                        break;
                    case ',' when depth == 0:
                        yield return text[start..i];
                        start = i + 1;
                        break;
                }
            }

            yield return text[start..];
        }
    }
}
