using System.Collections.Generic;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>How a method sends its request body.</summary>
internal enum BodyKind
{
    /// <summary>A typed object, serialized once, validated against the contract, sent.</summary>
    Json,

    /// <summary><c>multipart/form-data</c>: one method parameter per field, files as <c>FilePart</c>.</summary>
    Multipart,

    /// <summary><c>application/x-www-form-urlencoded</c>: one method parameter per field.</summary>
    Form,

    /// <summary>A <c>Stream</c> sent as it is read.</summary>
    Binary,

    /// <summary>A <c>string</c>.</summary>
    Text,

    /// <summary>An <c>HttpContent</c> the caller builds: the media type (or its schema) is beyond the client.</summary>
    Raw,
}

/// <summary>What a method returns for a success response.</summary>
internal enum ResponseKind
{
    /// <summary>Nothing: <c>Task</c>.</summary>
    None,

    /// <summary>The typed body, validated against the contract.</summary>
    Json,

    /// <summary>A <c>string</c>.</summary>
    Text,

    /// <summary>A <c>ResponseStream</c>, unbuffered.</summary>
    Binary,

    /// <summary>The server-sent events, typed and validated one by one (<c>…StreamAsync</c> methods).</summary>
    EventStream,
}

/// <summary>Whether a form field holds files: none, one, or several (an array, or a union of one file and an array of them).</summary>
internal enum FileShape
{
    None,
    Single,
    Many,
}

/// <summary>How a form field's value is written: as it is (strings), through <c>FormatValue</c> (numbers, booleans), or as JSON.</summary>
internal enum FormValueKind
{
    Text,
    FormattedText,
    Json,
}

/// <summary>A form field's value: its kind and type; <paramref name="EachItem"/>: one multipart part per array item.</summary>
internal sealed record FormValue(FormValueKind Kind, CSharpType Type, bool EachItem);

/// <summary>
/// One field of a multipart or URL-encoded body, as a method parameter. <paramref name="ContentType"/>: the part's
/// content type from the spec's <c>encoding</c>; <paramref name="Style"/> and <paramref name="Explode"/>: how a
/// URL-encoded object or array is spread. <paramref name="Value"/>: how a field that is not a file is written.
/// </summary>
internal sealed record FormField(
    Property Property,
    string ParameterName,
    CSharpType Type,
    bool Required,
    FileShape Files,
    string? ContentType,
    FormValue? Value,
    string? Style,
    bool Explode);

/// <summary>
/// The request body a method sends: the media type chosen and what the method takes for it (<paramref name="Type"/>
/// for JSON, <paramref name="Fields"/> for forms).
/// </summary>
internal sealed record RequestBodyPlan(BodyKind Kind, MediaContent? Media, CSharpType? Type, IReadOnlyList<FormField> Fields, bool Required)
{
    /// <summary>The property of the schemas class that checks a JSON body.</summary>
    public string? Validator { get; init; }

    /// <summary>A <c>…StreamAsync</c> method sends the JSON body with <c>"stream": true</c>.</summary>
    public bool SetsStreamFlag { get; init; }
}

/// <summary>
/// The success response a method reads. <paramref name="Media"/>: the media type read; <paramref name="Type"/>: the
/// C# type of a JSON body or event; <paramref name="EmptyStatuses"/>: success statuses listed without a body, for which
/// the method returns null; <paramref name="Accept"/>: the Accept header's media types; <paramref name="Validator"/>:
/// the schemas class's property that checks the body (or each event); <paramref name="Errors"/>: typed error statuses;
/// <paramref name="DefaultError"/>: the <c>default</c> response's type, if typed.
/// </summary>
internal sealed record ResponsePlan(
    ResponseKind Kind,
    MediaContent? Media,
    CSharpType? Type,
    IReadOnlyList<string> EmptyStatuses,
    IReadOnlyList<string> Accept,
    string? Validator,
    IReadOnlyList<ErrorPlan> Errors,
    CSharpType? DefaultError);

/// <summary>An error status the contract types: <c>404</c>, or a range (<paramref name="Range"/> 4 for <c>4XX</c>).</summary>
internal sealed record ErrorPlan(string StatusCode, int? Range, CSharpType Type);
