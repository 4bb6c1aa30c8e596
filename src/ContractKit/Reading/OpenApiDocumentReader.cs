using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using JsonPointer = ContractKit.Runtime.JsonPointer;

namespace ContractKit.Reading;

/// <summary>
/// Hands the JSON tree to Microsoft.OpenApi and turns what it reports into located diagnostics. Reading and its
/// validation rules are two steps (<see cref="Read"/>, then <see cref="OpenApiDocumentRead.Validate"/>), so the
/// rules can run on another core while later stages start on the document; together they report exactly what
/// <see cref="OpenApiJsonReader.Read(JsonNode, Uri, OpenApiReaderSettings)"/> with its default rule set does.
/// </summary>
internal static class OpenApiDocumentReader
{
    private const string DiscriminatorRule = "ValidateSchemaDiscriminator";

    /// <summary>Reads the document without Microsoft.OpenApi's validation rules.</summary>
    /// <param name="path">The file's path, as reported.</param>
    /// <param name="root">Its tree.</param>
    /// <param name="version">Its version.</param>
    /// <param name="source">Locates pointers in it.</param>
    /// <param name="references">
    /// The references checked: called once Microsoft.OpenApi has read the document (locating its findings needs it),
    /// so the check may run meanwhile.
    /// </param>
    /// <param name="strict">Whether the defects the reader tolerates (<see cref="ToleratedDefects"/>) are errors.</param>
    public static OpenApiDocumentRead Read(string path, JsonNode root, string version, SourceMap source, Func<ReferenceChecker> references, bool strict)
    {
        var location = new Uri(Path.GetFullPath(path));
        ReadResult? result = null;
        Exception? failure = null;
        try
        {
            result = new OpenApiJsonReader().Read(root, location, CreateSettings(location, ValidationRuleSet.GetEmptyRuleSet()));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Microsoft.OpenApi throws (rather than reports) on some malformed shapes.
            failure = ex;
        }

        var checkedReferences = references();
        var mapper = new Mapper(path, root, version, source, checkedReferences, strict);
        return failure is null
            ? new OpenApiDocumentRead(result!.Document, result.Diagnostic, failure: null, mapper)
            : new OpenApiDocumentRead(document: null, reported: null, mapper.CouldNotRead(failure), mapper);
    }

    private static OpenApiReaderSettings CreateSettings(Uri location, ValidationRuleSet rules)
    {
        var settings = new OpenApiReaderSettings { BaseUrl = location, RuleSet = rules };
        settings.TryAddReader("yaml", YamlOpenApiReader.Instance);
        settings.TryAddReader("yml", YamlOpenApiReader.Instance);
        return settings;
    }

    /// <summary>Locates Microsoft.OpenApi's findings in the file and turns them into diagnostics.</summary>
    internal sealed class Mapper(string path, JsonNode root, string version, SourceMap source, ReferenceChecker references, bool strict)
    {
        private readonly bool _isSwagger2 = version.is2_0();

        /// <summary>How many times each unknown key was met in each list of objects, to place each finding on its own item.</summary>
        private readonly Dictionary<(string Parent, string Key), int> _occurrences = [];

        /// <summary>Errors first, then warnings, each in the order reported: the order the diagnostics had when both came from one read.</summary>
        public List<Diagnostic> Map(IEnumerable<OpenApiError> errors, IEnumerable<OpenApiError> warnings)
        {
            var diagnostics = new List<Diagnostic>();
            Map(errors, DiagnosticIds.OpenApiError, DiagnosticSeverity.Error, diagnostics);
            Map(warnings, DiagnosticIds.OpenApiWarning, DiagnosticSeverity.Warning, diagnostics);
            return diagnostics;
        }

        /// <summary>Microsoft.OpenApi threw (rather than reported) on some malformed shape, reading or validating.</summary>
        public Diagnostic CouldNotRead(Exception ex) => new(
            DiagnosticIds.OpenApiError,
            DiagnosticSeverity.Error,
            $"Microsoft.OpenApi could not read the document: {ex.Message}",
            source.Locate("#") ?? new SourceLocation(path, 1, 1));

        private void Map(IEnumerable<OpenApiError> errors, string id, DiagnosticSeverity severity, List<Diagnostic> diagnostics)
        {
            foreach (var error in errors)
            {
                var defect = ToleratedDefects.Classify(error, version);
                var location = Locate(error, defect);
                if (IsUnresolvedReference(error, location))
                {
                    continue; // Already reported as CK1007, at the $ref.
                }

                if (defect is { } tolerated)
                {
                    diagnostics.Add(new Diagnostic(tolerated.Id, ToleratedDefects.Severity(strict), tolerated.Message, location));
                }
                else if (error is OpenApiValidatorError { RuleName: DiscriminatorRule })
                {
                    diagnostics.Add(Discriminator(error, location));
                }
                else
                {
                    diagnostics.Add(new Diagnostic(id, severity, error.Message, location));
                }
            }
        }

        /// <summary>
        /// Where a finding is: its pointer, or the one its message names (Microsoft.OpenApi leaves the pointer empty
        /// for some reading errors); an unknown key is located at the key itself.
        /// </summary>
        private SourceLocation Locate(OpenApiError error, ToleratedDefects.Defect? defect)
        {
            var pointer = defect?.Pointer ?? (string.IsNullOrEmpty(error.Pointer) ? ToleratedDefects.PointerInMessage(error.Message) : error.Pointer);
            if (pointer is not null && defect?.Key is { } key)
            {
                var parent = InFile(pointer);
                _occurrences.TryGetValue((parent, key), out var seen);
                _occurrences[(parent, key)] = seen + 1;
                pointer = ToleratedDefects.KeyPointer(root, parent, key, seen);
            }

            return (pointer is not null ? source.Locate(InFile(pointer)) : null)
                ?? source.Locate("#")
                ?? new SourceLocation(path, 1, 1);
        }

        /// <summary>For 2.0 documents Microsoft.OpenApi reports pointers in the 3.x shape it converted them to.</summary>
        private string InFile(string pointer) => _isSwagger2 ? Swagger2Pointers.ToFile(pointer) : pointer;

        /// <summary>
        /// Microsoft.OpenApi warns about references it cannot resolve too. Its message names the reference as it
        /// rewrote it (2.0 "#/definitions/X" becomes "#/components/schemas/X"), so match on place as well as text.
        /// </summary>
        private bool IsUnresolvedReference(OpenApiError error, SourceLocation location) =>
            references.UnresolvedReferences.Any(r => error.Message.Contains($"'{r}'", StringComparison.Ordinal)) ||
            (error.Message.Contains("reference", StringComparison.OrdinalIgnoreCase) &&
             references.Problems.Any(p => p.Location is { } at && at.Line == location.Line && at.Column == location.Column));

        /// <summary>
        /// Microsoft.OpenApi's ValidateSchemaDiscriminator rule reports an error when the discriminator property is
        /// not in the schema's <c>required</c> list (nor in its oneOf/anyOf/allOf members' properties). The OpenAI
        /// spec, in wide use and otherwise clean, trips it twice (openapi.yaml lines 32,119 and 77,215): a
        /// discriminator written on an array schema beside the one on its oneOf items. OpenAPI 3.0 says a
        /// discriminator is legal only with oneOf/anyOf/allOf, so there it is inert; and the Discriminator Object of
        /// OpenAPI 3.1.1 says the property SHOULD (not MUST) be required. Neither makes the document unreadable or
        /// changes what it means, so this rule's findings are warnings here, not dropped.
        /// </summary>
        private Diagnostic Discriminator(OpenApiError error, SourceLocation location)
        {
            var schema = error.Pointer is { } pointer && JsonPointer.TryParse(InFile(pointer), out var segments) && segments.Length > 0 && segments[^1] == "discriminator"
                ? ToleratedDefects.Find(root, segments[..^1]) as JsonObject
                : null;
            var isInert = schema is not null && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf") && !schema.ContainsKey("allOf");
            var message = isInert
                ? "This discriminator has no effect: a discriminator applies only to a schema with oneOf, anyOf or allOf."
                : error.Message;
            return new Diagnostic(DiagnosticIds.OpenApiWarning, DiagnosticSeverity.Warning, message, location);
        }
    }
}
