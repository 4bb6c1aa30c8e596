using System;
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
            builder.Append(' ', Indentation * IndentSize).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block (a raw string literal) at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        // The same line breaks as ReplaceLineEndings (CR, LF, CRLF, NEL, LS, FF, PS), without copying the block.
        foreach (var line in block.AsSpan().EnumerateLines())
        {
            Line(line.TrimEnd());
        }

        return this;
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
        builder.Append(' ', Indentation * IndentSize).Append('}').Append(suffix).Append('\n');
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
}
