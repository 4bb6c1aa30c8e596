using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Formats;

internal delegate bool FormatCheck(ref Walker w, int token);

/// <summary>The asserting formats by name; null for formats that are only annotations.</summary>
internal static class FormatRegistry
{
    public static FormatCheck? Find(string format, out bool numeric)
    {
        numeric = NumericFormats.IsNumeric(format);
        if (numeric)
        {
            return NumericFormats.Check(format);
        }

        return format switch
        {
            "date-time" => static (ref Walker w, int t) => DateFormats.IsDateTime(w.Chars(t)),
            "date" => static (ref Walker w, int t) => DateFormats.IsDate(w.Chars(t)),
            "time" => static (ref Walker w, int t) => DateFormats.IsTime(w.Chars(t)),
            "duration" => static (ref Walker w, int t) => DateFormats.IsDuration(w.Chars(t)),
            "uuid" => static (ref Walker w, int t) => TextFormats.IsUuid(w.Chars(t)),
            "email" => static (ref Walker w, int t) => TextFormats.IsEmail(w.Chars(t)),
            "hostname" => static (ref Walker w, int t) => TextFormats.IsHostname(w.Chars(t)),
            "ipv4" => static (ref Walker w, int t) => IpFormats.IsIPv4(w.Chars(t)),
            "ipv6" => static (ref Walker w, int t) => IpFormats.IsIPv6(w.Chars(t)),
            "uri" => static (ref Walker w, int t) => UriFormats.IsUri(w.Chars(t)),
            "uri-reference" => static (ref Walker w, int t) => UriFormats.IsUriReference(w.Chars(t)),
            "json-pointer" => static (ref Walker w, int t) => TextFormats.IsJsonPointer(w.Chars(t)),
            "relative-json-pointer" => static (ref Walker w, int t) => TextFormats.IsRelativeJsonPointer(w.Chars(t)),
            "byte" => static (ref Walker w, int t) => TextFormats.IsBase64(w.Chars(t)),
            "regex" => static (ref Walker w, int t) => Compiler.PatternCompiler.TryCompile(w.String(t), out _),
            _ => null,
        };
    }
}
