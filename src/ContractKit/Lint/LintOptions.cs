using System;
using System.Collections.Generic;
using ContractKit.Reporting;

namespace ContractKit.Lint;

/// <summary>How to lint: per-rule level overrides.</summary>
public sealed record LintOptions
{
    /// <summary>The defaults: every rule at its default level.</summary>
    public static LintOptions Default { get; } = new();

    /// <summary>
    /// Level per rule id (<c>CK4003</c>, also reader ids such as <c>CK1006</c>) or rule name (<c>unused-component</c>);
    /// a null level turns the rule off.
    /// </summary>
    public IReadOnlyDictionary<string, FindingLevel?> Levels { get; init; } = new Dictionary<string, FindingLevel?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the defects the reader tolerates (CK1009-CK1012) are errors rather than warnings (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Whether <c>http(s)</c> <c>$ref</c>s are fetched (<c>--allow-remote-refs</c>) instead of refused.</summary>
    public bool AllowRemoteRefs { get; init; }
}

/// <summary>What <see cref="SpecLinter"/> found.</summary>
public sealed record LintResult(IReadOnlyList<Finding> Findings)
{
    /// <summary>Examples and defaults validated against their schema.</summary>
    public int ExamplesChecked { get; init; }

    /// <summary>Examples and defaults not validated: their schema could not be mapped to the model (see README).</summary>
    public int ExamplesSkipped { get; init; }
}
