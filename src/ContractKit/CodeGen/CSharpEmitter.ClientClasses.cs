using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>The client classes: the root client and, with <see cref="ClientGrouping.Tag"/>, one class per tag.</summary>
public sealed partial class CSharpEmitter
{
    /// <summary>The client files: the root client, and with tag grouping one class per tag.</summary>
    private IEnumerable<GeneratedFile> EmitClients()
    {
        var byClient = _model.Operations.ToLookup(o => _names.ClientOf(o)?.ClassName ?? _names.ClientName, StringComparer.Ordinal);
        yield return new GeneratedFile($"{_names.ClientName}.g.cs", EmitClient(_names.ClientName, tag: null, byClient[_names.ClientName]));
        foreach (var tagClient in _names.TagClients)
        {
            yield return new GeneratedFile($"{tagClient.ClassName}.g.cs", EmitClient(tagClient.ClassName, tagClient, byClient[tagClient.ClassName]));
        }
    }

    private string EmitClient(string client, TagClient? tag, IEnumerable<Operation> operations)
    {
        var writer = StartFile();
        var title = $"{_model.Title} {_model.ApiVersion}".Trim();
        if (tag is null)
        {
            var remarks = new List<string> { "Give it an HttpClient (from IHttpClientFactory, or one of your own that you keep for the application's lifetime)." };
            if (_names.TagClients.Count > 0)
            {
                remarks.Add("<para>Operations are grouped by tag: one property per tag hands out the client for them, sharing this one's HttpClient and options.</para>");
            }

            CSharpSyntax.WriteSummary(writer, $"Client for {title}", remarks);
        }
        else
        {
            CSharpSyntax.WriteSummary(writer, $"The operations of {title} tagged '{tag.Tag}'", [
                $"Reach it through <see cref=\"{_names.ClientName}.{tag.PropertyName}\"/>, or create it on its own like <see cref=\"{_names.ClientName}\"/>."]);
        }

        writer.Open($"public partial class {client}");
        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        writer.Line($"private readonly {_names.OptionsName} _options;");
        writer.Line($"private readonly {Logging}? _logger;");
        writer.Line();
        EmitConstructors(writer, client, tag);
        writer.Line("/// <summary>Where <c>Report</c> mode logs contract violations: the options' logger, else the one the client was created with.</summary>");
        writer.Line($"private {Logging}? ContractLogger => _options.Logger ?? _logger;");
        writer.Line();
        writer.Line("/// <summary>How much of a response is read: the options' MaxResponseBytes and MaxResponseDepth.</summary>");
        writer.Line($"private {Runtime}.ResponseLimits ResponseLimits => new(_options.MaxResponseBytes, _options.MaxResponseDepth);");
        writer.Line();
        if (tag is not null)
        {
            writer.Line($"/// <summary>Where requests go: the options' base address, else the HttpClient's, else <see cref=\"{_names.ClientName}.DefaultBaseAddress\"/>.</summary>");
            writer.Line($"public global::System.Uri BaseAddress => _options.BaseAddress ?? _httpClient.BaseAddress ?? {_names.ClientName}.DefaultBaseAddress ?? throw new global::System.InvalidOperationException(\"No base address: set one on the options or the HttpClient.\");");
        }
        else
        {
            var server = _model.Servers.FirstOrDefault()?.Url;
            if (server is not null && Uri.TryCreate(server, UriKind.Absolute, out _))
            {
                writer.Line("/// <summary>The first server the contract lists.</summary>");
                writer.Line($"public static global::System.Uri DefaultBaseAddress {{ get; }} = new global::System.Uri({CSharpSyntax.Literal(server)});");
            }
            else
            {
                writer.Line("/// <summary>The contract lists no absolute server URL: set a base address on the options or the HttpClient.</summary>");
                writer.Line("public static global::System.Uri? DefaultBaseAddress => null;");
            }

            writer.Line();
            writer.Line("/// <summary>Where requests go: the options' base address, else the HttpClient's, else <see cref=\"DefaultBaseAddress\"/>.</summary>");
            writer.Line("public global::System.Uri BaseAddress => _options.BaseAddress ?? _httpClient.BaseAddress ?? DefaultBaseAddress ?? throw new global::System.InvalidOperationException(\"No base address: set one on the options or the HttpClient.\");");
            foreach (var tagClient in _names.TagClients)
            {
                writer.Line();
                writer.Line($"/// <summary>The operations tagged <c>{CSharpSyntax.XmlText(tagClient.Tag)}</c>.</summary>");
                writer.Line($"public {tagClient.ClassName} {tagClient.PropertyName} {{ get; }}");
            }
        }

        foreach (var method in operations.SelectMany(o => Planner.Plan(o).Methods))
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
        return writer.ToString();
    }

    private const string Logging = "global::Microsoft.Extensions.Logging.ILogger";

    /// <summary>
    /// The public constructor takes an <c>ILogger&lt;TClient&gt;</c>, so that <c>AddHttpClient&lt;TClient&gt;()</c> supplies one;
    /// a tag client also has an internal one taking the root client's logger.
    /// </summary>
    private void EmitConstructors(SourceWriter writer, string client, TagClient? tag)
    {
        writer.Line("/// <summary>Creates the client.</summary>");
        writer.Line("/// <param name=\"httpClient\">Sends the requests; its BaseAddress is used when the options have none.</param>");
        writer.Line("/// <param name=\"options\">Base address and credentials; null for the defaults.</param>");
        writer.Line("/// <param name=\"logger\">Logs contract violations in <c>Report</c> mode when the options have no logger; IHttpClientFactory supplies it.</param>");
        var parameters = $"global::System.Net.Http.HttpClient httpClient, {_names.OptionsName}? options = null, {Logging}<{client}>? logger = null";
        if (tag is not null)
        {
            writer.Line($"public {client}({parameters})");
            writer.Line($"    : this(httpClient, options, ({Logging}?)logger)");
            writer.Open();
            writer.Close();
            writer.Line();
            writer.Open($"internal {client}(global::System.Net.Http.HttpClient httpClient, {_names.OptionsName}? options, {Logging}? logger)");
        }
        else
        {
            writer.Open($"public {client}({parameters})");
        }

        writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        writer.Line($"_options = options ?? new {_names.OptionsName}();");
        writer.Line("_logger = logger;");
        if (tag is null)
        {
            foreach (var tagClient in _names.TagClients)
            {
                writer.Line($"{tagClient.PropertyName} = new {tagClient.ClassName}(_httpClient, _options, ({Logging}?)_logger);");
            }
        }

        writer.Close();
        writer.Line();
    }
}
