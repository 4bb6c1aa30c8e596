using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>
/// Request and response bodies that are not JSON: which media type an operation's method uses, and the code for
/// multipart, URL-encoded, binary and text bodies.
/// </summary>
public sealed partial class CSharpEmitter
{
    private const string FilePartType = Runtime + ".FilePart";
    private const string FilePartList = "global::System.Collections.Generic.IEnumerable<" + FilePartType + ">";

    private enum BodyKind
    {
        Json,
        Multipart,
        Form,
        Binary,
        Text,
        Raw,
    }

    private enum ResponseKind
    {
        None,
        Json,
        Text,
        Binary,
    }

    /// <summary>Whether a form field holds files: none, one, or several (an array, or a union of one file and an array of them).</summary>
    private enum FileShape
    {
        None,
        Single,
        Many,
    }

    /// <summary>One field of a multipart or URL-encoded body, as a method parameter.</summary>
    private sealed record FormField(Property Property, string ParameterName, CSharpType Type, bool Required, FileShape Files, CSharpType? ItemType, PropertyEncoding? Encoding);

    /// <summary>The request body a method sends: the media type chosen and what the method takes for it.</summary>
    private sealed record BodyPlan(BodyKind Kind, MediaContent? Media, CSharpType? Type, IReadOnlyList<FormField> Fields);

    /// <summary>
    /// Chooses the request media type: JSON, else <c>multipart/form-data</c>, else URL-encoded form, else binary, else text
    /// (multipart before JSON when the JSON schema has binary fields, which JSON cannot carry). JSON, multipart and form
    /// bodies the main method does not send get a method of their own (<c>…MultipartAsync</c>, ...): the alternates.
    /// </summary>
    private (BodyPlan Main, IReadOnlyList<BodyPlan> Alternates) PlanRequestBodies(Operation operation, string pointer)
    {
        var content = operation.RequestBody!.Content;
        var plans = new List<(BodyPlan Plan, string? Problem)>();
        var json = content.FirstOrDefault(c => IsJson(c.MediaType) && c.Schema is not null && FileShapeOf(c.Schema) == FileShape.None);
        if (json is not null)
        {
            var type = _types.Map(json.Schema!);
            Serializable(type);
            plans.Add((new BodyPlan(BodyKind.Json, json, type, []), null));
        }

        foreach (var (kind, media) in new[] { (BodyKind.Multipart, "multipart/form-data"), (BodyKind.Form, "application/x-www-form-urlencoded") })
        {
            var form = content.FirstOrDefault(c => BareMediaType(c.MediaType) == media);
            if (form is null)
            {
                continue;
            }

            var mediaPointer = JsonPointer.Append(pointer + "/requestBody/content", form.MediaType);
            plans.Add(form.Schema is not null && ObjectOf(form.Schema) is { } obj
                ? (new BodyPlan(kind, form, null, FormFields(operation, obj, form, kind, mediaPointer)), null)
                : (new BodyPlan(BodyKind.Raw, form, null, []), mediaPointer));
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
                Warn($"{operation.OperationId}: the {plan.Media!.MediaType} body's schema is not an object with properties, so its fields cannot be typed; {what}", problem + "/schema");
            }

            return (main, plans.Skip(1).Where(p => p.Problem is null).Select(p => p.Plan).ToList());
        }

        var text = content.FirstOrDefault(c => IsText(c.MediaType) && (c.Schema is null || FileShapeOf(c.Schema) == FileShape.None));
        var binary = content.FirstOrDefault(c => !IsJson(c.MediaType) && !IsForm(c.MediaType) && c != text);
        if (binary is not null)
        {
            if (binary.MediaType.Contains('*', StringComparison.Ordinal))
            {
                Warn($"{operation.OperationId}: the request media type {binary.MediaType} names no concrete type; the body is sent as application/octet-stream", JsonPointer.Append(pointer + "/requestBody/content", binary.MediaType));
            }

            return (new BodyPlan(BodyKind.Binary, binary, null, []), []);
        }

        if (text is not null)
        {
            return (new BodyPlan(BodyKind.Text, text, null, []), []);
        }

        Warn($"{operation.OperationId}: request body media types ({string.Join(", ", content.Select(c => c.MediaType))}) are not supported; the method takes the body as HttpContent", pointer + "/requestBody");
        return (new BodyPlan(BodyKind.Raw, null, null, []), []);
    }

    /// <summary>The suffix of an alternate body's method: <c>CreateImageEditMultipartAsync</c>.</summary>
    private static string AlternateSuffix(BodyKind kind) => kind switch
    {
        BodyKind.Json => "Json",
        BodyKind.Multipart => "Multipart",
        _ => "Form",
    };

    private List<FormField> FormFields(Operation operation, ObjectType obj, MediaContent media, BodyKind kind, string mediaPointer)
    {
        var fields = new List<FormField>();
        foreach (var property in obj.Properties.Where(p => !p.ReadOnly))
        {
            var encoding = media.Encoding.FirstOrDefault(e => e.PropertyName == property.JsonName);
            var files = FileShapeOf(property.Type, out var partial);
            var propertyPointer = JsonPointer.Append(obj.Id + "/properties", property.JsonName);
            if (partial)
            {
                Warn($"{operation.OperationId}: multipart field '{property.JsonName}' is a file or another kind of value (oneOf/anyOf); the method takes only files for it", propertyPointer);
            }

            if (kind == BodyKind.Form && files != FileShape.None)
            {
                Warn($"{operation.OperationId}: form field '{property.JsonName}' is binary, which application/x-www-form-urlencoded cannot carry; it is left out", propertyPointer);
                continue;
            }

            // A field is a required parameter only when the body is required too.
            var required = property.Required && operation.RequestBody!.Required;
            var nullable = !required || property.Type.Nullable;
            CSharpType type;
            CSharpType? itemType = null;
            switch (files)
            {
                case FileShape.Single:
                    type = new CSharpType(FilePartType, false, nullable);
                    break;
                case FileShape.Many:
                    type = new CSharpType(FilePartList, false, nullable);
                    break;
                default:
                    // Optional fields are nullable parameters with a default, whatever the schema says about null.
                    type = _types.Map(property.Type);
                    type = type with { IsNullable = type.IsNullable || !required };
                    if (kind == BodyKind.Multipart && ArrayItems(property.Type) is { } items)
                    {
                        itemType = _types.Map(items);
                    }

                    break;
            }

            fields.Add(new FormField(property, _names.FormField(operation, property.JsonName), type, required, files, itemType, encoding));
        }

        return fields;
    }

    /// <summary>The body statements of a multipart or URL-encoded request: one part (or field) per property, in schema order.</summary>
    private void EmitFormBody(SourceWriter writer, BodyPlan plan)
    {
        var multipart = plan.Kind == BodyKind.Multipart;
        writer.Line(multipart
            ? "var content = new global::System.Net.Http.MultipartFormDataContent();"
            : "var content = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        foreach (var field in plan.Fields)
        {
            var name = CSharpSyntax.Literal(field.Property.JsonName);
            var rawContentType = field.Encoding?.ContentType;
            var contentType = rawContentType is null ? "null" : CSharpSyntax.Literal(rawContentType);
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
            else if (field.Files == FileShape.Many)
            {
                writer.Open($"foreach (var item in {value})");
                writer.Line($"{Helpers}.AddFilePart(content, {name}, item, {contentType});");
                writer.Close();
            }
            else if (multipart)
            {
                if (field.ItemType is { } item && (rawContentType is null || !MediaTypes.IsJson(rawContentType)))
                {
                    // Arrays: one part per item, all with the field's name.
                    writer.Open($"foreach (var item in {value})");
                    writer.Line(MultipartValue("item", item, name, rawContentType));
                    writer.Close();
                }
                else
                {
                    writer.Line(MultipartValue(value, field.Type with { IsNullable = false }, name, rawContentType));
                }
            }
            else
            {
                var style = field.Encoding?.Style;
                var explode = field.Encoding?.Explode ?? (style is null or "form");
                var type = field.Type with { IsNullable = false };
                if (type.Name == "string")
                {
                    writer.Line($"{Helpers}.AddFormField(content, {name}, {value});");
                }
                else if (IsPlainScalar(type))
                {
                    writer.Line($"{Helpers}.AddFormField(content, {name}, {Helpers}.FormatValue({value}));");
                }
                else
                {
                    Serializable(type);
                    writer.Line($"{Helpers}.AddFormField(content, {name}, {value}, {TypeInfo(type)}, {(style is null ? "null" : CSharpSyntax.Literal(style))}, {(explode ? "true" : "false")});");
                }
            }

            if (guarded)
            {
                writer.Close();
            }
        }

        writer.Line(multipart ? "request.Content = content;" : "request.Content = new global::System.Net.Http.FormUrlEncodedContent(content);");
    }

    /// <summary>One part for a value: strings and numbers as text, anything else through JSON (see <c>AddJsonPart</c>).</summary>
    private string MultipartValue(string value, CSharpType type, string name, string? contentType)
    {
        var literal = contentType is null ? "null" : CSharpSyntax.Literal(contentType);
        if (type.Name == "string" && !type.IsNullable && (contentType is null || !MediaTypes.IsJson(contentType)))
        {
            return $"{Helpers}.AddTextPart(content, {name}, {value}, {literal});";
        }

        if (IsPlainScalar(type) && !type.IsNullable && contentType is null)
        {
            return $"{Helpers}.AddTextPart(content, {name}, {Helpers}.FormatValue({value}), null);";
        }

        Serializable(type);
        return $"{Helpers}.AddJsonPart(content, {name}, {value}, {TypeInfo(type)}, {literal});";
    }

    /// <summary>Registers a type that is not a DTO with the JSON context.</summary>
    private void Serializable(CSharpType type)
    {
        if (!type.IsNamedType)
        {
            _extraSerializable.Add(type.TypeOfSpelling);
        }
    }

    /// <summary>Strings, numbers and booleans: written as text without JSON.</summary>
    private static bool IsPlainScalar(CSharpType type) =>
        type.Name is "string" or "bool" or "int" or "long" or "uint" or "ulong" or "double" or "float" or "decimal";

    /// <summary>The object a form body's schema stands for (through aliases), or null.</summary>
    private ObjectType? ObjectOf(TypeUse use)
    {
        for (var depth = 0; depth < 32 && use.Type is NamedRef named && _types.TryDefinition(named.TypeId, out var definition); depth++)
        {
            switch (definition)
            {
                case ObjectType obj when obj.Properties.Count > 0:
                    return obj;
                case AliasType alias:
                    use = alias.Target;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private TypeUse? ArrayItems(TypeUse use)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            switch (use.Type)
            {
                case ArrayRef array:
                    return array.Items;
                case NamedRef named when _types.TryDefinition(named.TypeId, out var definition):
                    switch (definition)
                    {
                        case ArrayType arrayType:
                            return arrayType.Items;
                        case AliasType alias:
                            use = alias.Target;
                            continue;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        return null;
    }

    private FileShape FileShapeOf(TypeUse use) => FileShapeOf(use, out _);

    /// <summary>
    /// <c>type: string, format: binary</c> is a file; an array of them, or a union of one and an array, are files.
    /// <paramref name="partial"/>: a union where only some variants are files.
    /// </summary>
    private FileShape FileShapeOf(TypeUse use, out bool partial, int depth = 0)
    {
        partial = false;
        if (depth > 16)
        {
            return FileShape.None;
        }

        switch (use.Type)
        {
            case PrimitiveRef { Kind: PrimitiveKind.String, Format: "binary" }:
                return FileShape.Single;
            case ArrayRef array:
                return FileShapeOf(array.Items, out _, depth + 1) == FileShape.None ? FileShape.None : FileShape.Many;
            case NamedRef named when _types.TryDefinition(named.TypeId, out var definition):
                switch (definition)
                {
                    case PrimitiveType { Kind: PrimitiveKind.String, Format: "binary" }:
                        return FileShape.Single;
                    case ArrayType arrayType:
                        return FileShapeOf(arrayType.Items, out _, depth + 1) == FileShape.None ? FileShape.None : FileShape.Many;
                    case AliasType alias:
                        return FileShapeOf(alias.Target, out partial, depth + 1);
                    case UnionType union:
                        var shapes = union.Variants.Select(v => FileShapeOf(v, out _, depth + 1)).ToList();
                        if (shapes.All(s => s == FileShape.None))
                        {
                            return FileShape.None;
                        }

                        partial = shapes.Any(s => s == FileShape.None);
                        return shapes.Contains(FileShape.Many) ? FileShape.Many : FileShape.Single;
                }

                break;
        }

        return FileShape.None;
    }

    /// <summary>
    /// What the method returns for a success body: JSON (typed), else text (<c>string</c>), else binary (a stream).
    /// A JSON media type whose schema is <c>format: binary</c> counts as binary.
    /// </summary>
    private (ResponseKind Kind, MediaContent? Media) PlanResponse(IEnumerable<Response> success)
    {
        var contents = success.SelectMany(r => r.Content).ToList();
        var json = contents.FirstOrDefault(c => IsJson(c.MediaType) && c.Schema is not null && FileShapeOf(c.Schema) == FileShape.None);
        if (json is not null)
        {
            return (ResponseKind.Json, json);
        }

        if (contents.FirstOrDefault(c => IsText(c.MediaType) && (c.Schema is null || FileShapeOf(c.Schema) == FileShape.None)) is { } text)
        {
            return (ResponseKind.Text, text);
        }

        // Everything else (application/octet-stream, image/*, application/pdf, a JSON body without schema, an event
        // stream without one) is handed over as bytes arrive.
        return contents.Count > 0 ? (ResponseKind.Binary, contents.FirstOrDefault(c => !IsJson(c.MediaType)) ?? contents[0]) : (ResponseKind.None, null);
    }

    private static string BareMediaType(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    private static bool IsForm(string mediaType) => BareMediaType(mediaType) is "multipart/form-data" or "application/x-www-form-urlencoded";

    /// <summary><c>text/*</c> (not event streams) and XML: read and written as strings.</summary>
    private static bool IsText(string mediaType)
    {
        var bare = BareMediaType(mediaType);
        return (bare.StartsWith("text/", StringComparison.Ordinal) && bare != "text/event-stream" && !bare.Contains('*', StringComparison.Ordinal)) ||
            bare == "application/xml" || bare.EndsWith("+xml", StringComparison.Ordinal);
    }
}
