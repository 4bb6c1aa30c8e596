using System;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>
/// The one place CodeGen classifies media types, for the planner (<see cref="OperationPlanner"/>), which turns them
/// into a <see cref="BodyKind"/> or <see cref="ResponseKind"/> that the emitter's writers print.
/// </summary>
internal static class MediaClassifier
{
    /// <summary>The media type without parameters, lower case: <c>multipart/form-data; boundary=x</c> → <c>multipart/form-data</c>.</summary>
    public static string Bare(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>JSON, or <c>*/*</c>: a spec that accepts anything gets JSON from a JSON client.</summary>
    public static bool IsJson(string mediaType) => MediaTypes.IsJson(mediaType) || mediaType.Trim() == "*/*";

    /// <summary>JSON as a part's or field's own content type says it (no <c>*/*</c>).</summary>
    public static bool IsJsonContentType(string contentType) => MediaTypes.IsJson(contentType);

    public static bool IsMultipart(string mediaType) => Bare(mediaType) == "multipart/form-data";

    public static bool IsFormUrlEncoded(string mediaType) => Bare(mediaType) == "application/x-www-form-urlencoded";

    public static bool IsForm(string mediaType) => IsMultipart(mediaType) || IsFormUrlEncoded(mediaType);

    /// <summary><c>text/event-stream</c>: server-sent events.</summary>
    public static bool IsEventStream(string mediaType) => mediaType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>text/*</c> (not event streams, not wildcards) and XML: read and written as strings.</summary>
    public static bool IsText(string mediaType)
    {
        var bare = Bare(mediaType);
        return (bare.StartsWith("text/", StringComparison.Ordinal) && bare != "text/event-stream" && !bare.Contains('*', StringComparison.Ordinal)) ||
            bare == "application/xml" || bare.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>A media type that names no concrete type (<c>image/*</c>).</summary>
    public static bool IsWildcard(string mediaType) => mediaType.Contains('*', StringComparison.Ordinal);
}
