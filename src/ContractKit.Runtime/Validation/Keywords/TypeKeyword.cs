using System;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

/// <summary><c>type</c>: one type name or a list of them.</summary>
internal sealed class TypeKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly JsonTypes _allowed;
    private readonly string _expected;
    private readonly bool _draft4;

    /// <summary>Bit per <see cref="TokenKind"/> that passes without looking further: one shift and test per check.</summary>
    private readonly int _kinds;

    public TypeKeyword(JsonTypes allowed, string expected, bool draft4)
        : base("type")
    {
        _allowed = allowed;
        _expected = expected;
        _draft4 = draft4;
        foreach (var kind in Enum.GetValues<TokenKind>())
        {
            if ((allowed & Of(kind)) != 0)
            {
                _kinds |= 1 << (int)kind;
            }
        }
    }

    public JsonTypes Allowed => _allowed;

    /// <summary>Draft 4 counts only literals without fraction or exponent as integers.</summary>
    public bool Draft4 => _draft4;

    /// <summary>Bit per <see cref="TokenKind"/> that passes on its kind alone.</summary>
    public int Kinds => _kinds;

    public static JsonTypes Parse(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        _ => JsonTypes.None,
    };

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        var kind = w.Tokens[token].Kind;
        if ((_kinds & (1 << (int)kind)) != 0)
        {
            return true;
        }

        if (kind == TokenKind.Number && (_allowed & JsonTypes.Integer) != 0 && IsInteger(ref w, token))
        {
            return true;
        }

        return w.Collecting && w.Report(token, Name, $"value is {Describe(ref w, token)}; expected {_expected}");
    }

    private bool IsInteger(ref Walker w, int token)
    {
        if (w.TryGetSmallInteger(token, out _))
        {
            return true;
        }

        if (_draft4 && w.Utf8(token).IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return false;
        }

        return w.Number(token).IsInteger;
    }

    private static JsonTypes Of(TokenKind kind) => kind switch
    {
        TokenKind.Null => JsonTypes.Null,
        TokenKind.True or TokenKind.False => JsonTypes.Boolean,
        TokenKind.Object => JsonTypes.Object,
        TokenKind.Array => JsonTypes.Array,
        TokenKind.Number => JsonTypes.Number,
        _ => JsonTypes.String,
    };

    internal static string Describe(ref Walker w, int token) => w.Tokens[token].Kind switch
    {
        TokenKind.Null => "null",
        TokenKind.True or TokenKind.False => "boolean",
        TokenKind.Object => "object",
        TokenKind.Array => "array",
        TokenKind.Number => w.Number(token).IsInteger ? "integer" : "number",
        _ => "string",
    };
}
