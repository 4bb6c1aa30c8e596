using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Evaluation;

/// <summary>A node's item and member count bounds (minItems/maxItems, minProperties/maxProperties) for the verdict walk.</summary>
internal readonly struct VerdictCounts
{
    public VerdictCounts(long minItems, long maxItems, long minProperties, long maxProperties)
    {
        MinItems = minItems;
        MaxItems = maxItems;
        MinProperties = minProperties;
        MaxProperties = maxProperties;
    }

    public static VerdictCounts None => new(0, long.MaxValue, 0, long.MaxValue);

    public long MinItems { get; }

    public long MaxItems { get; }

    public long MinProperties { get; }

    public long MaxProperties { get; }

    public bool Any => MinItems > 0 || MaxItems < long.MaxValue || MinProperties > 0 || MaxProperties < long.MaxValue;

    public bool Allow(ref readonly TapeToken t) => t.Kind switch
    {
        TokenKind.Array => t.Count >= MinItems && t.Count <= MaxItems,
        TokenKind.Object => t.Count >= MinProperties && t.Count <= MaxProperties,
        _ => true,
    };
}
