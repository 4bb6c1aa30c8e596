using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Diff;
using ContractKit.Reading;
using ContractKit.Reporting;
using ContractKit.Tests.Support;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Diff;

/// <summary>Builds small specs around one operation (<c>POST /items/{id}</c>) and diffs them in process.</summary>
internal static class DiffHarness
{
    /// <summary>A 3.0 spec; every argument is YAML (flow style is handy: <c>{type: string}</c>).</summary>
    public static string Api(
        string request = "{type: object}",
        string response = "{type: object}",
        string parameters = "",
        string schemas = "",
        string operationExtras = "",
        string responseExtras = "",
        string bodyRequired = "false",
        string requestMedia = "application/json",
        string responseMedia = "application/json",
        string extraPaths = "",
        string version = "3.0.3",
        string pathParameter = "id",
        string topLevel = "")
    {
        var indentedParameters = string.Join("\n", parameters.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "        " + l.Trim()));
        var schemaLines = string.Join("\n", schemas.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l.TrimEnd()));
        var path = "/items/{" + pathParameter + "}";
        return $$$"""
            openapi: {{{version}}}
            info: {title: T, version: '1'}
            {{{topLevel}}}
            paths:
              {{{path}}}:
                post:
                  operationId: op
                  {{{operationExtras}}}
                  parameters:
                    - {name: {{{pathParameter}}}, in: path, required: true, schema: {type: string}}
            {{{indentedParameters}}}
                  requestBody:
                    required: {{{bodyRequired}}}
                    content:
                      {{{requestMedia}}}:
                        schema: {{{request}}}
                  responses:
                    '200':
                      description: ok
                      {{{responseExtras}}}
                      content:
                        {{{responseMedia}}}:
                          schema: {{{response}}}
                    '404':
                      description: missing
            {{{extraPaths}}}
            components:
              schemas:
                Placeholder: {type: string}
            {{{schemaLines}}}
            """;
    }

    public static IReadOnlyList<Finding> Changes(string baseYaml, string headYaml)
    {
        using var files = new TempFiles();
        var basePath = files.Write("base.yaml", baseYaml);
        var headPath = files.Write("head.yaml", headYaml);
        var run = DiffPipeline.RunAsync(new DiffRequest { Base = basePath, Head = headPath }).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, string.Join("\n", run.Diagnostics));
        return run.Findings;
    }

    /// <summary>Exactly one finding of <paramref name="rule"/>, and nothing at error level from other rules.</summary>
    public static Finding Single(IReadOnlyList<Finding> findings, DiffRule rule)
    {
        var matching = findings.Where(f => f.RuleId == rule.Id).ToList();
        Assert.True(matching.Count == 1, $"expected one {rule.Id}, got:\n{Describe(findings)}");
        Assert.True(findings.All(f => f.RuleId == rule.Id || f.Level != FindingLevel.Error), $"unexpected errors:\n{Describe(findings)}");
        Assert.Equal(rule.DefaultLevel, matching[0].Level);
        return matching[0];
    }

    public static void None(IReadOnlyList<Finding> findings) => Assert.True(findings.Count == 0, "expected no findings, got:\n" + Describe(findings));

    public static string Describe(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(f => $"{f.Level} {f.RuleId} {f.Operation}: {f.Message} @ {f.Location}"));
}
