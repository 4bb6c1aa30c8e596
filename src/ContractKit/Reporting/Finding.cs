using ContractKit.Diagnostics;

namespace ContractKit.Reporting;

/// <summary>How serious a finding of diff or lint is.</summary>
public enum FindingLevel
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>May break clients.</summary>
    Warning,

    /// <summary>Breaks clients (diff), or is wrong (lint).</summary>
    Error,
}

/// <summary>
/// One result of <c>contractkit diff</c> or <c>contractkit lint</c>: a stable rule id, a level, a message, and where
/// (the head spec's file, line and column, plus the JSON pointer). Operation is <c>"POST /threads/{thread_id}"</c> when
/// the finding belongs to one.
/// </summary>
public sealed record Finding(string RuleId, FindingLevel Level, string Message, SourceLocation? Location)
{
    /// <summary>The operation (<c>METHOD /path</c>) the finding is about, if any.</summary>
    public string? Operation { get; init; }

    /// <summary>For diff: which side of the exchange the change affects ("request" or "response"), if any.</summary>
    public string? Direction { get; init; }

    /// <summary>For diff: what the change breaks, "wire" (the HTTP exchange) or "api" (the generated C# API); null for lint.</summary>
    public string? Impact { get; init; }

    /// <summary>The matching oasdiff rule id, where one exists (documentation only).</summary>
    public string? OasdiffId { get; init; }
}
