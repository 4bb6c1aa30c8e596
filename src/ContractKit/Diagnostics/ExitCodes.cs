using System.Collections.Generic;

namespace ContractKit.Diagnostics;

/// <summary>
/// Exit codes shared by every command and shell, one rule for all: <c>1</c> when the input itself is bad (the spec has
/// errors, a payload is invalid, findings at or above <c>--fail-on</c>, stale output), <c>2</c> when the run could not
/// be done as asked (usage, configuration, a file that cannot be found, read or written). A spec or payload over a
/// limit (<c>CK1013</c>) is bad input like any other: 1 (issue #15: limits are part of what a spec must meet).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The spec (or a payload) has errors.</summary>
    public const int InputErrors = 1;

    /// <summary>Usage, configuration (an invalid limit value included) or I/O problem.</summary>
    public const int UsageOrIo = 2;

    /// <summary>
    /// The exit code of a run that stopped on these diagnostics: <see cref="UsageOrIo"/> when an error is about the run
    /// (<see cref="IsUsageOrIo"/>), else <see cref="InputErrors"/>. Every command maps an unusable spec through here.
    /// </summary>
    /// <param name="diagnostics">What stopped the run.</param>
    /// <returns>1 or 2, never 0.</returns>
    public static int ForFailure(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error && IsUsageOrIo(diagnostic.Id))
            {
                return UsageOrIo;
            }
        }

        return InputErrors;
    }

    /// <summary>Whether a diagnostic id is about the run rather than the spec: usage, configuration, I/O.</summary>
    /// <param name="id">A diagnostic id.</param>
    /// <returns>True for CK1001, CK1002, CK3002, CK3003, CK9001 and CK9002.</returns>
    public static bool IsUsageOrIo(string id) => id is DiagnosticIds.FileNotFound or DiagnosticIds.FileUnreadable
        or DiagnosticIds.OutputNotOwned or DiagnosticIds.OutputWriteFailed or DiagnosticIds.Usage or DiagnosticIds.ConfigError;
}
