using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContractKit.AspNetCore.Checking;
using ContractKit.Model;
using ContractKit.Runtime.Validation;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Mock;

/// <summary>
/// Answers a request the middleware has matched and accepted: the response picked by <c>Prefer: code=</c> (else the
/// first success), the media type by <c>Accept</c>, the body from the named or first example, else synthesized.
/// </summary>
public sealed class MockResponder
{
    private readonly ServedContract _contract;
    private readonly bool _dynamic;

    /// <summary>A responder over a contract; <paramref name="dynamic"/> for varied synthesized data.</summary>
    public MockResponder(ServedContract contract, bool dynamic = false)
    {
        _contract = contract ?? throw new ArgumentNullException(nameof(contract));
        _dynamic = dynamic;
    }

    /// <summary>Answers the request; a request the middleware did not match gets 404.</summary>
    public async Task RespondAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ContractValidationFeature>()?.Operation is not { } operation)
        {
            await ProblemWriter.WriteAsync(context, Problems.NotFound(context.Request.Path.Value ?? "/")).ConfigureAwait(false);
            return;
        }

        var preferences = MockPreferences.Of(context.Request);
        var chosen = ResponseChoice.Pick(operation, preferences.Code);
        if (chosen is null)
        {
            var problem = new ContractProblem(StatusCodes.Status404NotFound, "urn:contractkit:problem:no-such-response", "Not Found",
                $"{operation.OperationId} declares no response for 'Prefer: code={preferences.Code}'; it declares {string.Join(", ", operation.Responses.Select(r => r.StatusCode))}.", []);
            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
            return;
        }

        var (response, status) = chosen.Value;
        context.Response.StatusCode = status;
        var random = (preferences.Dynamic ?? _dynamic) ? new Random() : null;
        var synthesizer = new ExampleSynthesizer(_contract.FindType, ValidationDirection.Response, random);
        foreach (var header in response.Headers.Where(h => h.Required))
        {
            context.Response.Headers[header.Name] = synthesizer.Synthesize(header.Type) is JsonValue v && v.TryGetValue<string>(out var s) ? s : synthesizer.Synthesize(header.Type)?.ToJsonString() ?? "";
        }

        if (response.Content.Count == 0 || status is 204 or 304 || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var media = ResponseChoice.Negotiate(response, context.Request.Headers.Accept.ToString());
        var example = ExampleOf(operation, response, media, preferences.Example);
        var value = example ?? (media.Schema is { } schema ? synthesizer.Synthesize(schema)?.ToJsonString() ?? "null" : null);
        await MockBodies.WriteAsync(context, media, value, example is not null ? AllExamples(media) : null).ConfigureAwait(false);
    }

    private string[] AllExamples(MediaContent media) => media.Examples.ToArray();

    /// <summary>The named example (by its key in the spec, or its index), else the first; null when there is none.</summary>
    private string? ExampleOf(Operation operation, Response response, MediaContent media, string? name)
    {
        if (name is not null)
        {
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < media.Examples.Count)
            {
                return media.Examples[index];
            }

            if (NamedExample(operation, response, media, name) is { } named)
            {
                return named;
            }
        }

        return media.Examples.Count > 0 ? media.Examples[0] : null;
    }

    private string? NamedExample(Operation operation, Response response, MediaContent media, string name)
    {
        if (_contract.Document?.Paths is not { } paths || !paths.TryGetValue(operation.Path, out var pathItem) || pathItem.Operations is null)
        {
            return null;
        }

        var op = pathItem.Operations.FirstOrDefault(o => string.Equals(o.Key.Method, operation.Method, StringComparison.OrdinalIgnoreCase)).Value;
        if (op?.Responses is not { } responses || !responses.TryGetValue(response.StatusCode, out var declared) ||
            declared.Content is not { } content || !content.TryGetValue(media.MediaType, out var mediaType) ||
            mediaType.Examples is not { } examples || !examples.TryGetValue(name, out var example))
        {
            return null;
        }

        return example.Value?.ToJsonString();
    }
}
