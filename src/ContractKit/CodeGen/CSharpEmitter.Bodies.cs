using ContractKit.CodeGen.Planning;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>
/// Request bodies, one writer per <see cref="BodyKind"/>: JSON (serialized once, validated, sent), multipart and
/// URL-encoded forms (one part or field per property), binary streams and text. The planner chose the kind.
/// </summary>
public sealed partial class CSharpEmitter
{
    private void EmitBody(SourceWriter writer, RequestBodyPlan body, Operation operation)
    {
        if (body.Kind is BodyKind.Multipart or BodyKind.Form)
        {
            EmitFormBody(writer, body);
            return;
        }

        if (!body.Required)
        {
            writer.Open("if (body is not null)");
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                // Serialized once: the same bytes are validated against the contract and sent.
                var serialize = $"global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, {TypeInfo(body.Type!.Value)})";
                writer.Line($"var bodyBytes = {(body.SetsStreamFlag ? $"{Helpers}.WithStreamFlag({serialize})" : serialize)};");
                writer.Open("if (_options.RequestValidation != " + Runtime + ".ContractValidationMode.Off)");
                writer.Line($"{Runtime}.ContractValidation.Check({_names.ClientName}Schemas.{body.Validator}, bodyBytes, {Runtime}.Validation.ValidationDirection.Request, _options.RequestValidation, {CSharpSyntax.Literal(operation.OperationId)}, null, _options.OnContractViolation, ContractLogger);");
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

        if (!body.Required)
        {
            writer.Close();
        }
    }

    /// <summary>The body statements of a multipart or URL-encoded request: one part (or field) per property, in schema order.</summary>
    private void EmitFormBody(SourceWriter writer, RequestBodyPlan plan)
    {
        var multipart = plan.Kind == BodyKind.Multipart;
        writer.Line(multipart
            ? "var content = new global::System.Net.Http.MultipartFormDataContent();"
            : "var content = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        foreach (var field in plan.Fields)
        {
            var name = CSharpSyntax.Literal(field.Property.JsonName);
            var contentType = field.ContentType is null ? "null" : CSharpSyntax.Literal(field.ContentType);
            var guarded = field.Type.IsNullable;
            if (guarded)
            {
                writer.Open($"if ({field.ParameterName} is not null)");
            }

            var value = field.Type.IsValueType && field.Type.IsNullable ? field.ParameterName + ".Value" : field.ParameterName;
            if (field.Files == FileShape.Single)
            {
                writer.Line($"{Helpers}.AddFilePart(content, {name}, {value}, {contentType});");
            }
            else if (field.Files == FileShape.Many || field.Value!.EachItem)
            {
                // Files, or an array: one part per item, all with the field's name.
                writer.Open($"foreach (var item in {value})");
                writer.Line(field.Files == FileShape.Many ? $"{Helpers}.AddFilePart(content, {name}, item, {contentType});" : PartOrField(field, "item", name, contentType, multipart));
                writer.Close();
            }
            else
            {
                writer.Line(PartOrField(field, value, name, contentType, multipart));
            }

            if (guarded)
            {
                writer.Close();
            }
        }

        writer.Line(multipart ? "request.Content = content;" : "request.Content = new global::System.Net.Http.FormUrlEncodedContent(content);");
    }

    /// <summary>One multipart part or URL-encoded field for a value, as the plan says: text, formatted text, or JSON.</summary>
    private string PartOrField(FormField field, string value, string name, string contentType, bool multipart)
    {
        var plan = field.Value!;
        if (multipart)
        {
            return plan.Kind switch
            {
                FormValueKind.Text => $"{Helpers}.AddTextPart(content, {name}, {value}, {contentType});",
                FormValueKind.FormattedText => $"{Helpers}.AddTextPart(content, {name}, {Helpers}.FormatValue({value}), null);",
                _ => $"{Helpers}.AddJsonPart(content, {name}, {value}, {TypeInfo(plan.Type)}, {contentType});",
            };
        }

        return plan.Kind switch
        {
            FormValueKind.Text => $"{Helpers}.AddFormField(content, {name}, {value});",
            FormValueKind.FormattedText => $"{Helpers}.AddFormField(content, {name}, {Helpers}.FormatValue({value}));",
            _ => $"{Helpers}.AddFormField(content, {name}, {value}, {TypeInfo(plan.Type)}, {(field.Style is null ? "null" : CSharpSyntax.Literal(field.Style))}, {(field.Explode ? "true" : "false")});",
        };
    }
}
