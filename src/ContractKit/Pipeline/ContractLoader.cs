using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.ModelBuilding;
using ContractKit.Reading;

namespace ContractKit.Pipeline;

/// <summary>
/// A spec read and its model built once: what every command starts from. <see cref="Built"/> is null when the model
/// was not built (the file could not be read, the document has errors, or, unless asked, the read reported errors).
/// </summary>
/// <param name="Read">The read spec: document, raw tree, source map and the reader's diagnostics.</param>
/// <param name="Built">The model and the model builder's diagnostics, or null.</param>
public sealed record LoadedContract(SpecReadResult Read, ModelBuildResult? Built)
{
    /// <summary>The model, or null when it was not built.</summary>
    public ContractModel? Model => Built?.Model;

    /// <summary>The reader's diagnostics, then the model builder's.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Built is null ? Read.Diagnostics : [.. Read.Diagnostics, .. Built.Diagnostics];

    /// <summary>Whether the read or the model reported an error.</summary>
    public bool HasErrors => Read.HasErrors || Read.Document is null || Built is null || Built.HasErrors;

    /// <summary>
    /// The one mapping of a load to an exit code (<see cref="ExitCodes.ForFailure"/>): 2 when the file cannot be found
    /// or read or exceeds a limit, 1 when the spec has errors, else 0.
    /// </summary>
    public int ExitCode => HasErrors ? ExitCodes.ForFailure(Diagnostics) : ExitCodes.Success;
}

/// <summary>How a spec is loaded: strictness and what may overlap the read.</summary>
public sealed record LoadOptions
{
    /// <summary>Whether the defects the reader tolerates (CK1009-CK1012) are errors (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s are fetched (<c>--allow-remote-refs</c>); otherwise they are CK1007 errors.</summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>Build the model whenever there is a document, even when the read reported errors (lint reports both).</summary>
    public bool BuildDespiteReadErrors { get; init; }

    /// <summary>Build the model while Microsoft.OpenApi's validation rules run (false: after them; tests compare the two).</summary>
    public bool ValidateConcurrently { get; init; } = true;

    /// <summary>The reader's caps (size, depth, alias expansion, counts, string length; SECURITY.md); null for the defaults, or those a shell set for the run.</summary>
    public SpecLimits? Limits { get; init; }

    /// <summary>Called with the raw tree as soon as it is parsed, before the OpenAPI read (lint starts its walk there).</summary>
    public Action<JsonNode>? Parsed { get; init; }
}

/// <summary>Reading → ModelBuilding, once, for every command and shell. Stages never read or build themselves.</summary>
public static class ContractLoader
{
    /// <summary>Warms the reader up on another core (see <see cref="SpecReader.Prepare"/>); a shell calls it before parsing its command line.</summary>
    public static void Prepare() => SpecReader.Prepare();

    /// <summary>Reads a spec file and builds its model, the build overlapping the read's validation.</summary>
    /// <param name="path">The spec file (also the path shown in diagnostics).</param>
    /// <param name="options">Strictness and overlap; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The loaded contract.</returns>
    public static async Task<LoadedContract> LoadAsync(string path, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LoadOptions();
        using var limits = SpecLimits.Use(options.Limits);
        var reading = await SpecReader.StartAsync(path, options.Parsed, options.ValidateConcurrently, cancellationToken, options.Strict, options.AllowRemoteRefs).ConfigureAwait(false);
        var (read, built) = await reading.WhileValidating(r => Wanted(r, options), ModelBuilder.Build).ConfigureAwait(false);
        return Loaded(read, built);
    }

    /// <summary>Reads a spec file and builds its model, on this thread.</summary>
    /// <param name="path">The spec file.</param>
    /// <param name="strict">Whether tolerated defects are errors.</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched instead of refused.</param>
    /// <returns>The loaded contract.</returns>
    public static LoadedContract Load(string path, bool strict = false, bool allowRemoteRefs = false) =>
        Build(SpecReader.Read(path, strict, allowRemoteRefs), new LoadOptions { Strict = strict, AllowRemoteRefs = allowRemoteRefs });

    /// <summary>Reads a spec from bytes (e.g. <c>git show</c> output) and builds its model.</summary>
    /// <param name="displayPath">The name shown in diagnostics; its extension decides YAML or JSON.</param>
    /// <param name="bytes">The spec's bytes.</param>
    /// <param name="strict">Whether tolerated defects are errors.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="allowRemoteRefs">Whether <c>http(s)</c> <c>$ref</c>s are fetched instead of refused.</param>
    /// <returns>The loaded contract.</returns>
    public static LoadedContract Load(string displayPath, byte[] bytes, bool strict, CancellationToken cancellationToken = default, bool allowRemoteRefs = false) =>
        Build(SpecReading.Read(displayPath, bytes, cancellationToken, strict, allowRemoteRefs), new LoadOptions { Strict = strict, AllowRemoteRefs = allowRemoteRefs });

    /// <summary>Builds the model of an already read spec, when <paramref name="options"/> calls for it.</summary>
    /// <param name="read">The read spec.</param>
    /// <param name="options">Whether to build despite read errors; null for the defaults.</param>
    /// <returns>The loaded contract.</returns>
    public static LoadedContract Build(SpecReadResult read, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Loaded(read, Wanted(read, options ?? new LoadOptions()) ? ModelBuilder.Build(read) : null);
    }

    private static bool Wanted(SpecReadResult read, LoadOptions options) =>
        read.Document is not null && (options.BuildDespiteReadErrors || !read.HasErrors);

    private static LoadedContract Loaded(SpecReadResult read, ModelBuildResult? built)
    {
        if (built is not null)
        {
            PhaseTrace.Mark("model");
        }

        return new LoadedContract(read, built);
    }
}
