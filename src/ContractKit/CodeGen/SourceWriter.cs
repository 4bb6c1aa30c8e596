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
    private readonly StringBuilder _builder = new();

    public int Indentation { get; private set; }

    /// <summary>Writes one line at the current indentation; an empty line has no trailing spaces.</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', Indentation * IndentSize).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block (a raw string literal) at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.ReplaceLineEndings("\n").Split('\n'))
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
        return Line("}" + suffix);
    }

    /// <summary>The text; throws when a block was left open, a generator bug that must not reach a file.</summary>
    public override string ToString()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException($"Generated source left {Indentation} block(s) open.");
        }

        return _builder.ToString();
    }
}
