using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;
using ContractKit.Runtime.Validation;
using ContractKit.Validation;

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
        format.AcceptOnlyFromAmong("text", "json");
        var strict = CommandRunner.StrictOption();

        var command = new Command("validate", "Validate JSON payloads against a spec's schemas or a JSON Schema.");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { schema, operation, request, response, status, direction, schemaFile, format, strict })
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
            parse.GetValue(strict),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] inputs, string? schema, string? operation, bool request, bool response, string? status, string? direction,
        string? schemaFile, string format, bool strict, CancellationToken cancellationToken)
    {
        string? Fail(string message)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: {message}");
            return null;
        }

        var spec = schemaFile is null ? inputs.FirstOrDefault() : null;
        var payloads = schemaFile is null ? inputs.Skip(1).ToArray() : inputs;
        if (payloads.Length == 0)
        {
            Fail("no payload files given");
            return ExitCodes.UsageOrIo;
        }

        var choices = new[] { schema is not null, operation is not null, schemaFile is not null }.Count(b => b);
        if (choices != 1)
        {
            Fail("give exactly one of --schema, --operation or --schema-file");
            return ExitCodes.UsageOrIo;
        }

        if (request && response)
        {
            Fail("--request and --response exclude each other");
            return ExitCodes.UsageOrIo;
        }

        if ((request || response || status is not null) && operation is null)
        {
            Fail("--request, --response and --status go with --operation");
            return ExitCodes.UsageOrIo;
        }

        var target = new ValidationTarget
        {
            SpecPath = spec is null ? null : CommandRunner.Display(Path.GetFullPath(spec)),
            SchemaName = schema,
            OperationId = operation,
            Body = response ? BodyDirection.Response : BodyDirection.Request,
            Status = status,
            SchemaFile = schemaFile,
            Strict = strict,
            Direction = direction switch
            {
                "request" => ValidationDirection.Request,
                "response" => ValidationDirection.Response,
                _ => ValidationDirection.None,
            },
        };
        var (validator, effectiveDirection, diagnostics, exitCode) = await PayloadValidation.ResolveAsync(target, cancellationToken).ConfigureAwait(false);
        CommandRunner.Report(diagnostics);
        if (validator is null)
        {
            return exitCode;
        }

        var outcomes = payloads.Select(p => PayloadValidation.ValidateFile(validator, p, effectiveDirection)).ToList();
        if (format == "json")
        {
            WriteJson(outcomes);
        }
        else
        {
            WriteText(outcomes);
        }

        return outcomes.Any(o => o.ReadError is not null) ? ExitCodes.UsageOrIo
            : outcomes.All(o => o.Valid) ? ExitCodes.Success
            : ExitCodes.InputErrors;
    }

    private static void WriteText(List<PayloadOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.ReadError is not null)
            {
                Console.Error.WriteLine($"{outcome.Path}: error {DiagnosticIds.SyntaxError}: {outcome.ReadError}");
                continue;
            }

            if (outcome.Valid)
            {
                Console.Out.WriteLine($"{outcome.Path}: valid");
                continue;
            }

            Console.Out.WriteLine($"{outcome.Path}: invalid ({outcome.Errors.Count} {(outcome.Errors.Count == 1 ? "error" : "errors")})");
            foreach (var error in outcome.Errors)
            {
                var at = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
                Console.Out.WriteLine($"  {at}: {error.Message} [{error.Keyword} at {error.SchemaLocation}]");
            }
        }
    }

    private static void WriteJson(List<PayloadOutcome> outcomes)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (var outcome in outcomes)
            {
                writer.WriteStartObject();
                writer.WriteString("file", outcome.Path);
                writer.WriteBoolean("valid", outcome.Valid);
                if (outcome.ReadError is not null)
                {
                    writer.WriteString("readError", outcome.ReadError);
                }

                writer.WriteStartArray("errors");
                foreach (var error in outcome.Errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("instanceLocation", error.InstanceLocation);
                    writer.WriteString("schemaLocation", error.SchemaLocation);
                    writer.WriteString("keyword", error.Keyword);
                    writer.WriteString("message", error.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
