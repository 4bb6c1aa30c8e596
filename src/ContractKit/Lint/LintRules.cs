using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>A lint rule as users see it: a stable id (never renumbered), a readable name, a default level.</summary>
public sealed record LintRuleInfo(string Id, string Name, FindingLevel DefaultLevel, string Summary);

/// <summary>
/// The catalogue of <c>contractkit lint</c> rules. Ids are <c>CK4xxx</c>; problems the reader finds keep their
/// own <c>CK1xxx</c> ids and are surfaced as findings too.
/// </summary>
public static class LintRules
{
    /// <summary>An <c>example</c>/<c>examples</c> value does not validate against its schema.</summary>
    public static readonly LintRuleInfo InvalidExample = new("CK4001", "invalid-example", FindingLevel.Error, "An example does not validate against its schema.");

    /// <summary>A <c>default</c> value does not validate against its schema.</summary>
    public static readonly LintRuleInfo InvalidDefault = new("CK4002", "invalid-default", FindingLevel.Error, "A default does not validate against its schema.");

    /// <summary>A component nothing reachable from the paths refers to.</summary>
    public static readonly LintRuleInfo UnusedComponent = new("CK4003", "unused-component", FindingLevel.Warning, "A component is never referenced from the API's paths or webhooks.");

    /// <summary>Two operations share an <c>operationId</c>.</summary>
    public static readonly LintRuleInfo DuplicateOperationId = new("CK4004", "duplicate-operation-id", FindingLevel.Error, "operationId is not unique.");

    /// <summary>An operation has no <c>operationId</c>.</summary>
    public static readonly LintRuleInfo MissingOperationId = new("CK4005", "missing-operation-id", FindingLevel.Info, "An operation has no operationId.");

    /// <summary>A <c>{name}</c> of the path template has no <c>in: path</c> parameter.</summary>
    public static readonly LintRuleInfo UndeclaredPathParameter = new("CK4006", "undeclared-path-parameter", FindingLevel.Error, "A path template variable is not declared as an in: path parameter.");

    /// <summary>An <c>in: path</c> parameter does not appear in the path template.</summary>
    public static readonly LintRuleInfo UnusedPathParameter = new("CK4007", "unused-path-parameter", FindingLevel.Error, "An in: path parameter is not in the path template.");

    /// <summary>An <c>in: path</c> parameter is not <c>required: true</c>.</summary>
    public static readonly LintRuleInfo OptionalPathParameter = new("CK4008", "optional-path-parameter", FindingLevel.Error, "A path parameter must be required.");

    /// <summary>A discriminator's property is not declared in a branch.</summary>
    public static readonly LintRuleInfo DiscriminatorPropertyMissing = new("CK4009", "discriminator-property-missing", FindingLevel.Error, "The discriminator property is not declared in every branch.");

    /// <summary>A discriminator's property is declared but not required in a branch.</summary>
    public static readonly LintRuleInfo DiscriminatorPropertyOptional = new("CK4010", "discriminator-property-optional", FindingLevel.Warning, "The discriminator property is not required in every branch.");

    /// <summary><c>required</c> names a property the schema does not declare.</summary>
    public static readonly LintRuleInfo RequiredUndeclared = new("CK4011", "required-undeclared", FindingLevel.Error, "required names a property that is not declared.");

    /// <summary>A <c>servers</c> URL is not absolute.</summary>
    public static readonly LintRuleInfo ServerUrlNotAbsolute = new("CK4012", "server-url-not-absolute", FindingLevel.Warning, "A server URL is not an absolute http(s) URL.");

    /// <summary>An <c>enum</c> lists the same value twice.</summary>
    public static readonly LintRuleInfo DuplicateEnumValue = new("CK4013", "duplicate-enum-value", FindingLevel.Warning, "An enum lists a value more than once.");

    /// <summary>A lower bound above its upper bound (<c>minLength &gt; maxLength</c>, ...): no value can be valid.</summary>
    public static readonly LintRuleInfo InvertedBounds = new("CK4014", "inverted-bounds", FindingLevel.Error, "A minimum is greater than its maximum.");

    /// <summary><c>required</c> on a schema whose <c>type</c> rules out objects (often meant for its <c>items</c>): it checks nothing.</summary>
    public static readonly LintRuleInfo RequiredOnNonObject = new("CK4015", "required-on-non-object", FindingLevel.Warning, "required is written on a schema that cannot be an object, so it has no effect.");

    /// <summary>3.0 schema syntax (<c>nullable</c>, boolean exclusive bounds) in a 3.1 document, where JSON Schema 2020-12 reads it differently.</summary>
    public static readonly LintRuleInfo OpenApi30SyntaxIn31 = new("CK4016", "openapi-30-syntax-in-31", FindingLevel.Warning, "A 3.1 schema uses 3.0 syntax (nullable, boolean exclusiveMinimum/exclusiveMaximum) that JSON Schema 2020-12 reads differently.");

    /// <summary>A path key with a query string: the path template cannot match it.</summary>
    public static readonly LintRuleInfo PathQueryString = new("CK4017", "path-query-string", FindingLevel.Warning, "A path contains a query string; it belongs in an in: query parameter.");

    /// <summary>A keyword beside a <c>$ref</c> in a 2.0/3.0 schema, where a Reference Object's siblings are ignored.</summary>
    public static readonly LintRuleInfo RefSiblingIgnored = new("CK4018", "ref-sibling-ignored", FindingLevel.Warning, "A keyword beside $ref is ignored in OpenAPI 2.0/3.0; wrap the $ref in allOf to apply it.");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<LintRuleInfo> All { get; } =
    [
        InvalidExample, InvalidDefault, UnusedComponent, DuplicateOperationId, MissingOperationId, UndeclaredPathParameter,
        UnusedPathParameter, OptionalPathParameter, DiscriminatorPropertyMissing, DiscriminatorPropertyOptional,
        RequiredUndeclared, ServerUrlNotAbsolute, DuplicateEnumValue, InvertedBounds, RequiredOnNonObject,
        OpenApi30SyntaxIn31, PathQueryString, RefSiblingIgnored,
    ];

    /// <summary>A rule by id (<c>CK4003</c>) or name (<c>unused-component</c>), case-insensitive; null when unknown.</summary>
    public static LintRuleInfo? Find(string idOrName) =>
        All.FirstOrDefault(r => r.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
