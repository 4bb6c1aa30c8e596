using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Runtime;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>Request bodies: which media type each method sends, and the fields of form bodies.</summary>
internal sealed partial class OperationPlanner
{
    private const string FilePartType = "global::ContractKit.Runtime.FilePart";
    private const string FilePartList = "global::System.Collections.Generic.IEnumerable<" + FilePartType + ">";

    /// <summary>
    /// Chooses the request media type: JSON, else <c>multipart/form-data</c>, else URL-encoded form, else binary, else text
    /// (multipart before JSON when the JSON schema has binary fields, which JSON cannot carry). JSON, multipart and form
    /// bodies the main method does not send get a method of their own (<c>…MultipartAsync</c>, ...): the alternates.
    /// </summary>
    private (RequestBodyPlan Main, IReadOnlyList<RequestBodyPlan> Alternates) PlanRequestBodies(Operation operation, string pointer)
    {
        var requestBody = operation.RequestBody!;
        var content = requestBody.Content;
        var plans = new List<(RequestBodyPlan Plan, string? Problem)>();
        var json = content.FirstOrDefault(c => MediaClassifier.IsJson(c.MediaType) && c.Schema is not null && FileShapeOf(c.Schema) == FileShape.None);
        if (json is not null)
        {
            var type = types.Map(json.Schema!);
            registry.Serializable(type);
            plans.Add((new RequestBodyPlan(BodyKind.Json, json, type, [], requestBody.Required), null));
        }

        foreach (var kind in new[] { BodyKind.Multipart, BodyKind.Form })
        {
            var form = content.FirstOrDefault(c => kind == BodyKind.Multipart ? MediaClassifier.IsMultipart(c.MediaType) : MediaClassifier.IsFormUrlEncoded(c.MediaType));
            if (form is null)
            {
                continue;
            }

            var mediaPointer = JsonPointer.Append(pointer + "/requestBody/content", form.MediaType);
            plans.Add(form.Schema is not null && ObjectOf(form.Schema) is { } obj
                ? (new RequestBodyPlan(kind, form, null, FormFields(operation, obj, form, kind), requestBody.Required), null)
                : (new RequestBodyPlan(BodyKind.Raw, form, null, [], requestBody.Required), mediaPointer));
        }

        if (plans.Count > 1 && plans[0].Plan.Kind == BodyKind.Json && plans[1].Plan.Kind == BodyKind.Multipart &&
            ObjectOf(json!.Schema!) is { } jsonObject && jsonObject.Properties.Any(p => FileShapeOf(p.Type) != FileShape.None))
        {
            (plans[0], plans[1]) = (plans[1], plans[0]);
        }

        if (plans.Count > 0)
        {
            var main = plans[0].Plan;
            foreach (var (plan, problem) in plans.Where(p => p.Problem is not null))
            {
                var what = plan == main ? "the method takes the body as HttpContent" : $"only the {main.Media!.MediaType} body gets a method";
                registry.Warn($"{operation.OperationId}: the {plan.Media!.MediaType} body's schema is not an object with properties, so its fields cannot be typed; {what}", problem + "/schema");
            }

            return (main, plans.Skip(1).Where(p => p.Problem is null).Select(p => p.Plan).ToList());
        }

        return (PlanOtherBody(operation, pointer), []);
    }

    /// <summary>A body that is neither JSON nor a form: binary, else text, else an HttpContent the caller builds.</summary>
    private RequestBodyPlan PlanOtherBody(Operation operation, string pointer)
    {
        var requestBody = operation.RequestBody!;
        var content = requestBody.Content;
        var text = content.FirstOrDefault(c => MediaClassifier.IsText(c.MediaType) && (c.Schema is null || FileShapeOf(c.Schema) == FileShape.None));
        var binary = content.FirstOrDefault(c => !MediaClassifier.IsJson(c.MediaType) && !MediaClassifier.IsForm(c.MediaType) && c != text);
        if (binary is not null)
        {
            if (MediaClassifier.IsWildcard(binary.MediaType))
            {
                registry.Warn($"{operation.OperationId}: the request media type {binary.MediaType} names no concrete type; the body is sent as application/octet-stream", JsonPointer.Append(pointer + "/requestBody/content", binary.MediaType));
            }

            return new RequestBodyPlan(BodyKind.Binary, binary, null, [], requestBody.Required);
        }

        if (text is not null)
        {
            return new RequestBodyPlan(BodyKind.Text, text, null, [], requestBody.Required);
        }

        registry.Warn($"{operation.OperationId}: request body media types ({string.Join(", ", content.Select(c => c.MediaType))}) are not supported; the method takes the body as HttpContent", pointer + "/requestBody");
        return new RequestBodyPlan(BodyKind.Raw, null, null, [], requestBody.Required);
    }

    /// <summary>The suffix of an alternate body's method: <c>CreateImageEditMultipartAsync</c>.</summary>
    private static string AlternateSuffix(BodyKind kind) => kind switch
    {
        BodyKind.Json => "Json",
        BodyKind.Multipart => "Multipart",
        _ => "Form",
    };

    private List<FormField> FormFields(Operation operation, ObjectType obj, MediaContent media, BodyKind kind)
    {
        var fields = new List<FormField>();
        foreach (var property in obj.Properties.Where(p => !p.ReadOnly))
        {
            var encoding = media.Encoding.FirstOrDefault(e => e.PropertyName == property.JsonName);
            var files = FileShapeOf(property.Type, out var partial);
            var propertyPointer = JsonPointer.Append(obj.Id + "/properties", property.JsonName);
            if (partial)
            {
                registry.Warn($"{operation.OperationId}: multipart field '{property.JsonName}' is a file or another kind of value (oneOf/anyOf); the method takes only files for it", propertyPointer);
            }

            if (kind == BodyKind.Form && files != FileShape.None)
            {
                registry.Warn($"{operation.OperationId}: form field '{property.JsonName}' is binary, which application/x-www-form-urlencoded cannot carry; it is left out", propertyPointer);
                continue;
            }

            // A field is a required parameter only when the body is required too.
            var required = property.Required && operation.RequestBody!.Required;
            var nullable = !required || property.Type.Nullable;
            var (type, value) = files switch
            {
                FileShape.Single => (new CSharpType(FilePartType, false, nullable), null),
                FileShape.Many => (new CSharpType(FilePartList, false, nullable), null),

                // Optional fields are nullable parameters with a default, whatever the schema says about null.
                _ => FieldValue(property.Type, required, kind, encoding?.ContentType),
            };
            var style = encoding?.Style;
            fields.Add(new FormField(
                property,
                names.FormField(operation, property.JsonName),
                type,
                required,
                files,
                encoding?.ContentType,
                value,
                style,
                encoding?.Explode ?? (style is null or "form")));
        }

        return fields;
    }

    /// <summary>
    /// A field that is not a file: its parameter type, and how its value is written. Multipart: strings and numbers as
    /// text parts, arrays one part per item (unless the part is JSON), anything else as a JSON part. URL-encoded: strings
    /// and numbers as they are, anything else spread by the field's style.
    /// </summary>
    private (CSharpType Type, FormValue Value) FieldValue(TypeUse use, bool required, BodyKind kind, string? contentType)
    {
        var type = types.Map(use);
        type = type with { IsNullable = type.IsNullable || !required };
        var jsonPart = contentType is not null && MediaClassifier.IsJsonContentType(contentType);
        if (kind == BodyKind.Multipart && ArrayItems(use) is { } items && !jsonPart)
        {
            var item = types.Map(items);
            return (type, new FormValue(PartKind(item, contentType, jsonPart), item, EachItem: true));
        }

        var nonNull = type with { IsNullable = false };
        if (kind == BodyKind.Multipart)
        {
            return (type, new FormValue(PartKind(nonNull, contentType, jsonPart), nonNull, EachItem: false));
        }

        var valueKind = nonNull.Name == "string" ? FormValueKind.Text : IsPlainScalar(nonNull) ? FormValueKind.FormattedText : FormValueKind.Json;
        if (valueKind == FormValueKind.Json)
        {
            registry.Serializable(nonNull);
        }

        return (type, new FormValue(valueKind, nonNull, EachItem: false));
    }

    /// <summary>One multipart part: strings and numbers as text, anything else through JSON.</summary>
    private FormValueKind PartKind(CSharpType type, string? contentType, bool jsonPart)
    {
        if (type.Name == "string" && !type.IsNullable && !jsonPart)
        {
            return FormValueKind.Text;
        }

        if (IsPlainScalar(type) && !type.IsNullable && contentType is null)
        {
            return FormValueKind.FormattedText;
        }

        registry.Serializable(type);
        return FormValueKind.Json;
    }

    /// <summary>Strings, numbers and booleans: written as text without JSON.</summary>
    private static bool IsPlainScalar(CSharpType type) =>
        type.Name is "string" or "bool" or "int" or "long" or "uint" or "ulong" or "double" or "float" or "decimal";
}
