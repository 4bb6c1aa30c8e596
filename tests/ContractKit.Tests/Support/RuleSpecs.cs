using System;

namespace ContractKit.Tests.Support;

/// <summary>A small valid spec, and variants that Microsoft.OpenApi's validation rules (not its reading) object to or warn about.</summary>
internal static class RuleSpecs
{
    public const string Valid = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Item' }
        components:
          schemas:
            Item: { type: object, properties: { id: { type: string } } }
        """;

    /// <summary>Only a rule objects, to a component name (line 16 is its key; reported at <c>components</c>, line 13).</summary>
    public const string RuleError = Valid + "\n    Bad Name: { type: string }\n";

    /// <summary>Only a rule warns, about a discriminator on an array schema (line 12): generation goes on.</summary>
    public static readonly string RuleWarning = Valid.Replace(
        "schema: { $ref: '#/components/schemas/Item' }",
        "schema: { type: array, discriminator: { propertyName: id }, items: { $ref: '#/components/schemas/Item' } }",
        StringComparison.Ordinal);

    /// <summary>Both of the above.</summary>
    public static readonly string RuleWarningAndError = RuleWarning + "\n    Bad Name: { type: string }\n";

    /// <summary>Reading itself fails (an unresolved reference), before any rule runs.</summary>
    public static readonly string ReadingError = Valid.Replace("#/components/schemas/Item'", "#/components/schemas/Nowhere'", StringComparison.Ordinal);

    /// <summary>Rule errors located at the document root, so sorting keeps the order they were found in, and two unknown keys the reader tolerates.</summary>
    public const string RootProblems = """
        openapi: 3.0.3
        bogus: 1
        paths:
          items:
            get:
              responses:
                "200": {description: ok}
        """;
}
