using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ContractKit.Generated.Shapes;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Runtime.Validation;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// What each <see cref="ContractValidationMode"/> does with a response that breaks the contract, on a loopback server:
/// the seed's own ThreadObject example, which leaves out <c>tool_resources</c> (required by the contract), and a
/// server-sent event stream whose second event breaks the event schema.
/// </summary>
public sealed class ResponseLeniencyTests : LoopbackClientTest
{
    /// <summary>The thread object example of the first seed (OpenAI's "The thread object"): no <c>tool_resources</c>.</summary>
    internal const string SeedThread = """{"id":"thread_abc123","object":"thread","created_at":1698107661,"metadata":{}}""";

    private readonly List<ContractViolation> _reported = [];

    private ThreadsClient Threads(ContractValidationMode mode) =>
        new(Http, new ThreadsClientOptions { BaseAddress = BaseAddress, ResponseValidation = mode, OnContractViolation = _reported.Add });

    private ShapesClient Shapes(ContractValidationMode mode) =>
        new(Http, new ShapesClientOptions { BaseAddress = BaseAddress, ResponseValidation = mode, OnContractViolation = _reported.Add });

    [Fact]
    public async Task SeedThreadWithoutToolResources_InReportMode_IsReported_AndReturned_WithToolResourcesVisiblyMissing()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);

        var thread = await Threads(ContractValidationMode.Report).ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        Assert.Equal("thread_abc123", thread.Id);
        Assert.Equal(1698107661, thread.CreatedAt);
        Assert.Empty(thread.Metadata!);
        Assert.Null(thread.ToolResources);
        var violation = Assert.Single(_reported);
        Assert.Equal(["/tool_resources"], violation.MissingProperties);
        Assert.Same(violation, ContractValidation.GetViolation(thread));
        Assert.True(ContractValidation.GetViolation(thread)!.IsMissing("/tool_resources"));
        Assert.False(violation.IsMissing("/metadata"));
    }

    [Fact]
    public async Task SeedThreadWithoutToolResources_InThrowMode_ThrowsListingToolResources()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);

        var error = await Assert.ThrowsAsync<ContractValidationException>(
            () => Threads(ContractValidationMode.Throw).ModifyThreadAsync("thread_abc123", new ModifyThreadRequest()));

        var only = Assert.Single(error.Errors);
        Assert.Equal("required", only.Keyword);
        Assert.Contains("tool_resources", only.Message, StringComparison.Ordinal);
        Assert.Contains("tool_resources", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/tool_resources"], error.Violation.MissingProperties);
        Assert.Empty(_reported);
    }

    [Fact]
    public async Task SeedThreadWithoutToolResources_WithValidationOff_IsReturned_AndNothingIsReported()
    {
        Server.Respond = _ => (200, "application/json", SeedThread);

        var thread = await Threads(ContractValidationMode.Off).ModifyThreadAsync("thread_abc123", new ModifyThreadRequest());

        Assert.Equal("thread_abc123", thread.Id);
        Assert.Null(thread.ToolResources);
        Assert.Empty(_reported);
        Assert.Null(ContractValidation.GetViolation(thread));
    }

    [Fact]
    public async Task NullInANonNullableMember_InReportMode_IsReported_AndKeptAsNull()
    {
        Server.Respond = _ => (200, "application/json", """{"id":null,"object":"thread","created_at":1,"metadata":null,"tool_resources":null}""");

        var thread = await Threads(ContractValidationMode.Report).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.Null(thread.Id);
        Assert.Equal("/id", Assert.Single(Assert.Single(_reported).Errors).InstanceLocation);
    }

    [Fact]
    public async Task ValidResponse_HasNoViolationAttached()
    {
        Server.Respond = _ => (200, "application/json", SeedThread.Replace("{}}", "{},\"tool_resources\":{}}", StringComparison.Ordinal));

        var thread = await Threads(ContractValidationMode.Report).ModifyThreadAsync("t", new ModifyThreadRequest());

        Assert.NotNull(thread.ToolResources);
        Assert.Empty(_reported);
        Assert.Null(ContractValidation.GetViolation(thread));
    }

    private const string EventsWithABadSecond =
        "data: {\"kind\":\"cat\",\"lives\":7}\n\ndata: {\"kind\":\"cat\",\"lives\":12}\n\ndata: {\"kind\":\"dog\",\"good\":true}\n\ndata: [DONE]\n\n";

    [Fact]
    public async Task StreamedEvents_InReportMode_AreAllYielded_AndTheBadOneIsReported()
    {
        Server.Respond = _ => (200, "text/event-stream", EventsWithABadSecond);

        var pets = new List<string>();
        await foreach (var pet in Shapes(ContractValidationMode.Report).WatchPetsStreamAsync())
        {
            pets.Add(pet.Match(c => $"cat:{c.Lives}", d => $"dog:{d.Good}", raw => "?"));
        }

        Assert.Equal(["cat:7", "cat:12", "dog:True"], pets);
        var violation = Assert.Single(_reported);
        Assert.Equal(ValidationDirection.Response, violation.Direction);
        Assert.Equal("watchPets", violation.OperationId);
        Assert.Contains(violation.Errors, e => e.InstanceLocation == "/lives");
    }

    [Fact]
    public async Task StreamedEvents_InThrowMode_YieldTheFirst_ThenThrowOnTheBadOne()
    {
        Server.Respond = _ => (200, "text/event-stream", EventsWithABadSecond);

        var pets = new List<string>();
        var error = await Assert.ThrowsAsync<ContractValidationException>(async () =>
        {
            await foreach (var pet in Shapes(ContractValidationMode.Throw).WatchPetsStreamAsync())
            {
                pets.Add(pet.Match(c => $"cat:{c.Lives}", d => $"dog:{d.Good}", raw => "?"));
            }
        });

        Assert.Equal(["cat:7"], pets);
        Assert.Contains(error.Errors, e => e.InstanceLocation == "/lives");
        Assert.Empty(_reported);
    }

    [Fact]
    public async Task StreamedEvents_WithValidationOff_AreAllYielded_AndNothingIsReported()
    {
        Server.Respond = _ => (200, "text/event-stream", EventsWithABadSecond);

        var count = 0;
        await foreach (var unused in Shapes(ContractValidationMode.Off).WatchPetsStreamAsync())
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.Empty(_reported);
    }

    [Fact]
    public void LenientMetadata_IsBuiltOnce_AndLookedUpWithoutAllocating()
    {
        var strict = ThreadsClientJsonContext.Default.ThreadObject;
        var first = LenientJson.For(strict);
        Assert.Same(first, LenientJson.For(strict));
        Assert.NotSame(strict, first);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            LenientJson.For(strict);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ValidResponse_ReadLeniently_AllocatesNoMoreThanAStrictRead()
    {
        var body = Encoding.UTF8.GetBytes(SeedThread.Replace("{}}", "{\"user\":\"abc123\"},\"tool_resources\":{\"code_interpreter\":{\"file_ids\":[\"f\"]}}}", StringComparison.Ordinal));
        var strict = ThreadsClientJsonContext.Default.ThreadObject;
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);

        static long Allocated(Action read)
        {
            read();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 50; i++)
            {
                read();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var strictBytes = Allocated(() => JsonSerializer.Deserialize(body, strict));
        var lenientBytes = Allocated(() => ApiClientHelpers.DeserializeJson(response, body, strict, violation: null));

        Assert.True(strictBytes > 0);
        Assert.InRange(lenientBytes, 1, strictBytes);
    }
}
