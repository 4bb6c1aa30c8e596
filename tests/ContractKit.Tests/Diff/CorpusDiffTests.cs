using System.Linq;
using ContractKit.Diff;
using ContractKit.Reporting;
using Xunit;
using ContractKit.Pipeline;

namespace ContractKit.Tests.Diff;

/// <summary>OpenAI's Assistants API v1 → v2: real changes, judged the way a client would.</summary>
public sealed class CorpusDiffTests
{
    [CorpusFact]
    public void AssistantsV1ToV2()
    {
        var run = DiffPipeline.RunAsync(new DiffRequest
        {
            Base = Corpus.PathOf("openai", "assistants-v1.yaml"),
            Head = Corpus.PathOf("openai", "assistants-v2.yaml"),
        }).GetAwaiter().GetResult();
        Assert.Equal(0, run.ExitCode);
        var findings = run.Findings;

        // ModifyThreadRequest gained an optional tool_resources: nothing a client sends stops working.
        Assert.DoesNotContain(findings, f => f.Operation == "POST /threads/{thread_id}" && f.Level == FindingLevel.Error);
        Assert.DoesNotContain(findings, f => f.Message.Contains("tool_resources", System.StringComparison.Ordinal));

        // AssistantObject lost its required file_ids: every client reading an assistant breaks.
        var removed = Assert.Single(findings, f => f.RuleId == "response-property-removed" && f.Operation == "GET /assistants/{assistant_id}");
        Assert.Equal(FindingLevel.Error, removed.Level);
        Assert.Equal("#/components/schemas/AssistantObject", removed.Location!.Pointer);
        Assert.Contains("'file_ids'", removed.Message, System.StringComparison.Ordinal);
        Assert.True(removed.Location.Line > 0);

        // The assistant files endpoints are gone.
        Assert.Contains(findings, f => f.RuleId == "path-removed" && f.Operation == "GET /assistants/{assistant_id}/files");
    }

    [CorpusFact]
    public void WholeOpenAiSpec_AgainstItself_HasNoFindings()
    {
        var path = Corpus.PathOf("openai", "openapi.yaml");
        var run = DiffPipeline.RunAsync(new DiffRequest { Base = path, Head = path }).GetAwaiter().GetResult();
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Findings);
    }
}
