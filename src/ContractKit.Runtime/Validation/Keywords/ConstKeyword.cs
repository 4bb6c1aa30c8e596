using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>const</c>: the value equals the given value (JSON equality).</summary>
internal sealed class ConstKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly ConstValue _value;

    public ConstKeyword(ConstValue value)
        : base("const")
    {
        _value = value;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations) =>
        w.AreEqual(token, _value) || (w.Collecting && w.Report(token, Name, $"value must be {_value.Text}"));
}
