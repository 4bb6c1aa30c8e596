using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary><c>enum</c>: the value equals one of the listed values (JSON equality).</summary>
internal sealed class EnumKeyword : Keyword
{
    public override bool AppliesSubschemas => false;

    private readonly ConstValue[] _values;

    public EnumKeyword(ConstValue[] values)
        : base("enum")
    {
        _values = values;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        foreach (var v in _values)
        {
            if (w.AreEqual(token, v))
            {
                return true;
            }
        }

        return w.Collecting && w.Report(token, Name, $"value is not one of the allowed values: {ConstValue.Describe(_values)}");
    }
}
