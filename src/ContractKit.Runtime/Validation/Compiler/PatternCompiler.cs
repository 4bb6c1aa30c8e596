using System;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>
/// ECMA-262-style patterns on .NET regexes with bounded cost: the non-backtracking engine (linear time) when the
/// pattern allows it, else the backtracking engine with a match timeout (a timeout is a validation error).
/// </summary>
internal static class PatternCompiler
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Compile(string pattern, string location)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var translated = Translate(pattern);
        Regex regex;
        try
        {
            regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            regex = Backtracking(pattern, translated, location);
        }
        catch (ArgumentException ex)
        {
            throw new SchemaCompilationException(location, $"invalid regular expression '{pattern}': {ex.Message}", ex);
        }

        if (Cache.Count < 4096)
        {
            Cache[pattern] = regex;
        }

        return regex;
    }

    /// <summary>
    /// A schema's pattern compiled; when it is invalid, throws unless <paramref name="options"/> defer that to
    /// validation: then null, with the error every value it applies to will get.
    /// </summary>
    public static Regex? CompileForSchema(string pattern, string location, SchemaOptions options, out string? problem)
    {
        problem = null;
        if (options.ThrowOnInvalidPattern)
        {
            return Compile(pattern, location);
        }

        try
        {
            return Compile(pattern, location);
        }
        catch (SchemaCompilationException ex)
        {
            var where = JsonSchemaValidator.WithoutDefaultBase(location);
            problem = $"the schema's pattern '{pattern}' (at {where}) is not a valid regular expression, so no value can be checked against it: {ex.InnerException?.Message}";
            return null;
        }
    }

    public static bool TryCompile(string pattern, out Regex? regex)
    {
        regex = null;
        if (!LooksLikeEcma262(pattern))
        {
            return false;
        }

        try
        {
            regex = Compile(pattern, "");
            return true;
        }
        catch (SchemaCompilationException)
        {
            return false;
        }
    }

    /// <summary>Rejects .NET/Python-only syntax for <c>format: regex</c>: inline flags, comments, and letter escapes ECMA-262 lacks.</summary>
    private static bool LooksLikeEcma262(string p)
    {
        for (var i = 0; i < p.Length - 1; i++)
        {
            if (p[i] == '\\')
            {
                var n = p[++i];
                if (char.IsAsciiLetter(n) && "bBdDwWsStrnvfcxupPk".IndexOf(n) < 0)
                {
                    return false;
                }
            }
            else if (p[i] == '(' && p[i + 1] == '?' && i + 2 < p.Length && p[i + 2] is not (':' or '=' or '!' or '<'))
            {
                return false;
            }
        }

        return true;
    }

    private static Regex Backtracking(string pattern, string translated, string location)
    {
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new SchemaCompilationException(location, $"invalid regular expression '{pattern}': {ex.Message}", ex);
        }
    }

    /// <summary>ECMA-262 classes are ASCII (\d, \w) and <c>$</c> matches only at the very end.</summary>
    private static string Translate(string p)
    {
        var sb = new StringBuilder(p.Length + 8);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length)
            {
                var n = p[++i];
                switch (n)
                {
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D' when !inClass:
                        sb.Append("[^0-9]");
                        break;
                    case 'w':
                        sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W' when !inClass:
                        sb.Append("[^a-zA-Z0-9_]");
                        break;
                    case 's':
                        sb.Append(inClass ? "\\s\\uFEFF" : "[\\s\\uFEFF]");
                        break;
                    case 'S' when !inClass:
                        sb.Append("[^\\s\\uFEFF]");
                        break;
                    case 'p' or 'P' when i + 1 < p.Length && p[i + 1] == '{' && p.IndexOf('}', i) is var close and > 0:
                        sb.Append('\\').Append(n).Append('{').Append(UnicodeCategory(p[(i + 2)..close])).Append('}');
                        i = close;
                        break;
                    default:
                        sb.Append('\\').Append(n);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < p.Length && p[i + 1] == '^')
                {
                    sb.Append('^');
                    i++;
                }

                if (i + 1 < p.Length && p[i + 1] == ']')
                {
                    // ECMA-262: [] matches nothing and [^] matches anything (in .NET "]" there would be a literal).
                    var negated = sb[^1] == '^';
                    sb.Length -= negated ? 2 : 1;
                    sb.Append(negated ? "[\\s\\S]" : "[^\\s\\S]");
                    inClass = false;
                    i++;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < p.Length && char.IsLowSurrogate(p[i + 1]))
            {
                // A quantifier after a non-BMP character applies to the whole code point, as with ECMA-262's u flag.
                sb.Append("(?:").Append(c).Append(p[++i]).Append(')');
                continue;
            }

            sb.Append(c == '$' ? "\\z" : c.ToString());
        }

        return sb.ToString();
    }

    private static string UnicodeCategory(string name) => name switch
    {
        "Letter" => "L",
        "Lowercase_Letter" => "Ll",
        "Uppercase_Letter" => "Lu",
        "Titlecase_Letter" => "Lt",
        "Modifier_Letter" => "Lm",
        "Other_Letter" => "Lo",
        "Mark" => "M",
        "Number" => "N",
        "digit" or "Decimal_Number" => "Nd",
        "Punctuation" => "P",
        "Symbol" => "S",
        "Separator" => "Z",
        "Space_Separator" => "Zs",
        "Other" => "C",
        _ => name,
    };
}
