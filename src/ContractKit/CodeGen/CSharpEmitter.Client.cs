using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>The typed client and its options.</summary>
public sealed partial class CSharpEmitter
{
    private const string Helpers = Runtime + ".ApiClientHelpers";

    /// <summary>One credential the options class offers, and the scheme it answers.</summary>
    private sealed record Credential(SecurityScheme Scheme, string PropertyName, string Kind);

    private IReadOnlyList<Credential>? _credentials;


    private IReadOnlyList<Credential> Credentials => _credentials ??= BuildCredentials();

    private List<Credential> BuildCredentials()
    {
        var result = new List<Credential>();
        var bearerLike = _model.SecuritySchemes.Where(IsBearerLike).ToList();
        var apiKeys = _model.SecuritySchemes.Where(s => s.Kind == SecuritySchemeKind.ApiKey && s.ParameterName is not null && s.In != ParameterLocation.Cookie).ToList();
        var names = new UniqueNames(["BaseAddress"]);
        foreach (var scheme in _model.SecuritySchemes)
        {
            if (IsBearerLike(scheme))
            {
                var name = bearerLike.Count == 1 ? "BearerToken" : CSharpSyntax.Pascal(scheme.Name) + "Token";
                result.Add(new Credential(scheme, names.Claim(name), "bearer"));
            }
            else if (apiKeys.Contains(scheme))
            {
                var name = apiKeys.Count == 1 ? "ApiKey" : CSharpSyntax.Pascal(scheme.Name) + "ApiKey";
                result.Add(new Credential(scheme, names.Claim(name), "apiKey"));
            }
            else
            {
                Warn($"security scheme '{scheme.Name}' ({scheme.Kind} {scheme.HttpScheme}) is not supported by the generated client yet; set the credential with a DelegatingHandler", "#/components/securitySchemes/" + JsonPointer.Escape(scheme.Name));
            }
        }

        return result;
    }

    /// <summary>Registers a body schema for the schemas file; returns its property name there.</summary>
    private string AddValidator(string name, TypeUse use)
    {
        if (_validatorNames.Add(name))
        {
            _validators.Add((name, use));
        }

        return name;
    }

    private static bool IsBearerLike(SecurityScheme scheme) =>
        scheme.Kind is SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect ||
        (scheme.Kind == SecuritySchemeKind.Http && scheme.HttpScheme == "bearer");

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

    private void EmitQueryParameter(SourceWriter writer, Operation operation, Parameter parameter)
    {
        var name = _names.Parameter(operation, parameter);
        var type = _types.Map(parameter.Type);
        var literal = CSharpSyntax.Literal(parameter.Name);
        var isArray = parameter.Type.Type is ArrayRef ||
            (parameter.Type.Type is NamedRef named && _types.TryDefinition(named.TypeId, out var definition) && definition is ArrayType);
        var optional = !parameter.Required || type.IsNullable || !type.IsValueType;
        if (optional)
        {
            writer.Open($"if ({name} is not null)");
        }

        if (isArray)
        {
            // OpenAPI's default for query arrays is form style, exploded: name=a&name=b.
            if (parameter.Explode || parameter.Style is null)
            {
                writer.Open($"foreach (var item in {name})");
                writer.Line($"{Helpers}.AppendQuery(query, {literal}, {Helpers}.FormatValue(item));");
                writer.Close();
            }
            else
            {
                var separator = parameter.Style switch { "spacedelimited" => " ", "pipedelimited" => "|", _ => "," };
                writer.Line($"{Helpers}.AppendQuery(query, {literal}, string.Join({CSharpSyntax.Literal(separator)}, global::System.Linq.Enumerable.Select({name}, item => {Helpers}.FormatValue(item))));");
            }
        }
        else
        {
            var value = type.Name == "string" ? name : $"{Helpers}.FormatValue({name})";
            writer.Line($"{Helpers}.AppendQuery(query, {literal}, {value});");
        }

        if (optional)
        {
            writer.Close();
        }
    }

    private string PathExpression(Operation operation, List<Parameter> pathParameters)
    {
        var pieces = new List<string>();
        var last = 0;
        foreach (Match match in Regex.Matches(operation.Path, @"\{([^}]+)\}"))
        {
            if (match.Index > last)
            {
                pieces.Add(CSharpSyntax.Literal(operation.Path[last..match.Index]));
            }

            var parameter = pathParameters.FirstOrDefault(p => p.Name == match.Groups[1].Value);
            if (parameter is null)
            {
                Warn($"{operation.OperationId}: path template names '{match.Groups[1].Value}', which is not a declared path parameter; it is sent literally", JsonPointer.Append("#/paths", operation.Path));
                pieces.Add(CSharpSyntax.Literal(match.Value));
            }
            else
            {
                var name = _names.Parameter(operation, parameter);
                var value = _types.Map(parameter.Type).Name == "string" ? name : $"{Helpers}.FormatValue({name})";
                pieces.Add($"{Helpers}.EscapePathSegment({value})");
            }

            last = match.Index + match.Length;
        }

        if (last < operation.Path.Length)
        {
            pieces.Add(CSharpSyntax.Literal(operation.Path[last..]));
        }

        return pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces);
    }

    private bool Applies(Operation operation, Credential credential) =>
        operation.Security.Any(r => r.Schemes.Any(s => s.SchemeName == credential.Scheme.Name));

    /// <summary>
    /// Security: the first alternative whose credentials are all set is applied; an operation whose requirements
    /// are empty (public) gets none.
    /// </summary>
    private void EmitSecurity(SourceWriter writer, Operation operation)
    {
        var first = true;
        foreach (var requirement in operation.Security)
        {
            var credentials = requirement.Schemes
                .Select(s => Credentials.FirstOrDefault(c => c.Scheme.Name == s.SchemeName))
                .ToList();
            if (credentials.Count == 0 || credentials.Any(c => c is null) || credentials.All(c => c!.Kind == "apiKey" && c.Scheme.In == ParameterLocation.Query))
            {
                continue;
            }

            var condition = string.Join(" && ", credentials.Select(c => $"_options.{c!.PropertyName} is not null"));
            writer.Open($"{(first ? "if" : "else if")} ({condition})");
            foreach (var credential in credentials)
            {
                if (credential!.Kind == "bearer")
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

    private void EmitErrors(SourceWriter writer, Operation operation)
    {
        foreach (var response in operation.Responses.Where(r => !r.IsSuccess && r.StatusCode != "default"))
        {
            if (ErrorType(response) is not { } errorType)
            {
                continue;
            }

            var condition = response.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) && int.TryParse(response.StatusCode[..1], out var range)
                ? $"status / 100 == {range}"
                : $"status == {response.StatusCode}";
            writer.Open($"if ({condition})");
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(errorType)}, cancellationToken).ConfigureAwait(false);");
            writer.Close();
        }

        var fallback = operation.Responses.FirstOrDefault(r => r.StatusCode == "default");
        if (fallback is not null && ErrorType(fallback) is { } defaultType)
        {
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(defaultType)}, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, cancellationToken).ConfigureAwait(false);");
        }
    }

    private CSharpType? ErrorType(Response response)
    {
        var json = response.Content.FirstOrDefault(c => IsJson(c.MediaType) && c.Schema is not null);
        if (json?.Schema is null)
        {
            return null;
        }

        var type = _types.Map(json.Schema);
        if (!type.IsNamedType)
        {
            _extraSerializable.Add(type.TypeOfSpelling);
        }

        return type;
    }

    private string TypeInfo(CSharpType type) =>
        type.IsNamedType && !type.IsNullable
            ? $"{_names.JsonContextName}.Default.{type.Name}"
            : $"(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type.Annotated}>){_names.JsonContextName}.Default.GetTypeInfo(typeof({type.TypeOfSpelling}))!";

    /// <summary>JSON, or <c>*/*</c>: a spec that accepts anything gets JSON from a JSON client.</summary>
    private static bool IsJson(string mediaType) => MediaTypes.IsJson(mediaType) || mediaType.Trim() == "*/*";
}
