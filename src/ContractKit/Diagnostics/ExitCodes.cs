namespace ContractKit.Diagnostics;

/// <summary>Exit codes shared by the CLI and the build task.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The spec (or a payload) has errors.</summary>
    public const int InputErrors = 1;

    /// <summary>Usage, configuration or I/O problem.</summary>
    public const int UsageOrIo = 2;
}
