namespace ContractKit.Reading;

/// <summary>Caps that keep hostile or broken input from exhausting the stack or memory.</summary>
internal static class SpecLimits
{
    /// <summary>Deeper than any real spec; shallow enough that recursive consumers (DeepClone, Microsoft.OpenApi) stay safe.</summary>
    public const int MaxDepth = 1000;

    /// <summary>
    /// How many nodes YAML aliases may copy in total. Aliases are expanded into copies because a JsonNode has one
    /// parent; without a cap, nested aliases ("billion laughs") expand exponentially.
    /// </summary>
    public const int MaxAliasExpansion = 1_000_000;
}
