using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace ContractKit.Tests.MSBuild;

/// <summary>What a <c>dotnet</c> command did: its exit code and its output, both streams in one text.</summary>
internal sealed record DotnetResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI for the packaging test, isolated from the test host's own build: its own NuGet
/// cache folder, no MSBuild variables inherited from <c>dotnet test</c>, no build servers left running afterwards.
/// </summary>
internal sealed class DotnetProcess(string nugetPackages)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public async Task<DotnetResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = nugetPackages;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new DotnetResult(-1, $"timed out after {Timeout}: dotnet {string.Join(' ', arguments)}\n{string.Join('\n', lines)}");
        }

        await process.WaitForExitAsync(); // all output read
        lock (lines)
        {
            return new DotnetResult(process.ExitCode, string.Join('\n', lines));
        }
    }
}
