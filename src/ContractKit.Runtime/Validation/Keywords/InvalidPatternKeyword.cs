using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// A <c>pattern</c> (strings) or <c>patternProperties</c> (objects with members) whose regular expression does not
/// compile, kept when <see cref="SchemaOptions.ThrowOnInvalidPattern"/> is false: no value it applies to can be
/// checked, so each is rejected with the reason.
/// </summary>
internal sealed class InvalidPatternKeyword : Keyword
{
    private readonly string _message;
    private readonly TokenKind _appliesTo;

    public InvalidPatternKeyword(string name, string message, TokenKind appliesTo)
        : base(name)
    {
        _message = message;
        _appliesTo = appliesTo;
    }

    public override bool AppliesSubschemas => false;

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        ref readonly var value = ref w.Tokens[token];
        if (value.Kind != _appliesTo || (_appliesTo == TokenKind.Object && value.Count == 0))
        {
            return true;
        }

        return w.Report(token, Name, _message);
    }
}
