using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Reporting;

namespace ContractKit.Cli.Commands;

/// <summary>
/// <c>contractkit validate &lt;spec&gt; --schema &lt;Name&gt; [--direction request|response] &lt;payload&gt;...</c>,
/// <c>contractkit validate &lt;spec&gt; --operation &lt;id&gt; (--request | --response [--status 200]) &lt;payload&gt;...</c>,
/// <c>contractkit validate --schema-file &lt;schema.json&gt; &lt;payload&gt;...</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "The spec (unless --schema-file is given), then the JSON payload files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var schema = new Option<string?>("--schema", "-s") { Description = "A component schema of the spec (e.g. ThreadObject)." };
        var operation = new Option<string?>("--operation") { Description = "An operationId: validate its request or response body." };
        var request = new Option<bool>("--request") { Description = "With --operation: the request body (the default)." };
        var response = new Option<bool>("--response") { Description = "With --operation: a response body." };
        var status = new Option<string?>("--status") { Description = "With --response: the status code (default: the first 2xx)." };
        var direction = new Option<string?>("--direction") { Description = "request or response: applies readOnly/writeOnly rules." };
        direction.AcceptOnlyFromAmong("request", "response");
        var schemaFile = new Option<string?>("--schema-file") { Description = "A plain JSON Schema file (draft 4 or 2020-12) instead of a spec." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. PayloadReport.FormatNames]);
        var strict = CommandRunner.StrictOption();
        var remote = CommandRunner.AllowRemoteRefsOption();
        var config = new Option<string?>("--config")
        {
            Description = $"The config file whose \"limits\" apply (the spec's entry, else the top level's; default: ./{ContractKitConfig.FileName} when there is one).",
        };

        var command = new Command("validate", "Validate JSON payloads against a spec's schemas or a JSON Schema.");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { schema, operation, request, response, status, direction, schemaFile, format, strict, remote, config })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(schema),
            parse.GetValue(operation),
            parse.GetValue(request),
            parse.GetValue(response),
            parse.GetValue(status),
            parse.GetValue(direction),
            parse.GetValue(schemaFile),
            parse.GetValue(format) ?? "text",
            (parse.GetValue(strict), parse.GetValue(remote), parse.GetValue(config)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] inputs, string? schema, string? operation, bool request, bool response, string? status, string? direction,
        string? schemaFile, string format, (bool Strict, bool AllowRemoteRefs, string? Config) reading, CancellationToken cancellationToken)
    {
        var spec = schemaFile is null ? inputs.FirstOrDefault() : null;
        var configPath = reading.Config ?? (File.Exists(ContractKitConfig.FileName) ? ContractKitConfig.FileName : null);
        var (loadedConfig, configError) = configPath is null ? (null, null) : ContractKitConfig.Load(configPath);
        if (configError is not null)
        {
            CommandRunner.Report([configError]);
            return ExitCodes.UsageOrIo;
        }

        var (results, diagnostics, exitCode) = await PayloadValidation.RunAsync(new ValidateRequest
        {
            SpecPath = spec is null ? null : CommandRunner.Display(Path.GetFullPath(spec)),
            Payloads = schemaFile is null ? inputs.Skip(1).ToArray() : inputs,
            Schema = schema,
            Operation = operation,
            Request = request,
            Response = response,
            Status = status,
            Direction = direction,
            SchemaFile = schemaFile,
            Strict = reading.Strict,
            AllowRemoteRefs = reading.AllowRemoteRefs,
            Limits = LimitSettings.ApplyTo(loadedConfig?.LimitsFor(spec), CommandRunner.RunLimitSettings),
        }, cancellationToken).ConfigureAwait(false);
        CommandRunner.Report(diagnostics);
        if (results is null)
        {
            return exitCode;
        }

        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            PayloadReport.WriteJson(stdout, results);
        }
        else
        {
            PayloadReport.WriteText(Console.Out, Console.Error, results);
        }

        return exitCode;
    }
}
