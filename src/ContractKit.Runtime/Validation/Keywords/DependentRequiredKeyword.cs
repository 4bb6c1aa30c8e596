using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>dependentRequired</c> and draft 4's array form of <c>dependencies</c>.</summary>
internal sealed class DependentRequiredKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly byte[][] _triggers;
    private readonly string[] _triggerTexts;
    private readonly byte[][][] _required;
    private readonly string[][] _requiredTexts;

    public DependentRequiredKeyword(string name, byte[][] triggers, string[] triggerTexts, byte[][][] required, string[][] requiredTexts)
        : base(name)
    {
        _triggers = triggers;
        _triggerTexts = triggerTexts;
        _required = required;
        _requiredTexts = requiredTexts;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return true;
        }

        var ok = true;
        for (var t = 0; t < _triggers.Length; t++)
        {
            if (w.FindMember(token, _triggers[t]) < 0)
            {
                continue;
            }

            for (var r = 0; r < _required[t].Length; r++)
            {
                if (w.FindMember(token, _required[t][r]) >= 0)
                {
                    continue;
                }

                ok = false;
                if (!w.Collecting)
                {
                    return false;
                }

                w.Report(token, Name, $"property '{_requiredTexts[t][r]}' is required when '{_triggerTexts[t]}' is present");
            }
        }

        return ok;
    }
}
