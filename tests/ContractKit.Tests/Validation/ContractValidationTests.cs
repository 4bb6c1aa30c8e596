using System;
using System.Linq;
using System.Text;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using ContractKit.Validation;
using Xunit;

namespace ContractKit.Tests.Validation;

/// <summary>OpenAPI semantics, end to end: a fixture spec → model → lowering → engine.</summary>
public sealed class ContractValidationTests : IDisposable
{
    private const string Fixture = """
        openapi: 3.0.3
        info: { title: pets, version: '1' }
        paths:
          /users:
            post:
              operationId: createUser
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/User' }
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/User' }
        components:
          schemas:
            User:
              type: object
              required: [id, name, password]
              properties:
                id: { type: string, format: uuid, readOnly: true }
                name: { type: string, minLength: 1 }
                password: { type: string, writeOnly: true }
                nickname: { type: string, nullable: true }
                age: { type: integer, format: int32, minimum: 0, exclusiveMinimum: true }
                born: { type: string, format: date }
            Cat: { type: object, required: [kind, meows], properties: { kind: { type: string }, meows: { type: boolean } } }
            Dog: { type: object, required: [kind, barks], properties: { kind: { type: string }, barks: { type: boolean } } }
            Pet:
              oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
              discriminator: { propertyName: kind, mapping: { doggo: '#/components/schemas/Dog' } }
            Approval: { type: object, required: [type, request_id], properties: { type: { type: string } } }
            Reading: { type: object, properties: { f: { type: number, format: float }, d: { type: number, format: double } } }
        """;

    private readonly TempSpec _spec = new(Fixture);
    private readonly ContractModel _model;
    private readonly ContractSchemas _schemas;

    public ContractValidationTests()
    {
        _model = _spec.BuildModel();
        _schemas = new ContractSchemas(_model);
    }

    public void Dispose() => _spec.Dispose();

    private ValidationResult Body(string json, BodyDirection direction)
    {
        var operation = _model.Operations.Single();
        var validator = _schemas.ForOperation(operation, direction)!;
        var options = new ValidationOptions { Direction = direction == BodyDirection.Request ? ValidationDirection.Request : ValidationDirection.Response };
        return validator.Validate(Encoding.UTF8.GetBytes(json), options);
    }

    private ValidationResult Pet(string json) =>
        _schemas.ForType("#/components/schemas/Pet").Validate(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ReadOnlyProperty_InARequest_IsAnError_AndIsNotRequiredThere()
    {
        Assert.True(Body("""{"name":"ann","password":"pw"}""", BodyDirection.Request).IsValid);

        var withId = Body("""{"id":"0b6a6b1e-2f0e-4c56-9c63-5f1f3f6d2a11","name":"ann","password":"pw"}""", BodyDirection.Request);

        Assert.False(withId.IsValid);
        Assert.Equal("/id", Assert.Single(withId.Errors).InstanceLocation);
    }

    [Fact]
    public void WriteOnlyProperty_InAResponse_IsAnError_AndIsNotRequiredThere()
    {
        Assert.True(Body("""{"id":"0b6a6b1e-2f0e-4c56-9c63-5f1f3f6d2a11","name":"ann"}""", BodyDirection.Response).IsValid);

        var leaked = Body("""{"id":"0b6a6b1e-2f0e-4c56-9c63-5f1f3f6d2a11","name":"ann","password":"pw"}""", BodyDirection.Response);

        Assert.Equal("/password", Assert.Single(leaked.Errors).InstanceLocation);
    }

    [Fact]
    public void Nullable30_AdmitsNull_OnlyWhereDeclared()
    {
        Assert.True(Body("""{"name":"ann","password":"pw","nickname":null}""", BodyDirection.Request).IsValid);
        Assert.Equal("/name", Assert.Single(Body("""{"name":null,"password":"pw"}""", BodyDirection.Request).Errors).InstanceLocation);
    }

    [Theory]
    [InlineData("""{"name":"a","password":"p","age":0}""", "/age")]
    [InlineData("""{"name":"a","password":"p","age":2147483648}""", "/age")]
    [InlineData("""{"name":"a","password":"p","born":"2024-02-30"}""", "/born")]
    [InlineData("""{"name":"","password":"p"}""", "/name")]
    public void BooleanExclusiveMinimum_Formats_AndLengths_AreChecked(string json, string pointer)
    {
        var result = Body(json, BodyDirection.Request);

        Assert.Equal(pointer, Assert.Single(result.Errors).InstanceLocation);
    }

    [Fact]
    public void Discriminator_SelectsTheBranch_AndReportsOnlyItsErrors()
    {
        Assert.True(Pet("""{"kind":"Cat","meows":true}""").IsValid);
        Assert.True(Pet("""{"kind":"doggo","barks":true}""").IsValid);

        var wrongCat = Pet("""{"kind":"Cat","barks":true}""");

        var error = Assert.Single(wrongCat.Errors);
        Assert.Equal("required", error.Keyword);
        Assert.Contains("meows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_UnknownTag_IsOneClearError()
    {
        var result = Pet("""{"kind":"Hamster"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("/kind", error.InstanceLocation);
        Assert.Contains("Hamster", error.Message, StringComparison.Ordinal);
    }

    private ValidationResult Of(string component, string json) =>
        _schemas.ForType("#/components/schemas/" + component).Validate(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void RequiredNameTheSchemaDoesNotDeclare_IsRequiredAllTheSame()
    {
        Assert.True(Of("Approval", """{"type":"approval","request_id":"r1"}""").IsValid);

        var error = Assert.Single(Of("Approval", """{"type":"approval"}""").Errors);

        Assert.Equal(("", "required"), (error.InstanceLocation, error.Keyword));
        Assert.Contains("request_id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"f":1e39}""", "/f")]
    [InlineData("""{"f":-3.5e38}""", "/f")]
    [InlineData("""{"d":1e400}""", "/d")]
    [InlineData("""{"d":-2e308}""", "/d")]
    public void NumberBeyondItsFormatsRange_IsAFormatViolation_AtItsPointer(string json, string pointer)
    {
        var error = Assert.Single(Of("Reading", json).Errors);

        Assert.Equal((pointer, "format"), (error.InstanceLocation, error.Keyword));
    }

    [Theory]
    [InlineData("""{"f":3.4028235E+38,"d":1.7976931348623157E+308}""")]
    [InlineData("""{"f":-3.4028235E+38,"d":1e-400}""")]
    public void FloatAndDoubleLimits_AsDotNetWritesThem_AreInRange(string json) => Assert.True(Of("Reading", json).IsValid);
}
