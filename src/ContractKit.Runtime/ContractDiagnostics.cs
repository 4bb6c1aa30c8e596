using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using ContractKit.Runtime.Validation;

namespace ContractKit.Runtime;

/// <summary>
/// Where every contract violation a generated client finds goes, configured or not: a <see cref="Meter"/> counter
/// (<c>dotnet-counters</c>, OpenTelemetry metrics), an <see cref="EventSource"/> event (<c>dotnet-trace</c>,
/// <see cref="EventListener"/>) and an event on the current <see cref="Activity"/> (OpenTelemetry traces).
/// Each costs next to nothing when nobody listens.
/// </summary>
public static class ContractDiagnostics
{
    /// <summary>The name of the <see cref="Meter"/> and of the <see cref="EventSource"/>'s metrics.</summary>
    public const string MeterName = "ContractKit.Client";

    /// <summary>The counter of bodies that broke the contract, tagged <c>operation</c>, <c>direction</c> and <c>status</c>.</summary>
    public const string ViolationCounterName = "contractkit.client.contract_violations";

    /// <summary>The name of the <see cref="EventSource"/> (<c>dotnet-trace collect --providers ContractKit-Client</c>).</summary>
    public const string EventSourceName = "ContractKit-Client";

    /// <summary>The name of the event added to <see cref="Activity.Current"/>.</summary>
    public const string ActivityEventName = "contractkit.contract_violation";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Violations = Meter.CreateCounter<long>(
        ViolationCounterName, unit: "{body}", description: "Bodies that broke the API contract, per operation and direction.");

    internal static void Record(ContractViolation violation)
    {
        var direction = violation.Direction == ValidationDirection.Request ? "request" : "response";
        var operation = new KeyValuePair<string, object?>("operation", violation.OperationId);
        var directionTag = new KeyValuePair<string, object?>("direction", direction);
        var status = new KeyValuePair<string, object?>("status", violation.StatusCode);
        Violations.Add(1, operation, directionTag, status);
        if (ContractEventSource.Log.IsEnabled())
        {
            ContractEventSource.Log.ContractViolation(violation.OperationId, direction, violation.Describe());
        }

        if (Activity.Current is { } activity)
        {
            activity.AddEvent(new ActivityEvent(ActivityEventName, tags: new ActivityTagsCollection { operation, directionTag, status }));
        }
    }
}

/// <summary>The <c>ContractKit-Client</c> event source: one warning event per body that broke the contract.</summary>
[EventSource(Name = ContractDiagnostics.EventSourceName)]
internal sealed class ContractEventSource : EventSource
{
    public static readonly ContractEventSource Log = new();

    private ContractEventSource()
    {
    }

    /// <summary>A body broke the contract: the operation, <c>request</c> or <c>response</c>, and every error.</summary>
    [Event(1, Level = EventLevel.Warning, Message = "{2}")]
    public void ContractViolation(string operationId, string direction, string description) =>
        WriteEvent(1, operationId, direction, description);
}
