using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>The typed client: one method per operation (see also Credentials, Parameters, Errors, Bodies).</summary>
public sealed partial class CSharpEmitter
{
    private const string Helpers = Runtime + ".ApiClientHelpers";

    /// <summary>Registers a body schema for the schemas file; returns its property name there.</summary>
    private string AddValidator(string name, TypeUse use)
    {
        if (_validatorNames.Add(name))
        {
            _validators.Add((name, use));
        }

        return name;
    }

    private static string OperationPointer(Operation operation) =>
        JsonPointer.Append(JsonPointer.Append("#/paths", operation.Path), operation.Method.ToLowerInvariant());

    /// <summary>
    /// One client method sending <paramref name="body"/>; with <paramref name="stream"/>, the <c>…StreamAsync</c>
    /// variant that yields the server-sent events of that media type as they arrive. <paramref name="others"/>: the
    /// methods that send the operation's other media types, for the remarks.
    /// </summary>
    private void EmitOperation(SourceWriter writer, Operation operation, BodyPlan? body, MediaContent? stream, string method, IReadOnlyList<(BodyPlan Plan, string Method)> others)
    {
        var pointer = OperationPointer(operation);
        var bodyRequired = operation.RequestBody?.Required ?? false;
        var bodyType = body?.Type;

        // Success: JSON is typed, text is a string, anything else a stream; the stream variant yields events.
        var success = operation.Responses.Where(r => r.IsSuccess).ToList();
        var (responseKind, successBody) = stream is null ? PlanResponse(success) : (ResponseKind.Json, stream);
        CSharpType? returnType = null;
        if (responseKind == ResponseKind.Json)
        {
            returnType = _types.Map(successBody!.Schema!);
            Serializable(returnType.Value);
        }

        // Success statuses listed without a body next to one with a body (204 beside 200): the method returns null for them.
        var emptyStatuses = stream is null && responseKind != ResponseKind.None
            ? success.Where(r => r.Content.Count == 0 && r.StatusCode.All(char.IsAsciiDigit)).Select(r => r.StatusCode).ToList()
            : [];

        // Parameters: path ones in template order, then required ones, then the body (or the form's required fields,
        // then its optional ones), then optional ones.
        var pathOrder = Regex.Matches(operation.Path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();
        var supported = MethodParameters(operation);
        foreach (var cookie in operation.Parameters.Where(p => p.In == ParameterLocation.Cookie))
        {
            Warn($"{operation.OperationId}: cookie parameter '{cookie.Name}' is not sent by the generated client yet", pointer);
        }

        var pathParameters = supported.Where(p => p.In == ParameterLocation.Path).OrderBy(p => pathOrder.IndexOf(p.Name) is var i && i < 0 ? int.MaxValue : i).ToList();
        var requiredOthers = supported.Where(p => p.In != ParameterLocation.Path && p.Required).ToList();
        var optionalOthers = supported.Where(p => p.In != ParameterLocation.Path && !p.Required).ToList();

        var signature = new List<string>();
        var docs = new List<string>();
        void AddParameter(Parameter parameter, bool optional)
        {
            var type = _types.Map(parameter.Type);
            var name = _names.Parameter(operation, parameter);
            signature.Add(optional ? $"{type.Name}? {name} = default" : $"{type.Annotated} {name}");
            var description = parameter.Description is null ? string.Empty : CSharpSyntax.XmlText(parameter.Description);
            docs.Add($"/// <param name=\"{name.TrimStart('@')}\">{description}</param>");
        }

        void AddField(FormField field)
        {
            signature.Add(field.Required ? $"{field.Type.Annotated} {field.ParameterName}" : $"{field.Type.Name}? {field.ParameterName} = default");
            var description = field.Property.Description is null ? string.Empty : CSharpSyntax.XmlText(field.Property.Description);
            docs.Add($"/// <param name=\"{field.ParameterName.TrimStart('@')}\">{description}</param>");
        }

        pathParameters.ForEach(p => AddParameter(p, optional: false));
        requiredOthers.ForEach(p => AddParameter(p, optional: false));
        if (body is { Kind: BodyKind.Multipart or BodyKind.Form })
        {
            body.Fields.Where(f => f.Required).ToList().ForEach(AddField);
            body.Fields.Where(f => !f.Required).ToList().ForEach(AddField);
        }
        else if (body is not null)
        {
            var spelling = body.Kind switch
            {
                BodyKind.Json => bodyType!.Value.Name,
                BodyKind.Binary => "global::System.IO.Stream",
                BodyKind.Text => "string",
                _ => "global::System.Net.Http.HttpContent",
            };
            signature.Add(bodyRequired ? $"{spelling} body" : $"{spelling}? body = null");
            var bodyDescription = operation.RequestBody!.Description is null ? "The request body." : CSharpSyntax.XmlText(operation.RequestBody.Description);
            if (body.Kind == BodyKind.Binary)
            {
                bodyDescription += " Read from its current position when the request is sent; the stream stays yours to dispose.";
            }

            docs.Add($"/// <param name=\"body\">{bodyDescription}</param>");
        }

        optionalOthers.ForEach(p => AddParameter(p, optional: true));
        signature.Add(stream is null
            ? "global::System.Threading.CancellationToken cancellationToken = default"
            : "[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default");
        docs.Add("/// <param name=\"cancellationToken\">Cancels the request.</param>");

        var nullableResult = emptyStatuses.Count > 0 ? "?" : string.Empty;
        var returns = stream is not null ? $"global::System.Collections.Generic.IAsyncEnumerable<{returnType!.Value.Name}>"
            : responseKind switch
            {
                ResponseKind.Json => $"global::System.Threading.Tasks.Task<{(nullableResult.Length > 0 ? returnType!.Value.Name + "?" : returnType!.Value.Annotated)}>",
                ResponseKind.Text => $"global::System.Threading.Tasks.Task<string{nullableResult}>",
                ResponseKind.Binary => $"global::System.Threading.Tasks.Task<{Runtime}.ResponseStream{nullableResult}>",
                _ => "global::System.Threading.Tasks.Task",
            };

        var remarks = new List<string> { $"<c>{operation.Method} {CSharpSyntax.XmlText(operation.Path)}</c>" };
        if (stream is not null)
        {
            remarks.Add("<para>Streams the response's server-sent events as they arrive (<c>text/event-stream</c>).</para>");
        }
        else if (responseKind == ResponseKind.Binary)
        {
            remarks.Add($"<para>Returns the <c>{CSharpSyntax.XmlText(successBody!.MediaType)}</c> body as it arrives, unbuffered: dispose the stream to release the connection.</para>");
        }

        if (emptyStatuses.Count > 0)
        {
            remarks.Add($"<para>Returns null for {string.Join(", ", emptyStatuses)}, which the contract lists without a body.</para>");
        }

        if (body?.Media is { } sent && operation.RequestBody!.Content.Count > 1)
        {
            var accepted = operation.RequestBody.Content.Where(c => c != sent).Select(c =>
                "<c>" + CSharpSyntax.XmlText(c.MediaType) + "</c>" +
                (others.FirstOrDefault(o => o.Plan.Media == c).Method is { } other ? $" (<see cref=\"{other}\"/>)" : string.Empty));
            remarks.Add($"<para>Sends <c>{CSharpSyntax.XmlText(sent.MediaType)}</c>; the contract also accepts {string.Join(", ", accepted)}.</para>");
        }

        remarks.AddRange(SentByItself(operation, body, stream is not null));
        if (operation.Description is { } description && description != operation.Summary)
        {
            remarks.Add("<para>" + CSharpSyntax.XmlText(description) + "</para>");
        }

        CSharpSyntax.WriteSummary(writer, operation.Summary ?? operation.OperationId, remarks);
        docs.ForEach(d => writer.Line(d));
        writer.Line($"/// <exception cref=\"{Runtime}.ApiException\">The server answered with a status the contract does not list as success.</exception>");
        EmitObsolete(writer, operation);
        writer.Open($"public async {returns} {method}({string.Join(", ", signature)})");

        foreach (var parameter in pathParameters)
        {
            var name = _names.Parameter(operation, parameter);
            if (_types.Map(parameter.Type).Name == "string")
            {
                writer.Line($"global::System.ArgumentException.ThrowIfNullOrEmpty({name});");
            }
        }

        if (body is not null && body.Kind is not (BodyKind.Multipart or BodyKind.Form) && bodyRequired && (body.Kind != BodyKind.Json || !bodyType!.Value.IsValueType))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        foreach (var field in body?.Fields.Where(f => f.Required && !f.Type.IsNullable && !f.Type.IsValueType) ?? [])
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({field.ParameterName});");
        }

        writer.Line($"var path = {PathExpression(operation, pathParameters)};");
        var queryParameters = supported.Where(p => p.In == ParameterLocation.Query).ToList();
        var queryCredentials = Credentials.Where(c => c.Kind == "apiKey" && c.Scheme.In == ParameterLocation.Query && Applies(operation, c)).ToList();
        if (queryParameters.Count > 0 || queryCredentials.Count > 0)
        {
            writer.Line("var query = new global::System.Text.StringBuilder();");
            foreach (var parameter in queryParameters)
            {
                EmitQueryParameter(writer, operation, parameter);
            }

            foreach (var credential in queryCredentials)
            {
                writer.Open($"if (_options.{credential.PropertyName} is {{ }} {CSharpSyntax.Camel(credential.PropertyName)})");
                writer.Line($"{Helpers}.AppendQuery(query, {CSharpSyntax.Literal(credential.Scheme.ParameterName!)}, {CSharpSyntax.Camel(credential.PropertyName)});");
                writer.Close();
            }

            writer.Line("path += query.ToString();");
        }

        writer.Line($"using var request = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod({CSharpSyntax.Literal(operation.Method)}), {Helpers}.CombineUri(BaseAddress, path));");
        if (stream is not null)
        {
            writer.Line("request.Headers.Accept.ParseAdd(\"text/event-stream\");");
        }
        else if (responseKind == ResponseKind.Json)
        {
            writer.Line("request.Headers.Accept.ParseAdd(\"application/json\");");
        }
        else if (responseKind == ResponseKind.Text)
        {
            writer.Line($"request.Headers.Accept.TryParseAdd({CSharpSyntax.Literal(successBody!.MediaType)});");
        }
        else if (responseKind == ResponseKind.Binary)
        {
            var accepted = success.SelectMany(r => r.Content).Select(c => c.MediaType)
                .Where(m => !IsJson(m) && !m.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .DefaultIfEmpty(successBody!.MediaType);
            foreach (var mediaType in accepted)
            {
                writer.Line($"request.Headers.Accept.TryParseAdd({CSharpSyntax.Literal(mediaType)});");
            }
        }

        foreach (var parameter in supported.Where(p => p.In == ParameterLocation.Header))
        {
            var name = _names.Parameter(operation, parameter);
            var type = _types.Map(parameter.Type);
            var value = type.Name == "string" ? name : $"{Helpers}.FormatValue({name})";
            if (parameter.Required && !type.IsNullable && type.IsValueType)
            {
                writer.Line($"request.Headers.TryAddWithoutValidation({CSharpSyntax.Literal(parameter.Name)}, {value});");
            }
            else
            {
                writer.Open($"if ({name} is not null)");
                writer.Line($"request.Headers.TryAddWithoutValidation({CSharpSyntax.Literal(parameter.Name)}, {value});");
                writer.Close();
            }
        }

        EmitConstantHeaders(writer, operation);
        EmitSecurity(writer, operation);
        var mainMethod = _names.Method(operation.OperationId);
        var validatorBase = mainMethod.EndsWith("Async", StringComparison.Ordinal) ? mainMethod[..^5] : mainMethod;
        if (body is { Kind: BodyKind.Multipart or BodyKind.Form })
        {
            EmitFormBody(writer, body);
        }
        else if (body is not null)
        {
            if (!bodyRequired)
            {
                writer.Open("if (body is not null)");
            }

            switch (body.Kind)
            {
                case BodyKind.Json:
                    // Serialized once: the same bytes are validated against the contract and sent.
                    var validator = AddValidator(validatorBase + "Request", body.Media!.Schema!);
                    var serialize = $"global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, {TypeInfo(bodyType!.Value)})";
                    writer.Line($"var bodyBytes = {(stream is not null && HasStreamFlag(body) ? $"{Helpers}.WithStreamFlag({serialize})" : serialize)};");
                    writer.Open("if (_options.RequestValidation != " + Runtime + ".ContractValidationMode.Off)");
                    writer.Line($"{Runtime}.ContractValidation.Check({_names.ClientName}Schemas.{validator}, bodyBytes, {Runtime}.Validation.ValidationDirection.Request, _options.RequestValidation, {CSharpSyntax.Literal(operation.OperationId)}, null, _options.OnContractViolation, ContractLogger);");
                    writer.Close();
                    writer.Line($"request.Content = {Helpers}.CreateJsonContent(bodyBytes);");
                    break;
                case BodyKind.Binary:
                    writer.Line($"request.Content = {Helpers}.CreateStreamContent(body, {CSharpSyntax.Literal(body.Media!.MediaType)});");
                    break;
                case BodyKind.Text:
                    writer.Line($"request.Content = {Helpers}.CreateTextContent(body, {CSharpSyntax.Literal(body.Media!.MediaType)});");
                    break;
                default:
                    writer.Line("request.Content = body;");
                    break;
            }

            if (!bodyRequired)
            {
                writer.Close();
            }
        }

        const string Send = "await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);";
        if (stream is null && responseKind == ResponseKind.Binary)
        {
            // The stream returned owns the response; every other way out disposes it.
            writer.Line("var response = " + Send);
            writer.Open("try");
            writer.Line("var status = (int)response.StatusCode;");
            writer.Open("if (status >= 200 && status < 300)");
            EmitEmptyStatuses(writer, emptyStatuses, dispose: true);
            writer.Line($"return await {Helpers}.ReadStreamAsync(response, cancellationToken).ConfigureAwait(false);");
            writer.Close();
            EmitErrors(writer, operation);
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
        if (stream is not null)
        {
            var eventTypeInfo = TypeInfo(returnType!.Value with { IsNullable = false });
            var eventValidator = AddValidator(validatorBase + "Event", stream.Schema!);
            writer.Line($"var validation = new {Runtime}.EventValidation({_names.ClientName}Schemas.{eventValidator}, _options.ResponseValidation, {CSharpSyntax.Literal(operation.OperationId)}, _options.OnContractViolation, ContractLogger);");
            writer.Open($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({Helpers}.ReadServerSentEventsAsync(response, {eventTypeInfo}, validation, cancellationToken), false))");
            writer.Line("yield return item;");
            writer.Close();
            writer.Line();
            writer.Line("yield break;");
        }
        else if (responseKind == ResponseKind.Json)
        {
            EmitEmptyStatuses(writer, emptyStatuses, dispose: false);
            var validator = AddValidator(validatorBase + "Response", successBody!.Schema!);
            writer.Line("var responseBytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);");
            writer.Line($"{Runtime}.ContractViolation? violation = null;");
            writer.Open("if (_options.ResponseValidation != " + Runtime + ".ContractValidationMode.Off)");
            writer.Line($"violation = {Runtime}.ContractValidation.Check({_names.ClientName}Schemas.{validator}, responseBytes, {Runtime}.Validation.ValidationDirection.Response, _options.ResponseValidation, {CSharpSyntax.Literal(operation.OperationId)}, status, _options.OnContractViolation, ContractLogger);");
            writer.Close();
            writer.Line($"return {Helpers}.DeserializeJson(response, responseBytes, {TypeInfo(returnType!.Value)}, violation);");
        }
        else if (responseKind == ResponseKind.Text)
        {
            EmitEmptyStatuses(writer, emptyStatuses, dispose: false);
            writer.Line("return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            writer.Line("return;");
        }

        writer.Close();
        EmitErrors(writer, operation);
        writer.Close();
    }

    private static void EmitEmptyStatuses(SourceWriter writer, List<string> statuses, bool dispose)
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

    private string TypeInfo(CSharpType type) =>
        type.IsNamedType && !type.IsNullable
            ? $"{_names.JsonContextName}.Default.{type.Name}"
            : $"(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type.Annotated}>){_names.JsonContextName}.Default.GetTypeInfo(typeof({type.TypeOfSpelling}))!";

    /// <summary>JSON, or <c>*/*</c>: a spec that accepts anything gets JSON from a JSON client.</summary>
    private static bool IsJson(string mediaType) => MediaTypes.IsJson(mediaType) || mediaType.Trim() == "*/*";
}
