using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.CodeGen.Planning;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>Credentials: which security schemes the client supports, the options class that carries them, and how an operation applies them.</summary>
public sealed partial class CSharpEmitter
{
    private IReadOnlyList<Credential>? _credentials;

    /// <summary>The credentials the options class offers, worked out (and unsupported schemes warned about) on first use.</summary>
    private IReadOnlyList<Credential> Credentials => _credentials ??= OperationPlanner.PlanCredentials(_model, Warn);

    private string EmitOptions()
    {
        var writer = StartFile();
        writer.Line($"/// <summary>Settings for <see cref=\"{_names.ClientName}\"/>.</summary>");
        writer.Open($"public sealed class {_names.OptionsName}");
        writer.Line("/// <summary>");
        writer.Line($"/// The API's base address. When null: the HttpClient's own BaseAddress, else <see cref=\"{_names.ClientName}.DefaultBaseAddress\"/>.");
        writer.Line("/// </summary>");
        writer.Line("public global::System.Uri? BaseAddress { get; set; }");
        writer.Line();
        writer.Line("/// <summary>Checks request bodies against the contract before sending. Default: throw <see cref=\"global::ContractKit.Runtime.ContractValidationException\"/>.</summary>");
        writer.Line($"public {Runtime}.ContractValidationMode RequestValidation {{ get; set; }} = {Runtime}.ContractValidationMode.Throw;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Checks response bodies (and each server-sent event) against the contract. Default: <c>Report</c>, the violation is");
        writer.Line("/// reported and the object returned with what the server sent. <c>Throw</c>: <see cref=\"global::ContractKit.Runtime.ContractValidationException\"/>.");
        writer.Line("/// <c>Off</c>: not checked. In every mode a required member the server left out is left at its default.");
        writer.Line("/// </summary>");
        writer.Line($"public {Runtime}.ContractValidationMode ResponseValidation {{ get; set; }} = {Runtime}.ContractValidationMode.Report;");
        writer.Line();
        writer.Line("/// <summary>Called for each body that breaks the contract in <c>Report</c> mode (violations are always counted and traced: see <see cref=\"global::ContractKit.Runtime.ContractDiagnostics\"/>).</summary>");
        writer.Line($"public global::System.Action<{Runtime}.ContractViolation>? OnContractViolation {{ get; set; }}");
        writer.Line();
        writer.Line("/// <summary>Where <c>Report</c> mode logs contract violations (as warnings); when null, the logger the client was created with (from IHttpClientFactory).</summary>");
        writer.Line("public global::Microsoft.Extensions.Logging.ILogger? Logger { get; set; }");
        EmitResponseLimitOptions(writer);
        EmitHeaderOverridesOption(writer);
        foreach (var credential in Credentials)
        {
            writer.Line();
            var what = credential.Kind == "bearer"
                ? $"Sent as <c>Authorization: Bearer</c> to operations that accept the <c>{CSharpSyntax.XmlText(credential.Scheme.Name)}</c> scheme."
                : $"Sent as the <c>{CSharpSyntax.XmlText(credential.Scheme.ParameterName!)}</c> {(credential.Scheme.In == ParameterLocation.Query ? "query parameter" : "header")} to operations that accept the <c>{CSharpSyntax.XmlText(credential.Scheme.Name)}</c> scheme.";
            writer.Line($"/// <summary>{what}</summary>");
            writer.Line($"public string? {credential.PropertyName} {{ get; set; }}");
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>Security: the first alternative whose credentials are all set is applied.</summary>
    private static void EmitSecurity(SourceWriter writer, IReadOnlyList<IReadOnlyList<Credential>> alternatives)
    {
        var first = true;
        foreach (var credentials in alternatives)
        {
            var condition = string.Join(" && ", credentials.Select(c => $"_options.{c.PropertyName} is not null"));
            writer.Open($"{(first ? "if" : "else if")} ({condition})");
            foreach (var credential in credentials)
            {
                if (credential.Kind == "bearer")
                {
                    writer.Line($"request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", _options.{credential.PropertyName});");
                }
                else if (credential.Scheme.In == ParameterLocation.Header)
                {
                    writer.Line($"request.Headers.TryAddWithoutValidation({CSharpSyntax.Literal(credential.Scheme.ParameterName!)}, _options.{credential.PropertyName});");
                }
            }

            writer.Close();
            first = false;
        }
    }
}
