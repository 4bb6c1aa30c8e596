using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Pipeline;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// A spec whose <c>pattern</c> is not a regular expression (<c>validate</c> and <c>lint</c> report it, CK2004) still
/// gives a client that works: its embedded schema compiles, and the pattern rejects the strings it sees with the
/// reason, as a contract violation (thrown for requests, reported for responses), never an exception from the schema
/// compiler in the caller's code.
/// </summary>
public sealed class InvalidPatternClientTests : IDisposable
{
    /// <summary>One operation whose request and response bodies hold a string under a pattern that does not compile.</summary>
    internal const string Spec = """
        openapi: 3.0.3
        info: {title: P, version: '1'}
        servers: [{url: 'https://api.test/v1'}]
        paths:
          /codes:
            post:
              operationId: sendCode
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Code'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Code'}
        components:
          schemas:
            Code:
              type: object
              properties:
                value: {type: string, pattern: '(['}
        """;

    private readonly TempSpec _spec = new(Spec);
    private readonly AssemblyLoadContext _context = new("invalid-pattern", isCollectible: true);

    public void Dispose()
    {
        _context.Unload();
        _spec.Dispose();
    }

    private async Task<Assembly> CompileAsync()
    {
        var (files, diagnostics, exitCode) = await GenerationPipeline.EmitAsync(_spec.Target());
        Assert.True(exitCode == 0, string.Join("\n", diagnostics));
        var compiled = CSharpCompiler.CompileAssembly(files, "InvalidPattern");
        Assert.True(compiled.Image is not null, string.Join("\n", compiled.Problems));
        return _context.LoadFromStream(new MemoryStream(compiled.Image));
    }

    /// <summary>Calls <c>SendCodeAsync</c> with <c>{"value": value}</c> (no value: <c>{}</c>) against a server answering <paramref name="reply"/>.</summary>
    private async Task<object> SendCodeAsync(string? value, string reply, ContractValidationMode requestValidation, List<ContractViolation> reported)
    {
        var assembly = await CompileAsync();
        var optionsType = assembly.GetType("Test.Generated.TestClientOptions")!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("RequestValidation")!.SetValue(options, requestValidation);
        optionsType.GetProperty("OnContractViolation")!.SetValue(options, (Action<ContractViolation>)reported.Add);
        var http = new HttpClient(new CannedHandler(HttpStatusCode.OK, "application/json", () => new MemoryStream(Encoding.UTF8.GetBytes(reply))));
        var clientType = assembly.GetType("Test.Generated.TestClient")!;
        var client = Activator.CreateInstance(clientType, http, options, null)!;
        var code = Activator.CreateInstance(assembly.GetType("Test.Generated.Code")!)!;
        code.GetType().GetProperty("Value")!.SetValue(code, value);
        var task = (Task)clientType.GetMethod("SendCodeAsync")!.Invoke(client, [code, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    [Fact]
    public async Task RequestWithAStringThePatternCannotCheck_IsAContractViolation_NamingThePattern()
    {
        var error = await Assert.ThrowsAsync<ContractValidationException>(() => SendCodeAsync("abc", "{}", ContractValidationMode.Throw, []));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("/value", "pattern"), (only.InstanceLocation, only.Keyword));
        Assert.Contains("the schema's pattern '([' (at urn:contractkit:Test.Generated.TestClient#/$defs/Code/properties/value/pattern) is not a valid regular expression", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseWithSuchAString_IsReported_AndReturned()
    {
        var reported = new List<ContractViolation>();

        var code = await SendCodeAsync(null, """{"value": "x"}""", ContractValidationMode.Throw, reported);

        Assert.Equal("x", code.GetType().GetProperty("Value")!.GetValue(code));
        var violation = Assert.Single(reported);
        Assert.Equal(ContractKit.Runtime.Validation.ValidationDirection.Response, violation.Direction);
        Assert.Contains("is not a valid regular expression", Assert.Single(violation.Errors).Message, StringComparison.Ordinal);
    }
}
