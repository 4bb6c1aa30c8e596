using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.Generated.Approvals;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// spec/approvals.yaml through the generated client on a loopback server: a name required without being declared
/// (carried in <c>AdditionalProperties</c>), and float/double values beyond their format's range.
/// </summary>
public sealed class ApprovalsClientTests : LoopbackClientTest
{
    private const string Approval = """{"type":"approval_response","approve":true,"request_id":"req_1"}""";

    private readonly List<ContractViolation> _reported = [];

    private ApprovalsClient Client(ContractValidationMode requests = ContractValidationMode.Throw) =>
        new(Http, new ApprovalsClientOptions
        {
            BaseAddress = BaseAddress,
            RequestValidation = requests,
            OnContractViolation = _reported.Add,
        });

    private static Dictionary<string, JsonElement> Extra(string name, string json) =>
        new() { [name] = JsonDocument.Parse(json).RootElement.Clone() };

    [Fact]
    public async Task RequestWithoutAnUndeclaredRequiredName_IsRefusedInThrowMode_BeforeAnythingIsSent()
    {
        var body = new ApprovalResponse { Approve = true };

        var error = await Assert.ThrowsAsync<ContractValidationException>(() => Client().CreateApprovalAsync(body));

        Assert.Empty(Server.Requests);
        var only = Assert.Single(error.Errors);
        Assert.Equal("required", only.Keyword);
        Assert.Contains("request_id", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeclaredRequiredName_SetInAdditionalProperties_IsSent_AndReadBack()
    {
        Server.Respond = _ => (200, "application/json", Approval);
        var body = new ApprovalResponse { Approve = true, AdditionalProperties = Extra("request_id", "\"req_1\"") };

        var answer = await Client().CreateApprovalAsync(body);

        var sent = JsonNode.Parse(Assert.Single(Server.Requests).Body)!;
        Assert.Equal("req_1", sent["request_id"]!.GetValue<string>());
        Assert.Equal("req_1", answer.AdditionalProperties!["request_id"].GetString());
        Assert.Empty(_reported);
    }

    [Fact]
    public async Task ResponseWithoutAnUndeclaredRequiredName_IsReported_AndTheObjectReturned()
    {
        Server.Respond = _ => (200, "application/json", """{"type":"approval_response","approve":false}""");
        var body = new ApprovalResponse { Approve = false, AdditionalProperties = Extra("request_id", "\"req_1\"") };

        var answer = await Client().CreateApprovalAsync(body);

        Assert.False(answer.Approve);
        var violation = Assert.Single(_reported);
        Assert.Equal(200, violation.StatusCode);
        Assert.Contains(violation.Errors, e => e.Keyword == "required" && e.Message.Contains("request_id", StringComparison.Ordinal));
    }

    [Fact]
    public void UndeclaredRequiredName_SurvivesADtoRoundTrip()
    {
        var read = JsonSerializer.Deserialize(Approval, ApprovalsClientJsonContext.Default.ApprovalResponse)!;

        var written = JsonSerializer.Serialize(read, ApprovalsClientJsonContext.Default.ApprovalResponse);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Approval), JsonNode.Parse(written)), written);
    }

    [Fact]
    public async Task FloatBeyondItsRange_IsReportedWithItsPointer_AndTheObjectStaysWritable()
    {
        Server.Respond = _ => (200, "application/json", """{"gain":1e39,"total":2.5,"samples":[1.5,-1e39]}""");

        var reading = await Client().RecordMeasurementAsync(new Measurement { Gain = 1.5f, Total = 2.5 });

        var violation = Assert.Single(_reported);
        Assert.Equal(["/gain", "/samples/1"], violation.Errors.Select(e => e.InstanceLocation).Order(StringComparer.Ordinal));
        Assert.All(violation.Errors, e => Assert.Equal("format", e.Keyword));
        Assert.Equal(float.PositiveInfinity, reading.Gain);
        Assert.Equal(float.NegativeInfinity, reading.Samples![1]);

        // Writable: infinity is written as the string "Infinity", which reads back as itself.
        var written = JsonSerializer.Serialize(reading, ApprovalsClientJsonContext.Default.Measurement);
        Assert.Equal("""{"gain":"Infinity","total":2.5,"samples":[1.5,"-Infinity"]}""", written);
        var again = JsonSerializer.Deserialize(written, ApprovalsClientJsonContext.Default.Measurement)!;
        Assert.Equal(float.PositiveInfinity, again.Gain);
    }

    [Fact]
    public async Task InfiniteFloat_InARequest_IsRefusedInThrowMode_AsNotANumber()
    {
        var body = new Measurement { Gain = float.PositiveInfinity, Total = double.NegativeInfinity };

        var error = await Assert.ThrowsAsync<ContractValidationException>(() => Client().RecordMeasurementAsync(body));

        Assert.Empty(Server.Requests);
        Assert.Equal(["/gain", "/total"], error.Errors.Select(e => e.InstanceLocation).Order(StringComparer.Ordinal));
        Assert.All(error.Errors, e => Assert.Equal("type", e.Keyword));
    }

    [Fact]
    public async Task DoubleBeyondItsRange_IsReported_AndFloatMaxValueRoundTripsWithoutAViolation()
    {
        Server.Respond = request => (200, "application/json", request.Body.Replace("\"total\":1", "\"total\":1e400", StringComparison.Ordinal));

        var reading = await Client().RecordMeasurementAsync(new Measurement { Gain = float.MaxValue, Total = 1 });

        Assert.Contains("3.4028235E+38", Assert.Single(Server.Requests).Body, StringComparison.Ordinal);
        Assert.Equal(float.MaxValue, reading.Gain);
        Assert.Equal(double.PositiveInfinity, reading.Total);
        var only = Assert.Single(Assert.Single(_reported).Errors);
        Assert.Equal(("/total", "format"), (only.InstanceLocation, only.Keyword));
    }
}
