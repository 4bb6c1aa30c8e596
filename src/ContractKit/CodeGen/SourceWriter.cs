using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContractKit.CodeGen;

/// <summary>
/// An indented text writer for generated C#: a StringBuilder plus an indent level. Always writes '\n' line endings,
/// whatever the machine, so output is byte-identical everywhere.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    /// <summary>A builder bigger than this (the client, the embedded schemas) is not kept for the next file.</summary>
    private const int MaxCachedCapacity = 256 * 1024;

    /// <summary>
    /// The builder of this thread's last finished file, emptied: a big output is thousands of files, and a builder that
    /// already has room saves growing a new one chunk by chunk for each.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? s_cachedBuilder;

    private StringBuilder? _builder;
    private string? _text;

    public SourceWriter()
    {
        _builder = s_cachedBuilder ?? new StringBuilder(4096);
        s_cachedBuilder = null;
    }

    public int Indentation { get; private set; }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The source was finished by ToString; nothing more can be written.");

    /// <summary>Writes one line at the current indentation; an empty line has no trailing spaces.</summary>
    public SourceWriter Line(string text = "") => Line(text.AsSpan());

    /// <summary>Writes one line at the current indentation; an empty line has no trailing spaces.</summary>
    public SourceWriter Line(ReadOnlySpan<char> text)
    {
        var builder = Builder;
        if (text.Length > 0)
        {
            builder.AppendSpaces(Indentation * IndentSize).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes one line at the current indentation, formatting the interpolated string straight into the output (no
    /// string for the line); an empty line has no trailing spaces.
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        line.Finish();
        Builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block (a raw string literal) at the current indentation.</summary>
    public SourceWriter Lines(string block) => Lines(block.AsSpan());

    /// <summary>As <see cref="Lines(string)"/>, formatting the block into a reused buffer rather than a new string.</summary>
    public SourceWriter Lines(ref LinesHandler block)
    {
        var text = block.Text;
        var chunks = 0;
        var span = ReadOnlySpan<char>.Empty;
        foreach (var chunk in text.GetChunks())
        {
            span = chunk.Span;
            chunks++;
        }

        return chunks > 1 ? Lines(text.ToString()) : Lines(span);
    }

    private SourceWriter Lines(ReadOnlySpan<char> block)
    {
        // The same line breaks as ReplaceLineEndings and EnumerateLines (CR, LF, CRLF, NEL, LS, FF, PS), without
        // copying the block, and with a plain loop (see TextScan).
        while (true)
        {
            var end = TextScan.IndexOfNewLine(block);
            if (end < 0)
            {
                Line(block.TrimEnd());
                return this;
            }

            Line(block[..end].TrimEnd());
            block = block[(block[end] == '\r' && end + 1 < block.Length && block[end + 1] == '\n' ? end + 2 : end + 1)..];
        }
    }

    /// <summary>Writes the header line (formatted straight into the output), <c>{</c>, and indents.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        Line(ref header);
        return Open();
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        Indentation++;
        return this;
    }

    /// <summary>Indents without a brace (continuation lines, raw literals).</summary>
    public SourceWriter Indent()
    {
        Indentation++;
        return this;
    }

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public SourceWriter Unindent()
    {
        if (Indentation == 0)
        {
            throw new InvalidOperationException("Unbalanced Unindent: indentation is already zero.");
        }

        Indentation--;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c> (plus an optional suffix such as <c>;</c>).</summary>
    public SourceWriter Close(string suffix = "")
    {
        if (Indentation == 0)
        {
            throw new InvalidOperationException("Unbalanced Close: indentation is already zero.");
        }

        Indentation--;
        var builder = Builder;
        builder.AppendSpaces(Indentation * IndentSize).Append('}').Append(suffix).Append('\n');
        return this;
    }

    /// <summary>
    /// The text, which finishes the writer (its builder goes to the next file on this thread); throws when a block was
    /// left open, a generator bug that must not reach a file.
    /// </summary>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        if (Indentation != 0)
        {
            throw new InvalidOperationException($"Generated source left {Indentation} block(s) open.");
        }

        var builder = Builder;
        _text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxCachedCapacity)
        {
            s_cachedBuilder = builder.Clear();
        }

        return _text;
    }

    /// <summary>Formats an interpolated line straight into a writer's output, after the indentation.</summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly StringBuilder _builder;
        private readonly int _indentation;
        private readonly int _start;
        private StringBuilder.AppendInterpolatedStringHandler _inner;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer.Builder;
            _indentation = writer.Indentation * IndentSize;
            _builder.AppendSpaces(_indentation);
            _start = _builder.Length;
            _inner = new StringBuilder.AppendInterpolatedStringHandler(literalLength, formattedCount, _builder);
        }

        public readonly void AppendLiteral(string value) => _builder.Append(value);

        public readonly void AppendFormatted(string? value) => _builder.Append(value);

        public readonly void AppendFormatted(ReadOnlySpan<char> value) => _builder.Append(value);

        /// <summary>As string interpolation formats an int (current culture, no format), without a generic instantiation to compile at run time.</summary>
        public readonly void AppendFormatted(int value) => _builder.Append(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

        public void AppendFormatted<T>(T value, int alignment) => _inner.AppendFormatted(value, alignment);

        public void AppendFormatted<T>(T value, int alignment, string? format) => _inner.AppendFormatted(value, alignment, format);

        /// <summary>A line that came out empty gets no indentation, as <see cref="Line(string)"/> does.</summary>
        internal readonly void Finish()
        {
            if (_builder.Length == _start)
            {
                _builder.Length -= _indentation;
            }
        }
    }

    /// <summary>Formats an interpolated block into a buffer this thread reuses, for <see cref="Lines(ref LinesHandler)"/> to split.</summary>
    [InterpolatedStringHandler]
    public ref struct LinesHandler
    {
        [ThreadStatic]
        private static StringBuilder? s_scratch;

        private StringBuilder.AppendInterpolatedStringHandler _inner;

        public LinesHandler(int literalLength, int formattedCount)
        {
            Text = (s_scratch ??= new StringBuilder(4096)).Clear();
            _inner = new StringBuilder.AppendInterpolatedStringHandler(literalLength, formattedCount, Text);
        }

        internal StringBuilder Text { get; }

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);
    }
}
