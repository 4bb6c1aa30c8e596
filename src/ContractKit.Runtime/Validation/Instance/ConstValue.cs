using System.Text;
using System.Text.Json;

namespace ContractKit.Runtime.Validation.Instance;

/// <summary>A schema literal (enum member, const) in the form payload tokens compare against without allocating.</summary>
internal sealed class ConstValue
{
    private ConstValue(TokenKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public TokenKind Kind { get; }

    /// <summary>The literal as JSON, for messages.</summary>
    public string Text { get; }

    public JsonNumber Number { get; private init; }

    public byte[] Utf8 { get; private init; } = [];

    public ConstValue[] Items { get; private init; } = [];

    public byte[][] Names { get; private init; } = [];

    public static ConstValue From(JsonElement e)
    {
        var text = e.GetRawText();
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var names = new System.Collections.Generic.List<byte[]>();
                var values = new System.Collections.Generic.List<ConstValue>();
                foreach (var p in e.EnumerateObject())
                {
                    names.Add(Encoding.UTF8.GetBytes(p.Name));
                    values.Add(From(p.Value));
                }

                return new ConstValue(TokenKind.Object, text) { Names = names.ToArray(), Items = values.ToArray() };
            }

            case JsonValueKind.Array:
            {
                var values = new System.Collections.Generic.List<ConstValue>();
                foreach (var item in e.EnumerateArray())
                {
                    values.Add(From(item));
                }

                return new ConstValue(TokenKind.Array, text) { Items = values.ToArray() };
            }

            case JsonValueKind.String:
                return new ConstValue(TokenKind.String, text) { Utf8 = Encoding.UTF8.GetBytes(e.GetString()!) };
            case JsonValueKind.Number:
                return new ConstValue(TokenKind.Number, text) { Number = JsonNumber.Parse(Encoding.UTF8.GetBytes(text)) };
            case JsonValueKind.True:
                return new ConstValue(TokenKind.True, text);
            case JsonValueKind.False:
                return new ConstValue(TokenKind.False, text);
            default:
                return new ConstValue(TokenKind.Null, text);
        }
    }

    public static string Describe(ConstValue[] values)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < values.Length && i < 10; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(values[i].Text);
        }

        if (values.Length > 10)
        {
            sb.Append(", ...");
        }

        return sb.ToString();
    }

    public override string ToString() => Text;
}
