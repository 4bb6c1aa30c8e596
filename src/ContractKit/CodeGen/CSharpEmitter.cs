using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>
/// Writes C# for a contract model: one file per DTO or enum under <c>Models/</c>, the client, its options and
/// its source-generated JSON context. Output depends only on the model and options (ordinal order everywhere,
/// '\n' line endings, no dates, paths or versions), so it is byte-identical on every machine.
/// </summary>
public sealed partial class CSharpEmitter
{
    private const string Json = "global::System.Text.Json.Serialization";
    private const string Runtime = "global::ContractKit.Runtime";

    private readonly ContractModel _model;
    private readonly CSharpOptions _options;
    private readonly CSharpNaming _names;
    private readonly CSharpTypeMapper _types;
    private readonly string[] _fileHeader;
    // What a part registers while it is emitted (merged in a fixed order by Generate); no per-operation state lives
    // here: an operation's decisions are its OperationPlan (see Planning/OperationPlanner).
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Types the JSON context must know beyond the DTOs: the inner types of tri-state properties, bodies that are not DTOs.</summary>
    private readonly SortedSet<string> _extraSerializable = new(StringComparer.Ordinal);

    /// <summary>The body schemas the client validates, by property name in the schemas class.</summary>
    private readonly List<(string Name, TypeUse Use)> _validators = [];
    private readonly HashSet<string> _validatorNames = new(StringComparer.Ordinal);

    /// <summary>The schemas file up to its lowered document, written beside the parts (see <see cref="Generate(Action{GeneratedFile}?)"/>).</summary>
    private (Validation.SchemaLowering Lowering, SourceWriter Writer)? _schemasStart;

    private CSharpEmitter(ContractModel model, CSharpOptions options)
    {
        _model = model;
        _options = options;
        _names = new CSharpNaming(model, options);
        _types = new CSharpTypeMapper(model, _names);
        _fileHeader = FileHeader(options);
    }

    /// <summary>An emitter for one part of the output: shares the parent's names, keeps its own registrations.</summary>
    private CSharpEmitter(CSharpEmitter parent)
    {
        _model = parent._model;
        _options = parent._options;
        _names = parent._names;
        _types = parent._types;
        _fileHeader = parent._fileHeader;
    }

    /// <summary>Generates the files. Never throws for model content; problems come back as diagnostics.</summary>
    public static GenerationResult Generate(ContractModel model, CSharpOptions options) => Generate(model, options, emitted: null);

    /// <summary>
    /// Generates the files as <see cref="Generate(ContractModel, CSharpOptions)"/>, handing each one to
    /// <paramref name="emitted"/> as soon as it is complete (from any thread, in no particular order), so that it can
    /// be written while the others are still being generated.
    /// </summary>
    public static GenerationResult Generate(ContractModel model, CSharpOptions options, Action<GeneratedFile>? emitted)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return new CSharpEmitter(model, options).Generate(emitted);
    }

    private GenerationResult Generate(Action<GeneratedFile>? emitted)
    {
        // The clients and each model type are independent parts: both cores emit them, each part into an emitter of
        // its own, and the parts' registrations (extra JSON types, validators, warnings) are then merged in the order a
        // sequential run makes them (types in model order, then the clients), so the output does not depend on timing.
        // The clients (one big part, which also names form fields and alternate methods) go first, the types around them.
        // Index 1 is the schemas file up to its document: which schemas validate is known only at the end, but the
        // document (the largest piece of work after the clients) depends on the model alone, so it is lowered here.
        var types = _model.Types;
        var parts = new CSharpEmitter[types.Count + 1];
        var partFiles = new GeneratedFile[types.Count + 1][];
        ParallelWork.For(parts.Length + 1, i =>
        {
            if (i == 1)
            {
                _schemasStart = StartSchemas(withDocument: true);
                return;
            }

            var index = i == 0 ? 0 : i - 1;
            var part = parts[index] = new CSharpEmitter(this);
            partFiles[index] = index == 0 ? [.. part.EmitClients()] : part.EmitType(types[index - 1]);
            foreach (var file in partFiles[index])
            {
                emitted?.Invoke(file);
            }
        });

        Diagnostics.PhaseTrace.Mark("emit.parts");
        var files = new List<GeneratedFile>(types.Count + 8);
        for (var i = 1; i <= parts.Length; i++)
        {
            var part = parts[i % parts.Length];
            files.AddRange(partFiles[i % parts.Length]);
            _extraSerializable.UnionWith(part._extraSerializable);
            foreach (var (name, use) in part._validators)
            {
                AddValidator(name, use);
            }

            _diagnostics.AddRange(part._diagnostics);
        }

        // The clients' part worked out the credentials (and warned about the unsupported ones) already.
        _credentials = parts[0]._credentials;
        var last = files.Count;
        files.Add(new GeneratedFile($"{_names.OptionsName}.g.cs", EmitOptions()));
        files.Add(new GeneratedFile($"{_names.ClientName}Schemas.g.cs", EmitSchemas()));

        // Last: the client and DTOs register the extra types the context needs.
        files.Add(new GeneratedFile($"{_names.JsonContextName}.g.cs", EmitJsonContext()));
        for (var i = last; i < files.Count; i++)
        {
            emitted?.Invoke(files[i]);
        }

        return new GenerationResult(files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(), _diagnostics);
    }

    private GeneratedFile[] EmitType(TypeDefinition type) => type switch
    {
        ObjectType obj => [new GeneratedFile($"Models/{_names.Type(obj.Id)}.g.cs", EmitObject(obj))],
        EnumType enumType => [new GeneratedFile($"Models/{_names.Type(enumType.Id)}.g.cs", EmitEnum(enumType))],
        UnionType union => [new GeneratedFile($"Models/{_names.Type(union.Id)}.g.cs", EmitUnion(union))],
        _ => [],
    };

    private SourceWriter StartFile()
    {
        var writer = new SourceWriter();
        foreach (var line in _fileHeader)
        {
            writer.Line(line);
        }

        return writer;
    }

    /// <summary>The lines every file starts with; the same for all of them, so worked out once.</summary>
    private static string[] FileHeader(CSharpOptions options) =>
    [
        "// <auto-generated/>",
        $"// Generated by ContractKit from {SanitizeForLineComment(options.SourceName)}. Edit the spec and regenerate instead of editing this file.",
        // Annotations for callers, without the compiler's nullable flow analysis of generated bodies (a seventh of the
        // cost of compiling them): as System.Text.Json's source generator does. The tests compile the output with
        // the analysis on and warnings as errors, so the generator keeps it clean all the same.
        "#nullable enable annotations",
        "#nullable disable warnings",
        "#pragma warning disable CS1591 // Not every member has a description in the spec.",
        "#pragma warning disable CS0612, CS0618 // Generated code uses the types the contract deprecates; callers still get the warning.",
        "",
        $"namespace {options.Namespace};",
        "",
    ];

    private static string SanitizeForLineComment(string text) =>
        new(text.Select(c => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' || TextScan.IsBidiControl(c) ? '_' : c).ToArray());

    private void Warn(string message, string pointer) =>
        _diagnostics.Add(new Diagnostic(DiagnosticIds.UnsupportedOperation, DiagnosticSeverity.Warning, message, new SourceLocation(_options.SourceName, 0, 0, pointer)));
}
