using System.Collections.Generic;
using System.Linq;
using ContractKit.Diagnostics;

namespace ContractKit.Tests.Reading;

/// <summary>
/// One small spec per defect kind the reader tolerates (docs/reader-findings.md), each with the one finding it must
/// give and where: the defects of published vendor specs, written here from scratch.
/// </summary>
internal static class ToleratedDefectFixtures
{
    public sealed record Fixture(string Name, string Yaml, string Id, int Line, int Column);

    private const string Head = """
        openapi: 3.0.3
        info: {title: T, version: "1"}

        """;

    public static readonly Fixture ExtensionWithoutXPrefix = new(nameof(ExtensionWithoutXPrefix), Head + """
        paths:
          /engines:
            get:
              operationId: listEngines
              oaiMeta:
                name: List engines
              responses:
                "200":
                  description: ok
        """, DiagnosticIds.UnknownField, 7, 7);

    public static readonly Fixture RefWithoutDollar = new(nameof(RefWithoutDollar), Head + """
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        ref: '#/components/schemas/A'
        components:
          schemas:
            A: {type: object, properties: {x: {type: string}}}
        """, DiagnosticIds.UnknownField, 13, 17);

    public static readonly Fixture PropertyNamesIn30 = new(nameof(PropertyNamesIn30), Head + """
        paths: {}
        components:
          schemas:
            Labels:
              type: object
              propertyNames: {pattern: '^[a-z]+$'}
              additionalProperties: {type: string}
        """, DiagnosticIds.UnknownField, 8, 7);

    public static readonly Fixture RecursiveRefIn30 = new(nameof(RecursiveRefIn30), Head + """
        paths: {}
        components:
          schemas:
            Node:
              type: object
              properties:
                name: {type: string}
                children:
                  type: array
                  $recursiveRef: '#'
        """, DiagnosticIds.UnknownField, 12, 11);

    public static readonly Fixture OptionalTrue = new(nameof(OptionalTrue), Head + """
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                x: {type: string, optional: true}
        """, DiagnosticIds.UnknownField, 9, 27);

    public static readonly Fixture TypeAmongParameters = new(nameof(TypeAmongParameters), Head + """
        paths:
          /a:
            get:
              operationId: getA
              parameters:
                - name: limit
                  in: query
                  schema: {type: integer}
                - name: order
                  in: query
                  type: string
              responses:
                "200":
                  description: ok
        """, DiagnosticIds.UnknownField, 13, 11);

    public static readonly Fixture SchemaNotAMap = new(nameof(SchemaNotAMap), Head + """
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: string
        """, DiagnosticIds.MalformedNode, 12, 15);

    public static readonly Fixture TemplateNameWithoutParameter = new(nameof(TemplateNameWithoutParameter), Head + """
        paths:
          /a/{id}:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
        """, DiagnosticIds.PathParameterMismatch, 5, 5);

    public static readonly Fixture PathParameterNotInTemplate = new(nameof(PathParameterNotInTemplate), Head + """
        paths:
          /b:
            get:
              operationId: getB
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: ok
        """, DiagnosticIds.PathParameterMismatch, 8, 22);

    public static readonly Fixture NoResponses = new(nameof(NoResponses), Head + """
        paths:
          /a:
            get:
              operationId: getA
              responses: {}
        """, DiagnosticIds.NoResponses, 7, 7);

    public static readonly IReadOnlyList<Fixture> All =
    [
        ExtensionWithoutXPrefix, RefWithoutDollar, PropertyNamesIn30, RecursiveRefIn30, OptionalTrue, TypeAmongParameters,
        SchemaNotAMap, TemplateNameWithoutParameter, PathParameterNotInTemplate, NoResponses,
    ];

    public static Fixture Named(string name) => All.Single(f => f.Name == name);

    public static IEnumerable<object[]> Names => All.Select(f => new object[] { f.Name });
}
