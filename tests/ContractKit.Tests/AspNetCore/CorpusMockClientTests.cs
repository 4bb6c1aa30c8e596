using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.AspNetCore.Mock;
using ContractKit.CodeGen;
using ContractKit.Model;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.CodeGen;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ContractKit.Tests.AspNetCore;

/// <summary>
/// The compiled OpenAI client (per-tag clients, the shared <see cref="CompiledCorpus"/> compile) against
/// <c>contractkit mock</c> serving the same spec: every thread, message, file and chat operation whose request body is
/// JSON (or absent) is called through its generated method, with the client's own request validation and response
/// validation set to throw; each returns a typed result, and the mock accepts every request and checks every response.
/// </summary>
[Collection(CompiledCorpusCollection.Name)]
public sealed class CorpusMockClientTests(CompiledCorpus corpus, ITestOutputHelper output)
{
    private static readonly string[] Areas = ["/threads", "/files", "/chat/"];

    [CorpusFact]
    public async Task OpenAi_ThreadMessageFileAndChatOperations_ThroughTheCompiledClient_ReturnTypedResults_NoViolations()
    {
        var spec = corpus.Get(CompiledSpec.WholeOpenAi);
        var contract = new ServedContract(spec.Model);
        var log = new LogSink();
        var app = ContractMockServer.Build(new MockServerOptions { Contract = contract, Port = 0, ConfigureLogging = l => l.AddProvider(log) });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient();
            var baseAddress = new Uri(ContractMockServer.Address(app), "v1");
            var synthesizer = new ExampleSynthesizer(id => spec.Model.Types.FirstOrDefault(t => t.Id == id), ValidationDirection.Request);
            var operations = spec.Model.Operations.Where(o => Areas.Any(a => o.Path.StartsWith(a, StringComparison.Ordinal)) && HasJsonOrNoBody(o)).ToList();
            var failures = new List<string>();
            foreach (var operation in operations)
            {
                try
                {
                    var result = await CallAsync(spec, http, baseAddress, operation, synthesizer);
                    if (result is null)
                    {
                        failures.Add($"{operation.OperationId}: no result");
                    }
                    else if (result.GetType().Assembly == spec.Assembly && ContractValidation.GetViolation(result) is { } violation)
                    {
                        failures.Add($"{operation.OperationId}: {violation.Describe()}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{operation.OperationId}: {(e is TargetInvocationException { InnerException: { } inner } ? inner : e).GetType().Name}: {(e.InnerException ?? e).Message}");
                }
            }

            output.WriteLine($"{operations.Count} operations called through the compiled client");
            Assert.True(operations.Count >= 20, $"only {operations.Count} operations");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Empty(log.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message));
            Assert.Equal(operations.Count, await log.ValidLinesAsync(operations.Count));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static bool HasJsonOrNoBody(Operation operation) =>
        operation.RequestBody is not { Content.Count: > 0 } body || MediaTypes.IsJson(body.Content[0].MediaType);

    /// <summary>Calls the operation's generated method on its tag client; returns what its task returned (or "void").</summary>
    private static async Task<object?> CallAsync(CompiledSpec spec, HttpClient http, Uri baseAddress, Operation operation, ExampleSynthesizer synthesizer)
    {
        var name = CSharpNamingPublic.Pascal(operation.OperationId) + "Async";
        var (clientType, method) = spec.Assembly.GetTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == name).Select(m => (t, m)))
            .OrderBy(p => p.m.GetParameters().Length)
            .First();
        var constructor = clientType.GetConstructors().First(c => c.GetParameters().Length >= 2);
        var options = Activator.CreateInstance(constructor.GetParameters()[1].ParameterType)!;
        var optionsType = options.GetType();
        optionsType.GetProperty("BaseAddress")!.SetValue(options, baseAddress);
        foreach (var token in optionsType.GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Token", StringComparison.Ordinal)))
        {
            token.SetValue(options, "sk-test"); // BearerToken, or one per scheme (ApiKeyAuthToken, AdminApiKeyAuthToken)
        }

        optionsType.GetProperty("RequestValidation")!.SetValue(options, ContractValidationMode.Throw);
        optionsType.GetProperty("ResponseValidation")!.SetValue(options, ContractValidationMode.Throw);
        var client = constructor.Invoke([http, options, .. constructor.GetParameters().Skip(2).Select(_ => (object?)null)]);
        var arguments = method.GetParameters().Select(p => Argument(spec, operation, p, synthesizer)).ToArray();
        var task = (Task)method.Invoke(client, arguments)!;
        await task;
        return task.GetType().GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult" ? result.GetValue(task) : "void";
    }

    /// <summary>A value for one parameter of the generated method: the contract's required parameters and the body, synthesized; optional ones left out.</summary>
    private static object? Argument(CompiledSpec spec, Operation operation, ParameterInfo parameter, ExampleSynthesizer synthesizer)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        var declared = operation.Parameters.FirstOrDefault(p => p.Required && string.Equals(CSharpSyntax.Camel(p.Name), parameter.Name, StringComparison.Ordinal));
        if (declared is not null)
        {
            return JsonSerializer.Deserialize(synthesizer.Synthesize(declared.Type)!.ToJsonString(), parameter.ParameterType, spec.JsonOptions);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        var media = operation.RequestBody!.Content[0];
        var json = media.Examples.Count > 0 ? media.Examples[0] : synthesizer.Synthesize(media.Schema!)!.ToJsonString();
        return JsonSerializer.Deserialize(json, parameter.ParameterType, spec.JsonOptions);
    }
}
