using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;

namespace ContractKit.Cli.Commands;

/// <summary>
/// What to generate, the same for <c>generate</c> and <c>check</c>: one spec with its options on the command line
/// (what the MSBuild targets pass), or every spec of <c>contractkit.json</c>.
/// </summary>
internal sealed class SpecTargetOptions
{
    private readonly Argument<string?> _spec = new("spec")
    {
        Description = "The OpenAPI file (YAML or JSON). Without it, every spec listed in contractkit.json.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "The output folder (with a spec: required)." };
    private readonly Option<string?> _namespace = new("--namespace", "-n") { Description = "The namespace of the generated code (default: from the spec's file name)." };
    private readonly Option<string?> _clientName = new("--client-name") { Description = "The client class's name (default: from the spec's file name)." };
    private readonly Option<string?> _clients = new("--clients") { Description = "single (default): one client class; tag: one client class per tag, under the root client." };
    private readonly Option<string?> _config = new("--config") { Description = $"The config file (default: ./{ContractKitConfig.FileName})." };
    private readonly Option<bool> _strict = CommandRunner.StrictOption();
    private readonly Option<bool> _remote = CommandRunner.AllowRemoteRefsOption();

    public SpecTargetOptions() => _clients.AcceptOnlyFromAmong("single", "tag");

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_spec);
        command.Options.Add(_output);
        command.Options.Add(_namespace);
        command.Options.Add(_clientName);
        command.Options.Add(_clients);
        command.Options.Add(_config);
        command.Options.Add(_strict);
        command.Options.Add(_remote);
    }

    /// <summary>The targets the command line names, or null after printing why (a usage or config error: exit 2).</summary>
    public IReadOnlyList<SpecTarget>? Resolve(ParseResult parse)
    {
        var spec = parse.GetValue(_spec);
        var output = parse.GetValue(_output);
        var ns = parse.GetValue(_namespace);
        var clientName = parse.GetValue(_clientName);
        var clients = parse.GetValue(_clients);
        var strict = parse.GetValue(_strict);
        var allowRemoteRefs = parse.GetValue(_remote);
        if (spec is not null)
        {
            if (output is null)
            {
                Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --output is required with a spec path");
                return null;
            }

            var stem = Path.GetFileNameWithoutExtension(spec);
            return [new SpecTarget(
                Path.GetFullPath(spec),
                Path.GetFullPath(output),
                ns ?? "Generated." + CodeGen.CSharpNamingPublic.Pascal(stem),
                clientName ?? ContractKitConfig.DefaultClientName(spec))
            {
                Clients = ContractKitConfig.TryParseGrouping(clients, out var grouping) ? grouping : CodeGen.ClientGrouping.Single,
                Strict = strict,
                AllowRemoteRefs = allowRemoteRefs,
            }];
        }

        if (output is not null || ns is not null || clientName is not null || clients is not null)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: --output, --namespace, --client-name and --clients go with a spec path; without one, contractkit.json says them");
            return null;
        }

        var path = parse.GetValue(_config) ?? ContractKitConfig.FileName;
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: error {DiagnosticIds.ConfigError}: no config file; pass a spec and --output, or create {ContractKitConfig.FileName}");
            return null;
        }

        var (config, error) = ContractKitConfig.Load(path);
        if (config is null)
        {
            CommandRunner.Report([error!]);
            return null;
        }

        return [.. config.Specs.Select(t => CommandRunner.WithRunLimits(t with { Strict = t.Strict || strict, AllowRemoteRefs = t.AllowRemoteRefs || allowRemoteRefs }))];
    }
}
