using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.CodeGen.Planning;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>
/// The typed client's methods, printed from the plans <see cref="OperationPlanner"/> makes (see also Credentials,
/// Parameters, Errors, Bodies, Requests for the pieces).
/// </summary>
public sealed partial class CSharpEmitter : IPlanRegistry
{
    private const string Helpers = Runtime + ".ApiClientHelpers";

    private OperationPlanner? _planner;

    private OperationPlanner Planner => _planner ??= new OperationPlanner(_names, _types, this);

    /// <summary>Registers a body schema for the schemas file; returns its property name there.</summary>
    private string AddValidator(string name, TypeUse use)
    {
        // Made of two names that are each at most 200 bytes; cut (with a hash) where C# or metadata would refuse it.
        name = CSharpSyntax.Shorten(name, 400);
        if (_validatorNames.Add(name))
        {
            _validators.Add((name, use));
        }

        return name;
    }

    /// <summary>Registers a type that is not a DTO with the JSON context.</summary>
    private void Serializable(CSharpType type)
    {
        if (!type.IsNamedType)
        {
            _extraSerializable.Add(type.TypeOfSpelling);
        }
    }

    void IPlanRegistry.Warn(string message, string pointer) => Warn(message, pointer);

    void IPlanRegistry.Serializable(CSharpType type) => Serializable(type);

    string IPlanRegistry.AddValidator(string name, TypeUse use) => AddValidator(name, use);

    IReadOnlyList<Credential> IPlanRegistry.Credentials => Credentials;

    /// <summary>One client method: its doc comment, signature, checks, request and response.</summary>
    private void EmitMethod(SourceWriter writer, MethodPlan plan)
    {
        var stream = plan.Response.Kind == ResponseKind.EventStream;
        EmitMethodDocs(writer, plan);
        writer.Open($"public async {ReturnType(plan.Response)} {plan.Name}({string.Join(", ", Signature(plan, stream))})");
        EmitArgumentChecks(writer, plan);
        EmitPathAndQuery(writer, plan);
        writer.Line($"using var request = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod({CSharpSyntax.Literal(plan.Operation.Method)}), {Helpers}.CombineUri(BaseAddress, path));");
        foreach (var mediaType in plan.Response.Accept)
        {
            // The well-known ones always parse; a media type from the spec may not.
            writer.Line(plan.Response.Kind is ResponseKind.Json or ResponseKind.EventStream
                ? $"request.Headers.Accept.ParseAdd({CSharpSyntax.Literal(mediaType)});"
                : $"request.Headers.Accept.TryParseAdd({CSharpSyntax.Literal(mediaType)});");
        }

        EmitHeaders(writer, plan);
        EmitSecurity(writer, plan.Security);
        if (plan.Body is not null)
        {
            EmitBody(writer, plan.Body, plan.Operation);
        }

        EmitResponse(writer, plan);
    }

    private static string ReturnType(ResponsePlan response)
    {
        var nullable = response.EmptyStatuses.Count > 0 ? "?" : string.Empty;
        return response.Kind switch
        {
            ResponseKind.EventStream => $"global::System.Collections.Generic.IAsyncEnumerable<{response.Type!.Value.Name}>",
            ResponseKind.Json => $"global::System.Threading.Tasks.Task<{(nullable.Length > 0 ? response.Type!.Value.Name + "?" : response.Type!.Value.Annotated)}>",
            ResponseKind.Text => $"global::System.Threading.Tasks.Task<string{nullable}>",
            ResponseKind.Binary => $"global::System.Threading.Tasks.Task<{Runtime}.ResponseStream{nullable}>",
            _ => "global::System.Threading.Tasks.Task",
        };
    }

    private static IEnumerable<string> Signature(MethodPlan plan, bool stream)
    {
        foreach (var parameter in plan.Parameters)
        {
            yield return parameter.Target == ParameterTarget.Body
                ? parameter.Optional ? $"{parameter.Type.Name}? body = null" : $"{parameter.Type.Name} body"
                : parameter.Optional ? $"{parameter.Type.Name}? {parameter.Name} = default" : $"{parameter.Type.Annotated} {parameter.Name}";
        }

        yield return stream
            ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default"
            : "global::System.Threading.CancellationToken cancellationToken = default";
    }

    private void EmitMethodDocs(SourceWriter writer, MethodPlan plan)
    {
        var response = plan.Response;
        var docs = plan.Docs;
        var remarks = new List<string> { $"<c>{plan.Operation.Method} {CSharpSyntax.XmlText(plan.Operation.Path)}</c>" };
        if (response.Kind == ResponseKind.EventStream)
        {
            remarks.Add("<para>Streams the response's server-sent events as they arrive (<c>text/event-stream</c>).</para>");
        }
        else if (response.Kind == ResponseKind.Binary)
        {
            remarks.Add($"<para>Returns the <c>{CSharpSyntax.XmlText(response.Media!.MediaType)}</c> body as it arrives, unbuffered and not capped by MaxResponseBytes: dispose the stream to release the connection.</para>");
        }

        if (response.EmptyStatuses.Count > 0)
        {
            remarks.Add($"<para>Returns null for {string.Join(", ", response.EmptyStatuses)}, which the contract lists without a body.</para>");
        }

        if (docs.SentMediaType is { } sent)
        {
            var accepted = docs.AlsoAccepted.Select(c =>
                "<c>" + CSharpSyntax.XmlText(c.MediaType) + "</c>" + (c.Method is { } other ? $" (<see cref=\"{other}\"/>)" : string.Empty));
            remarks.Add($"<para>Sends <c>{CSharpSyntax.XmlText(sent)}</c>; the contract also accepts {string.Join(", ", accepted)}.</para>");
        }

        remarks.AddRange(SentByItself(plan));
        if (docs.Description is { } more)
        {
            remarks.Add("<para>" + CSharpSyntax.XmlText(more) + "</para>");
        }

        CSharpSyntax.WriteSummary(writer, docs.Summary, remarks);
        foreach (var parameter in plan.Parameters)
        {
            var description = parameter.Description is null ? string.Empty : CSharpSyntax.XmlText(parameter.Description);
            if (parameter.Target == ParameterTarget.Body)
            {
                description = parameter.Description is null ? "The request body." : description;
                description += plan.Body!.Kind == BodyKind.Binary ? " Read from its current position when the request is sent; the stream stays yours to dispose." : string.Empty;
            }

            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{description}</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line($"/// <exception cref=\"{Runtime}.ApiException\">The server answered with a status the contract does not list as success, or with a body the client cannot read (not the declared JSON, or over the options' MaxResponseBytes or MaxResponseDepth).</exception>");
        if (plan.ObsoleteMessage is { } obsolete)
        {
            writer.Line($"[global::System.Obsolete({CSharpSyntax.Literal(obsolete)})]");
        }
    }

    /// <summary>Path strings must not be empty; required reference-type bodies and form fields must not be null.</summary>
    private static void EmitArgumentChecks(SourceWriter writer, MethodPlan plan)
    {
        foreach (var parameter in plan.Parameters.Where(p => p.Target == ParameterTarget.Path && p.IsString))
        {
            writer.Line($"global::System.ArgumentException.ThrowIfNullOrEmpty({parameter.Name});");
        }

        if (plan.Body is { Kind: not (BodyKind.Multipart or BodyKind.Form), Required: true } body && (body.Kind != BodyKind.Json || !body.Type!.Value.IsValueType))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        foreach (var field in plan.Body?.Fields.Where(f => f.Required && !f.Type.IsNullable && !f.Type.IsValueType) ?? [])
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({field.ParameterName});");
        }
    }

    private const string Send = "await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);";

    /// <summary>Sends the request and reads the success response by its kind; error statuses throw (see <see cref="EmitErrors"/>).</summary>
    private void EmitResponse(SourceWriter writer, MethodPlan plan)
    {
        var response = plan.Response;
        if (response.Kind == ResponseKind.Binary)
        {
            // The stream returned owns the response; every other way out disposes it.
            writer.Line("var response = " + Send);
            writer.Open("try");
            writer.Line("var status = (int)response.StatusCode;");
            writer.Open("if (status >= 200 && status < 300)");
            EmitEmptyStatuses(writer, response.EmptyStatuses, dispose: true);
            writer.Line($"return await {Helpers}.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);");
            writer.Close();
            EmitErrors(writer, response);
            writer.Close();
            writer.Open("catch");
            writer.Line("response.Dispose();");
            writer.Line("throw;");
            writer.Close();
            writer.Close();
            return;
        }

        writer.Line("using var response = " + Send);
        writer.Line("var status = (int)response.StatusCode;");
        writer.Open("if (status >= 200 && status < 300)");
        var operationId = CSharpSyntax.Literal(plan.Operation.OperationId);
        switch (response.Kind)
        {
            case ResponseKind.EventStream:
                var eventTypeInfo = TypeInfo(response.Type!.Value with { IsNullable = false });
                writer.Line($"var validation = new {Runtime}.EventValidation({_names.ClientName}Schemas.{response.Validator}, _options.ResponseValidation, {operationId}, _options.OnContractViolation, ContractLogger);");
                writer.Open($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({Helpers}.ReadServerSentEventsAsync(response, {eventTypeInfo}, validation, ResponseLimits, cancellationToken), false))");
                writer.Line("yield return item;");
                writer.Close();
                writer.Line();
                writer.Line("yield break;");
                break;
            case ResponseKind.Json:
                EmitEmptyStatuses(writer, response.EmptyStatuses, dispose: false);
                writer.Line($"var responseBytes = await {Helpers}.ReadBodyAsync(response, ResponseLimits, cancellationToken).ConfigureAwait(false);");
                writer.Line($"{Runtime}.ContractViolation? violation = null;");
                writer.Open("if (_options.ResponseValidation != " + Runtime + ".ContractValidationMode.Off)");
                writer.Line($"violation = {Runtime}.ContractValidation.Check({_names.ClientName}Schemas.{response.Validator}, responseBytes, {Runtime}.Validation.ValidationDirection.Response, _options.ResponseValidation, {operationId}, status, _options.OnContractViolation, ContractLogger);");
                writer.Close();
                writer.Line($"return {Helpers}.DeserializeJson(response, responseBytes, {TypeInfo(response.Type!.Value)}, violation, ResponseLimits);");
                break;
            case ResponseKind.Text:
                EmitEmptyStatuses(writer, response.EmptyStatuses, dispose: false);
                writer.Line($"return await {Helpers}.ReadTextAsync(response, ResponseLimits, cancellationToken).ConfigureAwait(false);");
                break;
            default:
                writer.Line("return;");
                break;
        }

        writer.Close();
        EmitErrors(writer, response);
        writer.Close();
    }

    /// <summary>The options' caps on what a response may make the client read (see <c>ResponseLimits</c> in the runtime).</summary>
    private static void EmitResponseLimitOptions(SourceWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The most bytes of a response body read into memory, 64 MiB by default: a JSON or text body, an error body, each");
        writer.Line($"/// server-sent event. A larger one is an <see cref=\"{Runtime}.ApiException\"/>, read no further than this (a larger");
        writer.Line("/// Content-Length: not read at all). A binary response is returned as a stream, not read: take from it what you need.");
        writer.Line("/// </summary>");
        writer.Line($"public long MaxResponseBytes {{ get; set; }} = {Runtime}.ResponseLimits.DefaultMaxBytes;");
        writer.Line();
        writer.Line($"/// <summary>The deepest nesting of a JSON response (a body, an event, an error model) read, 64 by default; deeper is an <see cref=\"{Runtime}.ApiException\"/>.</summary>");
        writer.Line($"public int MaxResponseDepth {{ get; set; }} = {Runtime}.ResponseLimits.DefaultMaxDepth;");
    }

    private static void EmitEmptyStatuses(SourceWriter writer, IReadOnlyList<string> statuses, bool dispose)
    {
        if (statuses.Count == 0)
        {
            return;
        }

        writer.Open($"if ({string.Join(" || ", statuses.Select(s => "status == " + s))})");
        if (dispose)
        {
            writer.Line("response.Dispose();");
        }

        writer.Line("return null;");
        writer.Close();
    }

    /// <summary>A value as it goes into a path, query or header: strings as they are, anything else formatted.</summary>
    private static string WireValue(ParameterPlan parameter) =>
        parameter.IsString ? parameter.Name : $"{Helpers}.FormatValue({parameter.Name})";

    private string TypeInfo(CSharpType type) =>
        type.IsNamedType && !type.IsNullable
            ? $"{_names.JsonContextName}.Default.{type.Name}"
            : $"(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type.Annotated}>){_names.JsonContextName}.Default.GetTypeInfo(typeof({type.TypeOfSpelling}))!";
}
