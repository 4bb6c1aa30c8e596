using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>The generated client checks bodies against the contract, both ways, against a real loopback server.</summary>
public sealed class ThreadsClientValidationTests : IAsyncLifetime
{
    private const string ValidThread = """{"id":"thread_abc123","object":"thread","created_at":1699014083,"metadata":{"user":"abc123"},"tool_resources":{}}""";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private readonly List<ContractViolation> _reported = [];

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ThreadsClient Client(Action<ThreadsClientOptions>? configure = null)
    {
        var options = new ThreadsClientOptions { BaseAddress = new Uri(_server.Address, "/v1"), OnContractViolation = _reported.Add };
        configure?.Invoke(options);
        return new ThreadsClient(_http, options);
    }

    private static Dictionary<string, string> Metadata(int pairs, int keyLength = 4, int valueLength = 4) =>
        Enumerable.Range(0, pairs).ToDictionary(i => i.ToString("D" + keyLength, System.Globalization.CultureInfo.InvariantCulture), _ => new string('v', valueLength));

    [Fact]
    public async Task RequestBreakingTheContract_ThrowsBeforeAnythingIsSent()
    {
        var body = new ModifyThreadRequest { Metadata = Metadata(17) };

        var error = await Assert.ThrowsAsync<ContractValidationException>(() => Client().ModifyThreadAsync("t", body));

        Assert.Empty(_server.Requests);
        var only = Assert.Single(error.Errors);
        Assert.Equal("/metadata", only.InstanceLocation);
        Assert.Equal(ValidationDirection.Request, error.Violation.Direction);
        Assert.Contains("16", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, 64, 512, true)]
    [InlineData(1, 65, 1, false)]
    [InlineData(1, 1, 513, false)]
    public async Task MetadataLimits_AreEnforcedOnRequests(int pairs, int keyLength, int valueLength, bool accepted)
    {
        _server.Respond = _ => (200, "application/json", ValidThread);
        var body = new ModifyThreadRequest { Metadata = Metadata(pairs, keyLength, valueLength) };

        var call = Client().ModifyThreadAsync("t", body);

        if (accepted)
        {
            await call;
            Assert.Single(_server.Requests);
        }
        else
        {
            await Assert.ThrowsAsync<ContractValidationException>(() => call);
            Assert.Empty(_server.Requests);
        }
    }

    [Fact]
    public async Task RequestValidationOff_SendsWhateverTheCallerBuilt()
    {
        _server.Respond = _ => (200, "application/json", ValidThread);

        await Client(o => o.RequestValidation = ContractValidationMode.Off).ModifyThreadAsync("t", new ModifyThreadRequest { Metadata = Metadata(17) });

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ResponseBreakingTheContract_IsReported_AndStillReturned_ByDefault()
    {
        var tooLong = new string('x', 513);
        _server.Respond = _ => (200, "application/json", ValidThread.Replace("\"abc123\"", $"\"{tooLong}\"", StringComparison.Ordinal));

        var thread = await Client().ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.Equal(tooLong, thread.Metadata!["user"]);
        var violation = Assert.Single(_reported);
        Assert.Equal(ValidationDirection.Response, violation.Direction);
        Assert.Equal(200, violation.StatusCode);
        Assert.Equal("/metadata/user", Assert.Single(violation.Errors).InstanceLocation);
    }

    [Fact]
    public async Task ResponseBreakingTheContract_Throws_InThrowMode()
    {
        _server.Respond = _ => (200, "application/json", ValidThread.Replace("\"thread\"", "\"thread.v9\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ContractValidationException>(
            () => Client(o => o.ResponseValidation = ContractValidationMode.Throw).ModifyThreadAsync("t", new ModifyThreadRequest()));

        Assert.Equal("/object", Assert.Single(error.Errors).InstanceLocation);
    }

    [Fact]
    public async Task ValidBodies_ReportNothing()
    {
        _server.Respond = _ => (200, "application/json", ValidThread);

        await Client().ModifyThreadAsync("t", new ModifyThreadRequest { Metadata = null, ToolResources = new ModifyThreadRequestToolResources() });

        Assert.Empty(_reported);
    }
}
