using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractKit.Reading;

/// <summary>
/// Microsoft.OpenApi's reading of one document before its validation rules have run: the document and what reading
/// itself reported. <see cref="Validate"/> runs the rules and completes the reading.
/// </summary>
internal sealed class OpenApiDocumentRead
{
    private readonly List<Diagnostic> _readErrors;
    private readonly List<Diagnostic> _readWarnings;
    private readonly OpenApiDocumentReader.Mapper _mapper;

    /// <param name="document">The document, or <see langword="null"/> when reading threw.</param>
    /// <param name="reported">What reading reported.</param>
    /// <param name="failure">The error for what reading threw.</param>
    /// <param name="mapper">Locates the findings.</param>
    internal OpenApiDocumentRead(
        OpenApiDocument? document, OpenApiDiagnostic? reported, Diagnostic? failure, OpenApiDocumentReader.Mapper mapper)
    {
        Document = document;
        _readErrors = failure is not null ? [failure] : reported is null ? [] : mapper.Map(reported.Errors, []);
        _readWarnings = failure is null && reported is not null ? mapper.Map([], reported.Warnings) : [];
        _mapper = mapper;
        Diagnostics = [.. _readErrors, .. _readWarnings];
    }

    /// <summary>The document; <see langword="null"/> when Microsoft.OpenApi threw while reading it.</summary>
    public OpenApiDocument? Document { get; }

    /// <summary>What reading reported (CK1005, CK1006), before the validation rules' findings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Runs Microsoft.OpenApi's default validation rules: the diagnostics, in their order, of one
    /// <see cref="OpenApiJsonReader.Read(System.Text.Json.Nodes.JsonNode, Uri, OpenApiReaderSettings)"/> with the default rule set.
    /// </summary>
    /// <returns>
    /// The document and every Microsoft.OpenApi diagnostic; no document and one error when a rule threw, as the
    /// reader itself then throws.
    /// </returns>
    public (OpenApiDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Validate()
    {
        if (Document is not { } document)
        {
            return (null, Diagnostics);
        }

        List<OpenApiError> findings;
        try
        {
            findings = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, [_mapper.CouldNotRead(ex)]);
        }

        // The reader sorts the rules' findings by type, errors after its own errors and warnings after its own warnings.
        IReadOnlyList<Diagnostic> diagnostics =
        [
            .. _readErrors,
            .. _mapper.Map(findings.OfType<OpenApiValidatorError>(), []),
            .. _readWarnings,
            .. _mapper.Map([], findings.OfType<OpenApiValidatorWarning>()),
        ];
        return (document, diagnostics);
    }
}
