using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.CodeGen;
using ContractKit.CodeGen.Planning;
using ContractKit.Model;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// The planner's decisions, read from its plans (not from the C# printed from them): what each method of an
/// operation takes, sends, reads, validates and says. Real operations of the OpenAI API and of <c>spec/threads.yaml</c>.
/// </summary>
public sealed class OperationPlannerTests
{
    private static readonly Lazy<(IReadOnlyList<OperationPlan> Plans, PlanRegistry Registry)> OpenAi = new(() =>
        OperationPlanner.PlanAll(TempSpec.BuildModel(Corpus.PathOf("openai", "openapi.yaml")), Options("openapi.yaml")));

    private static CSharpOptions Options(string source) => new() { Namespace = "Plans", ClientName = "OpenAIClient", SourceName = source };

    private static OperationPlan Plan(string operationId) => OpenAi.Value.Plans.Single(p => p.Operation.OperationId == operationId);

    [CorpusFact]
    public void CreateFile_IsOneMultipartMethod_TakingTheFileAndPurposeFirst_AndReadingAnOpenAIFileCheckedAsCreateFileResponse()
    {
        var method = Assert.Single(Plan("createFile").Methods);

        Assert.Equal("CreateFileAsync", method.Name);
        var body = Assert.IsType<RequestBodyPlan>(method.Body);
        Assert.Equal(BodyKind.Multipart, body.Kind);
        Assert.Equal("multipart/form-data", body.Media!.MediaType);
        Assert.Null(body.Validator);
        var file = body.Fields.Single(f => f.Property.JsonName == "file");
        Assert.Equal(FileShape.Single, file.Files);
        Assert.True(file.Required);
        Assert.Equal("global::ContractKit.Runtime.FilePart", file.Type.Name);
        var purpose = body.Fields.Single(f => f.Property.JsonName == "purpose");
        Assert.Equal(FormValueKind.Json, purpose.Value!.Kind);

        // Required fields, then optional ones; all of them form fields.
        Assert.Equal(["@file", "purpose", "expiresAfter"], method.Parameters.Select(p => p.Name));
        Assert.All(method.Parameters, p => Assert.Equal(ParameterTarget.FormField, p.Target));
        Assert.Equal([false, false, true], method.Parameters.Select(p => p.Optional));

        Assert.Equal(ResponseKind.Json, method.Response.Kind);
        Assert.Equal("OpenAIFile", method.Response.Type!.Value.Name);
        Assert.Equal(["application/json"], method.Response.Accept);
        Assert.Equal("CreateFileResponse", method.Response.Validator);
        Assert.Contains(OpenAi.Value.Registry.Validators, v => v.Name == "CreateFileResponse");
    }

    [CorpusFact]
    public void CreateChatCompletion_PlansAJsonMethod_AndAStreamMethodThatAcceptsEventStreams_SetsTheStreamFlag_AndChecksEachEvent()
    {
        var methods = Plan("createChatCompletion").Methods;
        Assert.Equal(["CreateChatCompletionAsync", "CreateChatCompletionStreamAsync"], methods.Select(m => m.Name));
        var (json, stream) = (methods[0], methods[1]);

        Assert.Equal(BodyKind.Json, json.Body!.Kind);
        Assert.Equal("CreateChatCompletionRequest", json.Body.Type!.Value.Name);
        Assert.Equal("CreateChatCompletionRequest", json.Body.Validator);
        Assert.False(json.Body.SetsStreamFlag);
        Assert.Equal(ResponseKind.Json, json.Response.Kind);
        Assert.Equal("CreateChatCompletionResponse", json.Response.Type!.Value.Name);
        Assert.Equal("CreateChatCompletionResponse", json.Response.Validator);
        Assert.Equal(["application/json"], json.Response.Accept);

        Assert.True(stream.Body!.SetsStreamFlag);
        Assert.Equal("CreateChatCompletionRequest", stream.Body.Validator);
        Assert.Equal(ResponseKind.EventStream, stream.Response.Kind);
        Assert.Equal("CreateChatCompletionStreamResponse", stream.Response.Type!.Value.Name);
        Assert.Equal(["text/event-stream"], stream.Response.Accept);
        Assert.Equal("CreateChatCompletionEvent", stream.Response.Validator);
        Assert.Empty(stream.Response.EmptyStatuses);

        // One body parameter, required; bearer credentials from the options.
        var body = Assert.Single(json.Parameters);
        Assert.Equal((ParameterTarget.Body, false), (body.Target, body.Optional));
        var alternative = Assert.Single(json.Security);
        Assert.Equal("bearer", Assert.Single(alternative).Kind);
    }

    [CorpusFact]
    public void CreateImageEdit_SendsJsonFromTheMainMethod_AndMultipartFromAnAlternate_EachNamingTheOtherInItsDocs()
    {
        var methods = Plan("createImageEdit").Methods;
        Assert.Equal(
            ["CreateImageEditAsync", "CreateImageEditStreamAsync", "CreateImageEditMultipartAsync", "CreateImageEditMultipartStreamAsync"],
            methods.Select(m => m.Name));
        Assert.Equal([BodyKind.Json, BodyKind.Json, BodyKind.Multipart, BodyKind.Multipart], methods.Select(m => m.Body!.Kind));

        Assert.Equal("application/json", methods[0].Docs.SentMediaType);
        Assert.Equal([("multipart/form-data", (string?)"CreateImageEditMultipartAsync")], methods[0].Docs.AlsoAccepted);
        Assert.Equal("multipart/form-data", methods[2].Docs.SentMediaType);
        Assert.Equal([("application/json", (string?)"CreateImageEditAsync")], methods[2].Docs.AlsoAccepted);

        // Several images: a list of file parts, one part each.
        Assert.Equal(FileShape.Many, methods[2].Body!.Fields.Single(f => f.Property.JsonName == "image").Files);
        Assert.Equal(ResponseKind.EventStream, methods[3].Response.Kind);
    }

    [CorpusFact]
    public void CreateSpeech_ReturnsTheOctetStreamUnbuffered_AcceptingOnlyIt_WithATypedRateLimitError_AndNoResponseValidator()
    {
        var method = Plan("createSpeech").Methods[0];

        Assert.Equal(ResponseKind.Binary, method.Response.Kind);
        Assert.Equal("application/octet-stream", method.Response.Media!.MediaType);
        Assert.Equal(["application/octet-stream"], method.Response.Accept);
        Assert.Null(method.Response.Validator);
        Assert.Null(method.Response.Type);
        var error = Assert.Single(method.Response.Errors);
        Assert.Equal(("429", (int?)null, "ErrorResponse"), (error.StatusCode, error.Range, error.Type.Name));
        Assert.Equal(BodyKind.Json, method.Body!.Kind);
    }

    [Fact]
    public void ModifyThread_SendsItsConstantOpenAIBetaHeaderItself_AndTakesTheThreadIdThenTheBody()
    {
        var (plans, _) = OperationPlanner.PlanAll(TempSpec.BuildModel(TempSpec.ThreadsSpecPath), Options("threads.yaml"));
        var method = Assert.Single(plans.Single(p => p.Operation.OperationId == "modifyThread").Methods);

        Assert.Equal([new ConstantHeader("OpenAI-Beta", "assistants=v2")], method.ConstantHeaders);
        Assert.Empty(method.Headers);
        Assert.DoesNotContain(method.Parameters, p => p.WireName == "OpenAI-Beta");
        Assert.Equal([("threadId", ParameterTarget.Path), ("body", ParameterTarget.Body)], method.Parameters.Select(p => (p.Name, p.Target)));
        Assert.Equal("/threads/", method.Path[0].Literal);
        Assert.Equal("threadId", method.Path[1].Parameter!.Name);
        Assert.Equal(2, method.Path.Count);
        Assert.Equal("ModifyThreadRequest", method.Body!.Validator);
        Assert.True(method.Body.Required);
    }

    [Fact]
    public void QueryHeadersCookiesAndText_ArePlannedInDeclaredOrder_WithTheArrayStyle_TheNullGuard_AndAWarningPerMethodForTheCookie()
    {
        using var spec = new TempSpec("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /notes/{id}:
                put:
                  operationId: putNote
                  parameters:
                    - { name: tags, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
                    - { name: id, in: path, required: true, schema: { type: integer } }
                    - { name: X-Trace, in: header, schema: { type: string } }
                    - { name: session, in: cookie, schema: { type: string } }
                    - { name: page, in: query, required: true, schema: { type: integer } }
                  requestBody:
                    content: { text/plain: { schema: { type: string } } }
                  responses:
                    "200": { description: ok, content: { application/xml: { schema: { type: string } } } }
                    "204": { description: empty }
            """);
        var (plans, registry) = OperationPlanner.PlanAll(spec.BuildModel(), Options("spec.yaml"));
        var method = Assert.Single(Assert.Single(plans).Methods);

        // Path, then required (page), then the body, then optional ones in declared order.
        Assert.Equal(["id", "page", "body", "tags", "xTrace"], method.Parameters.Select(p => p.Name));
        Assert.Equal(["tags", "page"], method.Query.Select(p => p.WireName));
        Assert.Equal(new QueryArray(Exploded: false, Separator: "|"), method.Query[0].QueryArray);
        Assert.Equal((false, "long"), (method.Query[1].Guarded, method.Query[1].Type.Name));
        Assert.True(Assert.Single(method.Headers).Guarded);
        Assert.Equal((BodyKind.Text, false), (method.Body!.Kind, method.Body.Required));
        Assert.Equal((ResponseKind.Text, "application/xml"), (method.Response.Kind, method.Response.Media!.MediaType));
        Assert.Equal(["204"], method.Response.EmptyStatuses);
        var warning = Assert.Single(registry.Warnings);
        Assert.Equal(("putNote: cookie parameter 'session' is not sent by the generated client yet", "#/paths/~1notes~1{id}/put"), warning);
    }
}
