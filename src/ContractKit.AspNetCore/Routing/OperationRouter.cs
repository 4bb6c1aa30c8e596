using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.AspNetCore.Routing;

/// <summary>Where a request landed in the contract.</summary>
internal enum RouteOutcome
{
    /// <summary>No path template of the contract matches.</summary>
    UnknownPath,

    /// <summary>A path matches, but it declares no operation for the method.</summary>
    MethodNotAllowed,

    /// <summary>An operation matches.</summary>
    Matched,
}

/// <summary>The router's answer: the operation and its path parameters' raw (still percent-encoded) values.</summary>
internal readonly record struct RouteMatch(RouteOutcome Outcome, Operation? Operation, IReadOnlyDictionary<string, string> PathValues, IReadOnlyList<string> AllowedMethods);

/// <summary>
/// Matches method + path against the contract's path templates, after the first server's base path (<c>/v1</c>) when
/// the request has it. Literal segments win over templated ones, as OpenAPI requires (<c>/threads/runs</c> before
/// <c>/threads/{id}</c>).
/// </summary>
internal sealed class OperationRouter
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();
    private readonly List<Template> _templates;

    public OperationRouter(ContractModel model)
    {
        BasePath = BasePathOf(model.Servers.FirstOrDefault()?.Url);
        _templates = model.Operations
            .GroupBy(o => o.Path, StringComparer.Ordinal)
            .Select(g => new Template(g.Key, Segment.Parse(g.Key), g.ToDictionary(o => o.Method, StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(t => t.Segments.Count(s => s.Literal is not null))
            .ThenBy(t => t.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first server's path, without a trailing slash; empty when there is none.</summary>
    public string BasePath { get; }

    public RouteMatch Match(string method, string path)
    {
        if (BasePath.Length > 0 && path.StartsWith(BasePath, StringComparison.Ordinal) && (path.Length == BasePath.Length || path[BasePath.Length] == '/'))
        {
            var inner = MatchTemplates(method, path, BasePath.Length);
            if (inner.Outcome != RouteOutcome.UnknownPath)
            {
                return inner;
            }
        }

        return MatchTemplates(method, path, 0);
    }

    /// <summary>Matches <c>path[start..]</c> segment by segment in place: no split, no substrings but the bound values.</summary>
    private RouteMatch MatchTemplates(string method, string path, int start)
    {
        var rest = path.AsSpan(start).TrimStart('/');
        var parts = rest.Count('/') + 1;
        foreach (var template in _templates)
        {
            if (template.Segments.Length != parts || !template.TryBind(path, path.Length - rest.Length, out var values))
            {
                continue;
            }

            if (template.Operations.TryGetValue(method, out var operation))
            {
                return new RouteMatch(RouteOutcome.Matched, operation, values, []);
            }

            var allowed = template.Operations.Values.Select(o => o.Method).Order(StringComparer.Ordinal).ToList();
            return new RouteMatch(RouteOutcome.MethodNotAllowed, null, NoValues, allowed);
        }

        return new RouteMatch(RouteOutcome.UnknownPath, null, NoValues, []);
    }

    private static string BasePathOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "";
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?')[0];
        return path.TrimEnd('/') is var trimmed && trimmed.StartsWith('/') ? trimmed : "";
    }

    private sealed record Template(string Path, Segment[] Segments, Dictionary<string, Operation> Operations)
    {
        /// <summary>Binds the segments of <c>path[start..]</c> (as many as <see cref="Segments"/>, already counted).</summary>
        public bool TryBind(string path, int start, out IReadOnlyDictionary<string, string> values)
        {
            values = NoValues;
            Dictionary<string, string>? bound = null;
            for (var i = 0; i < Segments.Length; i++)
            {
                var slash = path.IndexOf('/', start);
                var end = slash < 0 ? path.Length : slash;
                var part = path.AsSpan(start, end - start);
                start = end + 1;
                var segment = Segments[i];
                if (segment.Literal is { } literal)
                {
                    if (!part.SequenceEqual(literal))
                    {
                        return false;
                    }

                    continue;
                }

                if (!segment.TryBind(part, out var value))
                {
                    return false;
                }

                (bound ??= new Dictionary<string, string>(StringComparer.Ordinal))[segment.Name!] = path.Substring(end - part.Length + value.Start, value.Length);
            }

            values = bound ?? NoValues;
            return true;
        }
    }

    /// <summary>A literal segment, or one parameter with an optional literal prefix and suffix (<c>{id}.json</c>).</summary>
    private sealed record Segment(string? Literal, string? Name, string Prefix, string Suffix)
    {
        public static Segment[] Parse(string template) =>
            template.TrimStart('/').Split('/').Select(Of).ToArray();

        private static Segment Of(string text)
        {
            var open = text.IndexOf('{', StringComparison.Ordinal);
            var close = text.IndexOf('}', StringComparison.Ordinal);
            return open < 0 || close < open
                ? new Segment(text, null, "", "")
                : new Segment(null, text[(open + 1)..close], text[..open], text[(close + 1)..]);
        }

        /// <summary>Where the value sits in <paramref name="part"/>, between the prefix and the suffix.</summary>
        public bool TryBind(ReadOnlySpan<char> part, out (int Start, int Length) value)
        {
            value = default;
            if (part.Length <= Prefix.Length + Suffix.Length || !part.StartsWith(Prefix, StringComparison.Ordinal) || !part.EndsWith(Suffix, StringComparison.Ordinal))
            {
                return false;
            }

            value = (Prefix.Length, part.Length - Prefix.Length - Suffix.Length);
            return true;
        }
    }
}
