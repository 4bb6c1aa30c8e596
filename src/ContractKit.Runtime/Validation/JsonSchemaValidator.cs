using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation;

/// <summary>
/// A JSON Schema (draft 4 or 2020-12, optionally with OpenAPI semantics) compiled once into a keyword tree.
/// Immutable and thread-safe; validating a valid payload allocates nothing once warm.
/// </summary>
public sealed class JsonSchemaValidator
{
    private const string DefaultBaseUri = "https://contractkit.invalid/schema.json";

    private readonly SchemaNode _root;

    private JsonSchemaValidator(SchemaNode root, SchemaOptions options)
    {
        _root = root;
        Options = options;
    }

    /// <summary>The options the schema was compiled with.</summary>
    public SchemaOptions Options { get; }

    /// <summary>Compiles <paramref name="schema"/> (cached per schema text and options).</summary>
    /// <exception cref="SchemaCompilationException">The schema is not valid: an unresolvable $ref, an invalid pattern, a keyword of the wrong type.</exception>
    public static JsonSchemaValidator Compile(JsonElement schema, SchemaOptions? options = null, Uri? baseUri = null) =>
        Compile(schema.GetRawText(), options, baseUri);

    /// <summary>Parses and compiles <paramref name="schemaJson"/> (cached per schema text and options).</summary>
    /// <exception cref="SchemaCompilationException">The schema is not JSON or not a valid schema.</exception>
    public static JsonSchemaValidator Compile(string schemaJson, SchemaOptions? options = null, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        options ??= SchemaOptions.Default;
        return ValidatorCache.GetOrAdd(schemaJson, options, baseUri, () => CompileUncached(schemaJson, options, baseUri));
    }

    private static JsonSchemaValidator CompileUncached(string schemaJson, SchemaOptions options, Uri? baseUri)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaJson);
        }
        catch (JsonException ex)
        {
            throw new SchemaCompilationException("#", $"the schema is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement.Clone();
            var uri = baseUri?.OriginalString ?? DefaultBaseUri;
            try
            {
                return new JsonSchemaValidator(SchemaCompiler.CompileRoot(root, options, uri), options);
            }
            catch (SchemaCompilationException ex) when (baseUri is null && ex.SchemaLocation.StartsWith(DefaultBaseUri + "#", StringComparison.Ordinal))
            {
                // Schemas given without a base URI are reported by pointer alone.
                var location = WithoutDefaultBase(ex.SchemaLocation);
                var message = ex.Message.Replace($" (at {ex.SchemaLocation})", "", StringComparison.Ordinal).Replace(DefaultBaseUri + "#", "#", StringComparison.Ordinal);
                throw new SchemaCompilationException(location, message, ex.InnerException);
            }
        }
    }

    /// <summary>True when <paramref name="utf8Json"/> is JSON that satisfies the schema. Allocates nothing for valid input.</summary>
    public bool IsValid(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null) => Run(utf8Json, options, collect: false).IsValid;

    /// <summary>Validates <paramref name="utf8Json"/>; the errors carry instance and schema pointers. Allocates nothing for valid input.</summary>
    public ValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null) => Run(utf8Json, options, collect: true);

    /// <summary>Validates an already-parsed value (its raw UTF-8 text, so duplicate names are still seen).</summary>
    public ValidationResult Validate(JsonElement instance, ValidationOptions? options = null) =>
        instance.ValueKind == JsonValueKind.Undefined
            ? Single(new ValidationError("", "#", "json", "payload is not valid JSON: the element is undefined (default JsonElement)"))
            : Run(JsonMarshal.GetRawUtf8Value(instance), options, collect: true);

    /// <summary>
    /// Reads <paramref name="utf8Json"/> to the end into a pooled buffer and validates it. A stream longer than
    /// <see cref="ValidationOptions.MaxPayloadBytes"/> is read no further (one byte past it) and gets one error.
    /// </summary>
    public ValidationResult Validate(Stream utf8Json, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= ValidationOptions.Default;
        var max = Math.Max(options.MaxPayloadBytes, 0);
        if (utf8Json.CanSeek && utf8Json.Length - utf8Json.Position > max)
        {
            return TooLarge(utf8Json.Length - utf8Json.Position, max);
        }

        using var buffer = PooledBuffer.Read(utf8Json, utf8Json.CanSeek ? utf8Json.Length - utf8Json.Position : null, max);
        return buffer.IsOverLimit ? TooLarge(null, max) : Run(buffer.Span, options, collect: true);
    }

    /// <summary>The one error for a payload over <see cref="ValidationOptions.MaxPayloadBytes"/>: <paramref name="length"/> when known.</summary>
    private static ValidationResult TooLarge(long? length, long max) =>
        Single(new ValidationError("", "#", "maxPayloadBytes", length is { } known
            ? string.Create(CultureInfo.InvariantCulture, $"payload is {known:N0} bytes; at most {max:N0} bytes are validated")
            : string.Create(CultureInfo.InvariantCulture, $"payload is larger than {max:N0} bytes, the most validated")));

    private ValidationResult Run(ReadOnlySpan<byte> json, ValidationOptions? options, bool collect)
    {
        options ??= ValidationOptions.Default;
        if (json.Length > options.MaxPayloadBytes)
        {
            return TooLarge(json.Length, Math.Max(options.MaxPayloadBytes, 0));
        }

        var state = EvaluationState.Rent();
        try
        {
            var status = state.Tape.Build(json, Math.Max(options.MaxDepth, 1), options.RejectDuplicateProperties);
            var w = new Walker(json, state, options, collect: false);
            if (status == TapeStatus.InvalidJson)
            {
                return Single(new ValidationError("", "#", "json", state.Tape.ErrorMessage!));
            }

            if (status == TapeStatus.TooDeep)
            {
                return Single(new ValidationError(InstancePointer.Of(w, state.Tape.ErrorToken), "#", "maxDepth",
                    $"nesting deeper than {options.MaxDepth} levels"));
            }

            // Most payloads are valid: decide with a verdict-only walk (no evaluation path, first failure stops it),
            // and walk again collecting errors only when it fails.
            if (state.Tape.DuplicateObject < 0 && _root.Evaluate(ref w, 0, Annotations.None))
            {
                return ValidationResult.Valid;
            }

            if (!collect)
            {
                return new ValidationResult(Fallback(), false);
            }

            state.ResetWalk();
            w = new Walker(json, state, options, collect: true);
            var ok = true;
            if (state.Tape.DuplicateObject >= 0)
            {
                ok = false;
                w.Report(state.Tape.DuplicateObject, "duplicateProperty",
                    $"property '{w.String(state.Tape.DuplicateName)}' appears more than once", keywordInPath: false);
            }

            ok &= _root.Evaluate(ref w, 0, Annotations.None);

            return ok ? ValidationResult.Valid : new ValidationResult(w.Errors is null ? Fallback() : w.Errors, w.Truncated);
        }
        finally
        {
            EvaluationState.Return(state);
        }
    }

    /// <summary>A schema location without the base URI given to schemas compiled without one (<c>#/properties/a</c>).</summary>
    internal static string WithoutDefaultBase(string location) =>
        location.StartsWith(DefaultBaseUri + "#", StringComparison.Ordinal) ? location[DefaultBaseUri.Length..] : location;

    private static ValidationError[] Fallback() => [new ValidationError("", "#", "schema", "the payload does not satisfy the schema")];

    private static ValidationResult Single(ValidationError error) => new([error], truncated: false);
}
