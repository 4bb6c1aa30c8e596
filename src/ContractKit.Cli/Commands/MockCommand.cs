using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.AspNetCore.Mock;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using Microsoft.Extensions.Hosting;

namespace ContractKit.Cli.Commands;

/// <summary><c>contractkit mock &lt;spec&gt; [--port 4010] [--host 127.0.0.1] [--dynamic] [--quiet]</c>: serves the contract's examples.</summary>
internal static class MockCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The OpenAPI spec to serve." };
        var port = new Option<int>("--port", "-p") { Description = "The port (0: any free one).", DefaultValueFactory = _ => 4010 };
        var host = new Option<string>("--host") { Description = "The address to bind; loopback unless told otherwise.", DefaultValueFactory = _ => "127.0.0.1" };
        var dynamic = new Option<bool>("--dynamic") { Description = "Varied synthesized data (always valid) instead of deterministic." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No log line per request." };
        var remote = CommandRunner.AllowRemoteRefsOption();
        var command = new Command("mock", "Serve a spec's operations from its examples (or synthesized data), checking requests and responses.");
        command.Arguments.Add(spec);
        foreach (var option in new Option[] { port, host, dynamic, quiet, remote })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            new MockServerOptions
            {
                SpecPath = parse.GetValue(spec),
                Port = parse.GetValue(port),
                Host = parse.GetValue(host) ?? "127.0.0.1",
                Dynamic = parse.GetValue(dynamic),
                Quiet = parse.GetValue(quiet),
                AllowRemoteRefs = parse.GetValue(remote),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(MockServerOptions options, CancellationToken cancellationToken)
    {
        if (options.Port is < 0 or > 65535)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --port must be 0-65535, not {options.Port}");
            return ExitCodes.UsageOrIo;
        }

        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ContractMockServer.Build(options);
        }
        catch (ContractLoadException ex)
        {
            CommandRunner.Report(ex.Diagnostics);
            return ExitCodes.ForFailure(ex.Diagnostics);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: cannot listen on {options.Host}:{options.Port}: {ex.Message}");
                return ExitCodes.UsageOrIo;
            }

            Console.Error.WriteLine($"contractkit mock: serving {CommandRunner.Display(options.SpecPath!)} on {ContractMockServer.Address(app)} (Ctrl+C to stop)");
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
