using System.Linq;
using Xunit;
using static ContractKit.Tests.Diff.DiffHarness;

namespace ContractKit.Tests.Diff;

/// <summary>
/// Changes that only rewrite how the contract is written: none is a wire finding. Those that rename a generated type
/// (a component renamed, an inline schema moved) are reported as impact "api" only (see <see cref="ApiImpactTests"/>).
/// </summary>
public sealed class RefactorTests
{
    private const string Thing = "{type: object, required: [a], properties: {a: {type: string, maxLength: 5}, e: {type: string, enum: [x, y]}, n: {type: array, items: {type: integer}}}}";

    [Fact]
    public void InlineSchemaMovedIntoComponents()
    {
        NoWire(Changes(
            Api(request: Thing, response: Thing),
            Api(request: "{$ref: '#/components/schemas/Thing'}", response: "{$ref: '#/components/schemas/Thing'}", schemas: "Thing: " + Thing)));
    }

    [Fact]
    public void ComponentRenamed_AndEnumExtracted()
    {
        NoWire(Changes(
            Api(request: "{$ref: '#/components/schemas/Old'}", response: "{$ref: '#/components/schemas/Old'}", schemas: "Old: " + Thing),
            Api(request: "{$ref: '#/components/schemas/New'}", response: "{$ref: '#/components/schemas/New'}",
                schemas: "New: {type: object, required: [a], properties: {a: {type: string, maxLength: 5}, e: {$ref: '#/components/schemas/E'}, n: {type: array, items: {type: integer}}}}\nE: {type: string, enum: [x, y]}")));
    }

    [Fact]
    public void ReorderedKeysPropertiesAndParameters()
    {
        None(Changes(
            Api(request: Thing, parameters: "- {name: p, in: query, schema: {type: string}}\n- {name: q, in: header, required: true, schema: {type: integer}}"),
            Api(request: "{properties: {n: {items: {type: integer}, type: array}, e: {enum: [x, y], type: string}, a: {maxLength: 5, type: string}}, required: [a], type: object}",
                parameters: "- {in: header, name: q, schema: {type: integer}, required: true}\n- {schema: {type: string}, name: p, in: query}")));
    }

    [Fact]
    public void DefaultParameterStyleWrittenOut() =>
        None(Changes(
            Api(parameters: "- {name: q, in: query, schema: {type: array, items: {type: string}}}\n- {name: h, in: header, schema: {type: string}}"),
            Api(parameters: "- {name: q, in: query, style: form, explode: true, schema: {type: array, items: {type: string}}}\n- {name: h, in: header, style: simple, explode: false, schema: {type: string}}")));

    [Fact]
    public void RenamedPathParameter() => None(Changes(Api(pathParameter: "thread_id"), Api(pathParameter: "id")));

    [Fact]
    public void DescriptionsAndExamplesChanged()
    {
        None(Changes(
            Api(request: "{type: object, description: old, properties: {a: {type: string, description: a, example: one}}}", operationExtras: "summary: before"),
            Api(request: "{type: object, description: new, properties: {a: {type: string, description: b, example: two}}}", operationExtras: "summary: after\n      description: more words")));
    }

    [Fact]
    public void Nullable30_Versus_TypeArray31()
    {
        None(Changes(
            Api(request: "{type: object, properties: {a: {type: string, nullable: true}}}", response: "{type: object, properties: {a: {type: string, nullable: true}}}"),
            Api(version: "3.1.0", request: "{type: object, properties: {a: {type: [string, 'null']}}}", response: "{type: object, properties: {a: {anyOf: [{type: string}, {type: 'null'}]}}}")));
    }

    private static void NoWire(System.Collections.Generic.IReadOnlyList<ContractKit.Reporting.Finding> findings)
    {
        None(findings.Where(f => f.Impact != ContractKit.Diff.DiffRules.Api).ToList());
        Assert.NotEmpty(findings);
    }

    [Fact]
    public void IdenticalSpecs_HaveNoFindings() => None(Changes(Api(request: Thing, response: Thing), Api(request: Thing, response: Thing)));
}
