using System;
using System.Linq;
using ContractKit.Diff;
using ContractKit.Pipeline;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Diff;

/// <summary>
/// Cycle audit (issue #15): recursive schemas — through properties, items, additionalProperties, allOf, a union
/// containing itself, and cycles across components — are compared once per pair (no stack overflow, no hang), and a
/// change deep inside the recursion is still found; lint walks them too.
/// </summary>
public sealed class RecursiveSchemaDiffTests
{
    private static string Schemas(string leaf) => $$$"""
        Node:
          type: object
          properties:
            value: {type: {{{leaf}}}}
            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            byName: {type: object, additionalProperties: {$ref: '#/components/schemas/Node'}}
            parent: {allOf: [{$ref: '#/components/schemas/Node'}]}
            other: {$ref: '#/components/schemas/Other'}
            either: {$ref: '#/components/schemas/Either'}
        Other:
          type: object
          properties:
            back: {$ref: '#/components/schemas/Node'}
        Either:
          oneOf: [{$ref: '#/components/schemas/Either'}, {$ref: '#/components/schemas/Node'}, {type: string}]
        """;

    [Fact]
    public void ChangeInsideARecursiveSchema_IsFoundOnce_WithoutEndlessRecursion()
    {
        var before = DiffHarness.Api(response: "{$ref: '#/components/schemas/Node'}", schemas: Schemas("string"));
        var after = DiffHarness.Api(response: "{$ref: '#/components/schemas/Node'}", schemas: Schemas("integer"));

        var findings = DiffHarness.Changes(before, after);

        var change = DiffHarness.Single(findings, DiffRules.ResponseTypeChanged);
        Assert.Contains("type changed from string to integer", change.Message, StringComparison.Ordinal);
        DiffHarness.None(DiffHarness.Changes(after, after));
    }

    [Fact]
    public void RecursiveSchemas_AreLinted()
    {
        using var files = new TempFiles();
        var path = files.Write("spec.yaml", DiffHarness.Api(response: "{$ref: '#/components/schemas/Node'}", schemas: Schemas("string")));

        var result = LintPipeline.Lint(ContractLoader.Load(path).Read);

        Assert.DoesNotContain(result.Findings, f => f.Level == ContractKit.Reporting.FindingLevel.Error);
    }
}
