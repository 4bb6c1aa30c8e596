using ContractKit.AspNetCore.Routing;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

public sealed class OperationRouterTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Routes, version: "1" }
        servers: [{ url: "https://api.example.com/v1/" }]
        paths:
          /threads/{thread_id}:
            get: { operationId: getThread, parameters: [{ name: thread_id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
            post: { operationId: modifyThread, parameters: [{ name: thread_id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
          /threads/runs:
            post: { operationId: createRun, responses: { "200": { description: ok } } }
          /files/{file_id}.json:
            get: { operationId: getFileJson, parameters: [{ name: file_id, in: path, required: true, schema: { type: string } }], responses: { "200": { description: ok } } }
          /:
            get: { operationId: root, responses: { "200": { description: ok } } }
        """;

    private static OperationRouter Router()
    {
        using var spec = new TempSpec(Spec);
        return new OperationRouter(spec.BuildModel());
    }

    [Theory]
    [InlineData("POST", "/v1/threads/thread_abc", "modifyThread")]
    [InlineData("POST", "/threads/thread_abc", "modifyThread")]
    [InlineData("get", "/v1/threads/thread_abc", "getThread")]
    [InlineData("POST", "/v1/threads/runs", "createRun")]
    [InlineData("GET", "/v1/files/file-9.json", "getFileJson")]
    [InlineData("GET", "/v1", "root")]
    [InlineData("GET", "/", "root")]
    public void Matches_the_operation_after_the_base_path_with_literals_before_templates(string method, string path, string operationId)
    {
        var match = Router().Match(method, path);

        Assert.Equal(RouteOutcome.Matched, match.Outcome);
        Assert.Equal(operationId, match.Operation!.OperationId);
    }

    [Theory]
    [InlineData("/v1/threads/thread_abc", "thread_id", "thread_abc")]
    [InlineData("/v1/threads/a%20b", "thread_id", "a%20b")]
    [InlineData("/v1/files/file-9.json", "file_id", "file-9")]
    public void Binds_path_values_raw_without_prefix_or_suffix(string path, string name, string value)
    {
        var match = Router().Match("GET", path);

        Assert.Equal(value, Assert.Contains(name, match.PathValues));
    }

    [Theory]
    [InlineData("/v1/threads")]
    [InlineData("/v1/threads/a/b")]
    [InlineData("/v1/files/.json")]
    [InlineData("/v1/files/file-9.xml")]
    [InlineData("/v2/threads/thread_abc")]
    public void Reports_paths_the_contract_lacks_as_unknown(string path) =>
        Assert.Equal(RouteOutcome.UnknownPath, Router().Match("GET", path).Outcome);

    [Fact]
    public void Reports_a_known_path_with_an_undeclared_method_as_not_allowed_listing_the_declared_ones()
    {
        var match = Router().Match("DELETE", "/v1/threads/thread_abc");

        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(["GET", "POST"], match.AllowedMethods);
    }
}
