using ContractKit.Runtime.Validation.Evaluation;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// The shape lowered nullable types take, <c>anyOf</c>/<c>oneOf</c> of [X, {"type":"null"}]: the null branch's
/// verdict follows from the token kind alone, so a verdict needs at most one evaluation, of X.
/// </summary>
internal static class NullableChoice
{
    /// <summary>The index of the other branch when exactly one of two branches is <c>{"type":"null"}</c>; else -1.</summary>
    public static int OtherBranch(SchemaNode[] schemas) =>
        schemas.Length != 2 ? -1
        : IsNullOnly(schemas[1]) && !IsNullOnly(schemas[0]) ? 0
        : IsNullOnly(schemas[0]) && !IsNullOnly(schemas[1]) ? 1
        : -1;

    /// <summary>
    /// Exactly <c>{"type":"null"}</c>: one keyword, so it accepts null and nothing else. A node still being compiled
    /// (a $ref cycle) has no keywords yet and does not qualify.
    /// </summary>
    private static bool IsNullOnly(SchemaNode node) =>
        node.Constant is null && node.Keywords is [TypeKeyword { Allowed: JsonTypes.Null }];
}
