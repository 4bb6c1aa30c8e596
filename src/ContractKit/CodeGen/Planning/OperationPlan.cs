using System.Collections.Generic;
using ContractKit.Model;

namespace ContractKit.CodeGen.Planning;

/// <summary>
/// What the client writes for one operation: its methods in order (the main one, its <c>…StreamAsync</c> variant,
/// then one per alternate request media type with its own stream variant). Built by <see cref="OperationPlanner"/>;
/// the emitter only prints it.
/// </summary>
internal sealed record OperationPlan(Operation Operation, string Pointer, IReadOnlyList<MethodPlan> Methods);

/// <summary>One client method: everything it takes, sends, reads and says, decided.</summary>
/// <param name="Name">The C# method name.</param>
/// <param name="Operation">The operation it calls.</param>
/// <param name="Parameters">In signature order (path, required, body or form fields, optional; the cancellation token is implied).</param>
/// <param name="Path">The path template as literal pieces and escaped parameters.</param>
/// <param name="Query">Query parameters in the order the operation declares them.</param>
/// <param name="Headers">Header parameters the method takes, in declared order.</param>
/// <param name="ConstantHeaders">Headers the contract fixes to one value, which the method sends itself.</param>
/// <param name="QueryCredentials">API keys sent in the query string.</param>
/// <param name="Security">The security alternatives applied in order: the first whose credentials are all set wins.</param>
/// <param name="Body">The request body it sends, if any.</param>
/// <param name="Response">What it reads and returns.</param>
/// <param name="Docs">What its doc comment says beyond the parameters.</param>
/// <param name="ObsoleteMessage">The <c>[Obsolete]</c> message of a deprecated operation, else null.</param>
internal sealed record MethodPlan(
    string Name,
    Operation Operation,
    IReadOnlyList<ParameterPlan> Parameters,
    IReadOnlyList<PathPiece> Path,
    IReadOnlyList<ParameterPlan> Query,
    IReadOnlyList<ParameterPlan> Headers,
    IReadOnlyList<ConstantHeader> ConstantHeaders,
    IReadOnlyList<Credential> QueryCredentials,
    IReadOnlyList<IReadOnlyList<Credential>> Security,
    RequestBodyPlan? Body,
    ResponsePlan Response,
    MethodDocs Docs,
    string? ObsoleteMessage);

/// <summary>Where a method parameter goes.</summary>
internal enum ParameterTarget
{
    Path,
    Query,
    Header,
    Body,
    FormField,
}

/// <summary>
/// One method parameter. <paramref name="Optional"/>: declared with a default. <paramref name="Guarded"/>: sent only
/// when not null. <paramref name="Description"/>: the spec's text, unescaped. <paramref name="WireName"/>: the name
/// on the wire (the body has none). <paramref name="QueryArray"/>: how a query array is written.
/// </summary>
internal sealed record ParameterPlan(
    string Name,
    CSharpType Type,
    ParameterTarget Target,
    bool Optional,
    bool Guarded,
    string? Description,
    string? WireName,
    QueryArray? QueryArray = null)
{
    /// <summary>Strings go as they are; anything else through <c>ApiClientHelpers.FormatValue</c>.</summary>
    public bool IsString => Type.Name == "string";
}

/// <summary>
/// A query array: <paramref name="Exploded"/> (<c>name=a&amp;name=b</c>, OpenAPI's default form style), else one
/// value joined by <paramref name="Separator"/> (<c>,</c>, space, <c>|</c>).
/// </summary>
internal sealed record QueryArray(bool Exploded, string Separator);

/// <summary>A piece of the request path: a literal, or a path parameter (escaped as one segment).</summary>
internal sealed record PathPiece(string? Literal, ParameterPlan? Parameter);

/// <summary>A header the method sends with a fixed value (overridable through the options' <c>HeaderOverrides</c>).</summary>
internal sealed record ConstantHeader(string Name, string Value);

/// <summary>One credential the options class offers (<paramref name="Kind"/>: <c>bearer</c> or <c>apiKey</c>), and the scheme it answers.</summary>
internal sealed record Credential(SecurityScheme Scheme, string PropertyName, string Kind);

/// <summary>What the method's doc comment says beyond its parameters.</summary>
/// <param name="Summary">The summary line: the operation's summary, else its id.</param>
/// <param name="Description">The description, when it says more than the summary.</param>
/// <param name="SentMediaType">With several request media types: the one this method sends.</param>
/// <param name="AlsoAccepted">The operation's other request media types, each with the method that sends it, if any.</param>
internal sealed record MethodDocs(string Summary, string? Description, string? SentMediaType, IReadOnlyList<(string MediaType, string? Method)> AlsoAccepted);
