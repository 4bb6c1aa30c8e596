using System.Text;
using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// OpenAPI <c>discriminator</c> beside oneOf/anyOf: the tag property picks the one branch to validate, so only
/// its errors are reported; a missing or unknown tag is one error. Non-objects fall back to the plain oneOf/anyOf.
/// </summary>
internal sealed class DiscriminatorKeyword : Keyword
{
    private readonly byte[] _property;
    private readonly string _propertyText;
    private readonly Utf8NameTable _tags;
    private readonly string[] _tagTexts;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;
    private readonly Keyword _fallback;

    public DiscriminatorKeyword(string property, string[] tags, SchemaNode[] schemas, string[] segments, Keyword fallback)
        : base("discriminator")
    {
        _property = Encoding.UTF8.GetBytes(property);
        _propertyText = property;
        _tags = new Utf8NameTable(tags);
        _tagTexts = tags;
        _schemas = schemas;
        _segments = segments;
        _fallback = fallback;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return _fallback.Evaluate(ref w, token, annotations);
        }

        var tag = w.FindMember(token, _property);
        if (tag < 0)
        {
            return w.Collecting && w.Report(token, Name,
                $"discriminator property '{_propertyText}' is missing; expected one of: {string.Join(", ", _tagTexts)}");
        }

        var index = w.Tokens[tag].Kind == TokenKind.String ? _tags.IndexOf(w.Utf8(tag)) : -1;
        if (index < 0)
        {
            return w.Collecting && w.Report(tag, Name,
                $"discriminator value {Describe(ref w, tag)} of '{_propertyText}' is not one of: {string.Join(", ", _tagTexts)}");
        }

        return Apply(ref w, _schemas[index], _segments[index], token, annotations);
    }

    private static string Describe(ref Walker w, int token) =>
        w.Tokens[token].Kind == TokenKind.String ? "'" + w.String(token) + "'" : "of type " + TypeKeyword.Describe(ref w, token);
}
