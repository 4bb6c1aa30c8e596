using System;
using System.Text;
using ContractKit.Runtime.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>The hot path allocates nothing for valid payloads once the validator and the thread's buffers are warm.</summary>
public sealed class ZeroAllocationTests
{
    private const string Schema = """
    {
      "$defs": {
        "tag": { "type": "string", "minLength": 1, "maxLength": 32, "pattern": "^[a-z][a-z0-9-]*$" },
        "node": { "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/$defs/node" } } } }
      },
      "type": "object",
      "required": ["id", "name", "tags", "created", "count"],
      "properties": {
        "id": { "type": "string", "format": "uuid" },
        "name": { "type": "string", "maxLength": 512 },
        "count": { "type": "integer", "format": "int32", "minimum": 0, "multipleOf": 1 },
        "price": { "type": "number", "exclusiveMaximum": 1000000, "multipleOf": 0.0001 },
        "created": { "type": "string", "format": "date-time" },
        "day": { "type": "string", "format": "date" },
        "email": { "type": "string", "format": "email" },
        "site": { "type": "string", "format": "uri" },
        "blob": { "type": "string", "format": "byte" },
        "status": { "enum": ["open", "closed", { "k": [1, 2] }] },
        "kind": { "const": "thing" },
        "tags": { "type": "array", "items": { "$ref": "#/$defs/tag" }, "uniqueItems": true, "maxItems": 20, "contains": { "const": "a" } },
        "metadata": { "type": "object", "maxProperties": 16, "additionalProperties": { "type": "string", "maxLength": 512 }, "propertyNames": { "pattern": "^[a-z_0-9]+$" } },
        "tree": { "$ref": "#/$defs/node" },
        "choice": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] },
        "either": { "anyOf": [ { "type": "null" }, { "type": "boolean" } ] },
        "cond": { "if": { "type": "string" }, "then": { "minLength": 1 }, "else": { "type": "number" } },
        "escaped\u00e9": { "type": "integer" }
      },
      "allOf": [ { "properties": { "extra": { "type": "boolean" } } } ],
      "unevaluatedProperties": false
    }
    """;

    private const string Payload = """
    {
      "id": "7f9c24e8-3b12-4d5e-9a6b-2c8f1e0d4a3b",
      "name": "caf\u00e9 \"quoted\"",
      "count": 42,
      "price": 0.0075,
      "created": "2024-02-29T23:59:60Z",
      "day": "2024-02-29",
      "email": "someone@example.com",
      "site": "https://example.com/a/b?c=d#e",
      "blob": "aGVsbG8=",
      "status": { "k": [1.0, 2] },
      "kind": "thing",
      "tags": ["a", "b-1", "c"],
      "metadata": { "key1": "v", "key_2": "w" },
      "tree": { "name": "root", "children": [ { "name": "x", "children": [] }, { "name": "y" } ] },
      "choice": 3,
      "either": null,
      "cond": 1.5,
      "escaped\u00e9": 1,
      "extra": true
    }
    """;

    [Fact]
    public void IsValid_OnValidPayload_AllocatesNothingWhenWarm()
    {
        var validator = JsonSchemaValidator.Compile(Schema);
        var payload = Encoding.UTF8.GetBytes(Payload);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(validator.IsValid(payload));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            validator.IsValid(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Validate_OnValidPayload_AllocatesNothingWhenWarm()
    {
        var validator = JsonSchemaValidator.Compile(Schema);
        var payload = Encoding.UTF8.GetBytes(Payload);
        for (var i = 0; i < 20; i++)
        {
            var warm = validator.Validate(payload);
            Assert.True(warm.IsValid, string.Join("\n", warm.Errors));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            validator.Validate(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Validate_OnValidOpenApi30Payload_AllocatesNothingWhenWarm()
    {
        var validator = JsonSchemaValidator.Compile("""
            {
              "type": "object",
              "required": ["id", "pet"],
              "properties": {
                "id": { "type": "integer", "format": "int64", "readOnly": true },
                "secret": { "type": "string", "writeOnly": true },
                "note": { "type": "string", "nullable": true, "maxLength": 10 },
                "pet": { "oneOf": [ { "$ref": "#/definitions/Cat" }, { "$ref": "#/definitions/Dog" } ], "discriminator": { "propertyName": "kind" } }
              },
              "definitions": {
                "Cat": { "type": "object", "properties": { "kind": { "type": "string" }, "lives": { "type": "integer", "maximum": 9 } } },
                "Dog": { "type": "object", "properties": { "kind": { "type": "string" }, "bark": { "type": "boolean" } } }
              }
            }
            """, new SchemaOptions { DefaultDialect = SchemaDialect.Draft4, OpenApi30 = true, OpenApiVocabulary = true });
        var payload = Encoding.UTF8.GetBytes("""{ "id": 1, "note": null, "pet": { "kind": "Cat", "lives": 7 } }""");
        var response = new ValidationOptions { Direction = ValidationDirection.Response };
        for (var i = 0; i < 20; i++)
        {
            var warm = validator.Validate(payload, response);
            Assert.True(warm.IsValid, string.Join("\n", warm.Errors));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            validator.Validate(payload, response);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
