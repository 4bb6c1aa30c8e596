using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.AspNetCore.Mock;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

/// <summary>
/// <c>contractkit mock</c> over the whole OpenAI spec: every thread, message, file and chat operation, called with a
/// request built from the contract, is accepted and answered with a response that passes the mock's own check.
/// </summary>
public sealed class CorpusMockTests
{
    private static readonly string[] Areas = ["/threads", "/files", "/chat/"];

    [CorpusFact]
    public async Task OpenAi_ThreadMessageFileAndChatOperations_AreServedAndKeepTheContract()
    {
        var contract = ServedContract.Load(Corpus.PathOf("openai", "openapi.yaml"));
        var log = new LogSink();
        var app = ContractMockServer.Build(new MockServerOptions { Contract = contract, Port = 0, ConfigureLogging = l => l.AddProvider(log) });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = ContractMockServer.Address(app) };
            var operations = contract.Model.Operations.Where(o => Areas.Any(a => o.Path.StartsWith(a, StringComparison.Ordinal))).ToList();
            var failures = new List<string>();
            foreach (var operation in operations)
            {
                using var response = await http.SendAsync(RequestFor(contract, operation));
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{operation.Method} {operation.Path} ({operation.OperationId}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }

            var warnings = log.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();
            Assert.True(operations.Count >= 25, $"only {operations.Count} operations");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));
            Assert.Equal(operations.Count, await log.ValidLinesAsync(operations.Count));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A request that keeps the contract: path and required query parameters, the body's example or a synthesized one.</summary>
    private static HttpRequestMessage RequestFor(ServedContract contract, Operation operation)
    {
        var synthesizer = new ExampleSynthesizer(id => contract.Model.Types.FirstOrDefault(t => t.Id == id), ValidationDirection.Request);
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.Required))
        {
            var value = synthesizer.Synthesize(parameter.Type) is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : synthesizer.Synthesize(parameter.Type)?.ToJsonString() ?? "x";
            if (parameter.In == ParameterLocation.Path)
            {
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (parameter.In == ParameterLocation.Query)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/v1" + path + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
        if (operation.RequestBody?.Content is { Count: > 0 } content)
        {
            var media = content[0];
            request.Content = MediaTypes.IsJson(media.MediaType)
                ? new StringContent(media.Examples.Count > 0 ? media.Examples[0] : media.Schema is { } schema ? synthesizer.Synthesize(schema)!.ToJsonString() : "{}", Encoding.UTF8, "application/json")
                : media.MediaType.StartsWith("multipart/", StringComparison.Ordinal)
                    ? new MultipartFormDataContent { { new StringContent("assistants"), "purpose" }, { new ByteArrayContent(Encoding.UTF8.GetBytes("hello")), "file", "a.txt" } }
                    : new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue(media.MediaType) } };
        }

        return request;
    }
}
