using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace ContractKit.AspNetCore;

/// <summary>The middleware's counters, on the meter <c>ContractKit.AspNetCore</c>, tagged by operation.</summary>
public sealed class ContractMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ContractKit.AspNetCore";

    private readonly Meter _meter;
    private readonly Counter<long> _validated;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _invalidResponses;

    /// <summary>Creates the meter through the factory (so that tests and hosts can listen to it).</summary>
    public ContractMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _validated = _meter.CreateCounter<long>("contractkit.requests.validated", "{request}", "Requests that matched an operation and kept the contract.");
        _rejected = _meter.CreateCounter<long>("contractkit.requests.rejected", "{request}", "Requests answered with a problem instead of reaching the endpoint.");
        _invalidResponses = _meter.CreateCounter<long>("contractkit.responses.invalid", "{response}", "Responses that broke the contract.");
    }

    internal void Validated(string operationId) => _validated.Add(1, new KeyValuePair<string, object?>("operation", operationId));

    internal void Rejected(string? operationId, int status) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("operation", operationId ?? "(none)"), new KeyValuePair<string, object?>("status", status));

    internal void InvalidResponse(string operationId, int status) =>
        _invalidResponses.Add(1, new KeyValuePair<string, object?>("operation", operationId), new KeyValuePair<string, object?>("status", status));

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
