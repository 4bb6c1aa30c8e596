using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Model;
using ContractKit.Reading;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

namespace ContractKit.Pipeline;

/// <summary>What to validate payloads against: a schema of a spec, an operation's body, or a plain JSON Schema file.</summary>
public sealed record ValidationTarget
{
    public string? SpecPath { get; init; }
    public string? SchemaName { get; init; }
    public string? OperationId { get; init; }
    public BodyDirection Body { get; init; } = BodyDirection.Request;

    /// <summary>The response status for <see cref="BodyDirection.Response"/>; null for the first 2xx.</summary>
    public string? Status { get; init; }

    /// <summary>A plain JSON Schema file (draft 4 or 2020-12, by its <c>$schema</c>), instead of a spec.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>readOnly/writeOnly rules: request or response. Defaults from <see cref="Body"/> for operations.</summary>
    public ValidationDirection Direction { get; init; }

    /// <summary>Whether the defects the reader tolerates in the spec (CK1009-CK1012) are errors (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s are fetched (<c>--allow-remote-refs</c>) instead of refused.</summary>
    public bool AllowRemoteRefs { get; init; }

    /// <summary>The limits for reading the spec and the payloads (<c>payload-size</c>, <c>payload-depth</c>); null for the run's (<c>--limit</c>) or the defaults.</summary>
    public SpecLimits? Limits { get; init; }
}

/// <summary>One payload's verdict; <see cref="ReadError"/> is set when it could not be read or is not JSON.</summary>
public sealed record PayloadOutcome(string Path, bool Valid, IReadOnlyList<ValidationError> Errors, string? ReadError = null)
{
    /// <summary>The diagnostic id of <see cref="ReadError"/>: CK1001/CK1002 (the file, exit 2), CK1003 (not JSON, exit 1) or CK1013 (over a limit, exit 1).</summary>
    public string ReadErrorId { get; init; } = DiagnosticIds.SyntaxError;
}

/// <summary>Resolves a validation target to a compiled validator and validates payload files with it. The CLI calls this.</summary>
public static partial class PayloadValidation
{
    /// <summary>Compiles the validator the target names, or says (as diagnostics with an exit code) why it cannot.</summary>
    public static async Task<(JsonSchemaValidator? Validator, ValidationDirection Direction, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode)> ResolveAsync(
        ValidationTarget target, CancellationToken cancellationToken = default)
    {
        if (target.SchemaFile is { } schemaFile)
        {
            return ResolveSchemaFile(schemaFile, target.Direction);
        }

        if (target.SpecPath is null)
        {
            return (null, target.Direction, [Usage("give a spec, or --schema-file")], ExitCodes.UsageOrIo);
        }

        var loaded = await ContractLoader.LoadAsync(target.SpecPath, new LoadOptions { Strict = target.Strict, AllowRemoteRefs = target.AllowRemoteRefs, Limits = target.Limits }, cancellationToken).ConfigureAwait(false);
        var read = loaded.Read;
        if (loaded.Model is not { } model)
        {
            return (null, target.Direction, read.Diagnostics, ExitCodes.ForFailure(loaded.Diagnostics));
        }

        // The defects the reader read through are said, as by the other commands; the payloads are still checked.
        var tolerated = read.Diagnostics.Where(d => ToleratedDefects.IsTolerated(d.Id)).ToList();
        var schemas = new ContractSchemas(model);
        if (target.SchemaName is { } name)
        {
            if (schemas.FindType(name) is not { } typeId)
            {
                var known = schemas.ComponentNames.Order(StringComparer.Ordinal).ToList();
                var near = known.Where(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
                var hint = near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : $"; it has {known.Count} component schemas";
                return (null, target.Direction, [Usage($"{target.SpecPath} has no schema '{name}'{hint}")], ExitCodes.UsageOrIo);
            }

            return Compiled(() => schemas.ForType(typeId), target.Direction, tolerated, schemas, read);
        }

        if (target.OperationId is { } operationId)
        {
            var operation = model.Operations.FirstOrDefault(o => o.OperationId == operationId);
            if (operation is null)
            {
                return (null, target.Direction, [Usage($"{target.SpecPath} has no operation '{operationId}'")], ExitCodes.UsageOrIo);
            }

            var (validator, compileProblem) = Compiled(() => schemas.ForOperation(operation, target.Body, target.Status), location => schemas.ModelPointer(location, operation, target.Body, target.Status), read);
            if (compileProblem is not null)
            {
                return (null, target.Direction, [.. tolerated, compileProblem], ExitCodes.InputErrors);
            }

            if (validator is null)
            {
                var where = target.Body == BodyDirection.Request ? "request body" : $"response body for status {target.Status ?? "2xx"}";
                return (null, target.Direction, [Usage($"operation '{operationId}' declares no JSON {where}")], ExitCodes.UsageOrIo);
            }

            var direction = target.Direction != ValidationDirection.None
                ? target.Direction
                : target.Body == BodyDirection.Request ? ValidationDirection.Request : ValidationDirection.Response;
            return (validator, direction, tolerated, ExitCodes.Success);
        }

        return (null, target.Direction, [Usage("give --schema <Name> or --operation <operationId>")], ExitCodes.UsageOrIo);
    }

    /// <summary>
    /// Validates one payload file within <paramref name="limits"/> (null: the run's): a file over <c>payload-size</c> is
    /// not read past the limit (its length is checked first) and gets one CK1013 error; one nested deeper than
    /// <c>payload-depth</c> is invalid. Never throws for a bad file: that is an outcome with <see cref="PayloadOutcome.ReadError"/>.
    /// </summary>
    public static PayloadOutcome ValidateFile(JsonSchemaValidator validator, string path, ValidationDirection direction, SpecLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        limits ??= SpecLimits.Current;
        var options = new ValidationOptions { Direction = direction, MaxDepth = limits.MaxPayloadDepth, MaxPayloadBytes = limits.MaxPayloadBytes };
        ValidationResult result;
        try
        {
            // The validator reads a stream no further than MaxPayloadBytes (a regular file's length is checked first),
            // so a huge file, /dev/zero or a pipe that never ends costs at most the limit.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            result = validator.Validate(stream, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PayloadOutcome(path, false, [], $"cannot read the payload: {ex.Message}")
            {
                ReadErrorId = ex is FileNotFoundException or DirectoryNotFoundException ? DiagnosticIds.FileNotFound : DiagnosticIds.FileUnreadable,
            };
        }

        if (result.Errors is [{ Keyword: "maxPayloadBytes" } tooLarge])
        {
            return new PayloadOutcome(path, false, [],
                $"{tooLarge.Message} (limit 'payload-size'; raise it with --limit payload-size=N for a payload you trust, see SECURITY.md)")
            {
                ReadErrorId = DiagnosticIds.LimitExceeded,
            };
        }

        if (result.Errors is [{ Keyword: "json" } malformed])
        {
            return new PayloadOutcome(path, false, [], malformed.Message);
        }

        return new PayloadOutcome(path, result.IsValid, result.Errors);
    }

    private static (JsonSchemaValidator?, ValidationDirection, IReadOnlyList<Diagnostic>, int) ResolveSchemaFile(string path, ValidationDirection direction)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, direction, [new Diagnostic(DiagnosticIds.FileUnreadable, DiagnosticSeverity.Error, $"cannot read the schema: {ex.Message}", new SourceLocation(path, 0, 0))], ExitCodes.UsageOrIo);
        }

        try
        {
            var validator = JsonSchemaValidator.Compile(text, new SchemaOptions { FormatAssertion = true }, new Uri(Path.GetFullPath(path)));
            return (validator, direction, [], ExitCodes.Success);
        }
        catch (Exception ex) when (ex is SchemaCompilationException or System.Text.Json.JsonException)
        {
            return (null, direction, [new Diagnostic(DiagnosticIds.SyntaxError, DiagnosticSeverity.Error, $"not a usable JSON Schema: {ex.Message}", new SourceLocation(path, 0, 0))], ExitCodes.UsageOrIo);
        }
    }

    private static (JsonSchemaValidator?, ValidationDirection, IReadOnlyList<Diagnostic>, int) Compiled(
        Func<JsonSchemaValidator> compile, ValidationDirection direction, IReadOnlyList<Diagnostic> tolerated, ContractSchemas schemas, SpecReadResult read)
    {
        var (validator, problem) = Compiled(() => compile(), schemas.ModelPointer, read);
        return problem is null ? (validator, direction, tolerated, ExitCodes.Success) : (null, direction, [.. tolerated, problem], ExitCodes.InputErrors);
    }

    /// <summary>A spec schema the validator cannot compile (an invalid pattern) is a located error in the spec, exit 1.</summary>
    private static (JsonSchemaValidator? Validator, Diagnostic? Problem) Compiled(Func<JsonSchemaValidator?> compile, Func<string, string?> specPointer, SpecReadResult read)
    {
        try
        {
            return (compile(), null);
        }
        catch (SchemaCompilationException ex)
        {
            var pointer = specPointer(ex.SchemaLocation);
            var location = (pointer is null ? null : read.Source.Locate(pointer)) ?? new SourceLocation(read.FilePath, 1, 1, pointer);
            return (null, new Diagnostic(DiagnosticIds.InvalidSchema, DiagnosticSeverity.Error, $"the schema cannot be used for validation: {ex.Message}", location));
        }
    }

    private static Diagnostic Usage(string message) => new(DiagnosticIds.Usage, DiagnosticSeverity.Error, message);
}
