using System;
using System.IO;

namespace ContractKit.Runtime;

/// <summary>
/// A file to upload as one part of a <c>multipart/form-data</c> body: its content, the file name the server sees and,
/// optionally, its media type (when null: the media type the contract gives the part, else <c>application/octet-stream</c>).
/// </summary>
/// <remarks>
/// The client reads <see cref="Content"/> from its current position when the request is sent and does not dispose it:
/// the stream stays the caller's. A stream that cannot seek can be sent once.
/// </remarks>
/// <param name="Content">The bytes to send, read from the stream's current position.</param>
/// <param name="FileName">The file name in the part's <c>Content-Disposition</c>.</param>
/// <param name="ContentType">The part's media type, or null for the contract's default.</param>
public sealed record FilePart(Stream Content, string FileName, string? ContentType = null)
{
    /// <summary>The bytes to send, read from the stream's current position.</summary>
    public Stream Content { get; init; } = Content ?? throw new ArgumentNullException(nameof(Content));

    /// <summary>The file name in the part's <c>Content-Disposition</c>.</summary>
    public string FileName { get; init; } = !string.IsNullOrEmpty(FileName) ? FileName : throw new ArgumentException("A file part needs a file name.", nameof(FileName));

    /// <summary>A file part over bytes in memory.</summary>
    public static FilePart FromBytes(ReadOnlyMemory<byte> bytes, string fileName, string? contentType = null) =>
        new(new MemoryStream(bytes.ToArray(), writable: false), fileName, contentType);
}
