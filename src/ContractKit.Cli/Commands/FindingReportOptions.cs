using System;
using System.CommandLine;
using System.Linq;
using ContractKit.Diagnostics;
using ContractKit.Reporting;

namespace ContractKit.Cli.Commands;

/// <summary>
/// The options <c>diff</c> and <c>lint</c> share, under the same names: <c>--format</c>/<c>-f</c>, <c>--fail-on</c> and
/// <c>--level rule=level</c> (lint's old <c>--rule</c> still works, with a deprecation note). What they mean is
/// <see cref="ReportPolicy"/>'s.
/// </summary>
internal sealed class FindingReportOptions
{
    private readonly Option<string> _format = new("--format", "-f") { Description = "text, markdown, json, github or sarif.", DefaultValueFactory = _ => "text" };
    private readonly Option<string> _failOn;
    private readonly Option<string[]> _levels = new("--level")
    {
        Description = "Override a rule's level: rule=error|warning|info|off (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]>? _deprecatedRule;

    public FindingReportOptions(string failOnDescription, bool acceptRule)
    {
        _format.AcceptOnlyFromAmong([.. ReportPolicy.FormatNames]);
        _failOn = new Option<string>("--fail-on") { Description = failOnDescription, DefaultValueFactory = _ => "error" };
        _failOn.AcceptOnlyFromAmong([.. ReportPolicy.FailOnNames]);
        if (acceptRule)
        {
            _deprecatedRule = new Option<string[]>("--rule") { Description = "Deprecated: use --level.", Hidden = true, AllowMultipleArgumentsPerToken = false };
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_failOn);
        command.Options.Add(_levels);
        if (_deprecatedRule is not null)
        {
            command.Options.Add(_deprecatedRule);
        }
    }

    public ReportFormat Format(ParseResult parse) => ReportPolicy.ParseFormat(parse.GetValue(_format));

    public FindingLevel? FailOn(ParseResult parse) => ReportPolicy.ParseFailOn(parse.GetValue(_failOn));

    /// <summary>The <c>--level</c> overrides (and the deprecated <c>--rule</c>'s), or null after a usage error on stderr.</summary>
    public System.Collections.Generic.Dictionary<string, FindingLevel?>? Levels(ParseResult parse, Func<string, bool> isKnown, string? hint = null)
    {
        var old = _deprecatedRule is null ? [] : parse.GetValue(_deprecatedRule) ?? [];
        if (old.Length > 0)
        {
            Console.Error.WriteLine("warning: --rule is deprecated; use --level (same syntax: --level ID=LEVEL or NAME=LEVEL)");
        }

        var levels = ReportPolicy.ParseLevels([.. parse.GetValue(_levels) ?? [], .. old], isKnown, hint, out var error);
        if (levels is null)
        {
            Console.Error.WriteLine($"error {DiagnosticIds.Usage}: {error}");
        }

        return levels;
    }
}
