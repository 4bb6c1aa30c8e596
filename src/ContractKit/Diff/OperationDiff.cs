using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.Diff;

/// <summary>Compares one operation present in both specs: security, parameters, request body, responses.</summary>
internal sealed partial class OperationDiff
{
    private readonly DiffSession _session;
    private readonly Operation _base;
    private readonly Operation _head;
    private readonly string _label;
    private readonly string _pointer;

    /// <summary>Named-type pairs already compared in this operation, per direction: guards recursion and repeats.</summary>
    private readonly HashSet<(string Base, string Head, bool Request)> _visited = [];

    public OperationDiff(DiffSession session, Operation baseOp, Operation headOp)
    {
        _session = session;
        _base = baseOp;
        _head = headOp;
        _label = headOp.Method + " " + headOp.Path;
        _pointer = JsonPointer.Append("#/paths", headOp.Path, headOp.Method.ToLowerInvariant());
    }

    public void Run()
    {
        if (_head.Deprecated && !_base.Deprecated && _session.Options.HasSunset?.Invoke(_pointer) != true)
        {
            Report(DiffRules.DeprecatedWithoutSunset, _pointer, $"{_label} became deprecated without an x-sunset date");
        }

        CompareSecurity();
        CompareParameters();
        CompareRequestBody();
        CompareResponses();
    }

    private void Report(DiffRule rule, string pointer, string message, string? oasdiffId = null) => _session.Report(rule, _label, pointer, message, oasdiffId);

    private void CompareSecurity()
    {
        if (_head.Security.Count == 0)
        {
            return;
        }

        if (_base.Security.Count == 0)
        {
            var schemes = string.Join(", ", _head.Security.SelectMany(s => s.Schemes).Select(s => s.SchemeName).Distinct().Order(StringComparer.Ordinal));
            Report(DiffRules.SecurityAdded, _pointer, $"{_label} now requires authentication ({schemes})");
            return;
        }

        // A client meets one base alternative; it still works if some head alternative asks for no more than that.
        foreach (var alternative in _base.Security)
        {
            var satisfied = _head.Security.Any(h => h.Schemes.All(hs =>
                alternative.Schemes.FirstOrDefault(bs => bs.SchemeName == hs.SchemeName) is { } bs
                && hs.Scopes.All(scope => bs.Scopes.Contains(scope))));
            if (!satisfied)
            {
                var text = string.Join(" + ", alternative.Schemes.Select(s => s.Scopes.Count == 0 ? s.SchemeName : $"{s.SchemeName} [{string.Join(", ", s.Scopes)}]"));
                Report(DiffRules.SecurityChanged, _pointer, $"clients authenticating with {text} are no longer accepted");
            }
        }
    }

    private void CompareParameters()
    {
        var baseParams = _base.Parameters.ToDictionary(p => ParameterKey(_base, p), StringComparer.Ordinal);
        var headParams = _head.Parameters.ToDictionary(p => ParameterKey(_head, p), StringComparer.Ordinal);
        var pointer = _pointer + "/parameters";

        foreach (var (key, bp) in baseParams)
        {
            if (!headParams.TryGetValue(key, out var hp))
            {
                var moved = _head.Parameters.FirstOrDefault(h => string.Equals(h.Name, bp.Name, StringComparison.OrdinalIgnoreCase));
                if (moved is not null)
                {
                    Report(DiffRules.ParameterSerializationChanged, moved.Pointer ?? pointer, $"parameter '{bp.Name}' moved from {Lower(bp.In)} to {Lower(moved.In)}");
                }
                else
                {
                    Report(DiffRules.ParameterRemoved, pointer, $"{Lower(bp.In)} parameter '{bp.Name}' was removed");
                }

                continue;
            }

            var what = $"{Lower(hp.In)} parameter '{hp.Name}'";
            var at = hp.Pointer ?? pointer;
            if (!bp.Required && hp.Required)
            {
                Report(DiffRules.ParameterBecameRequired, at, $"{what} became required");
            }

            if (!string.Equals(StyleOf(bp), StyleOf(hp), StringComparison.Ordinal) || bp.Explode != hp.Explode)
            {
                Report(DiffRules.ParameterSerializationChanged, at,
                    $"{what}: serialization changed from style={StyleOf(bp)}, explode={Lower(bp.Explode)} to style={StyleOf(hp)}, explode={Lower(hp.Explode)}");
            }

            if (bp.AllowEmptyValue && !hp.AllowEmptyValue)
            {
                Report(DiffRules.ParameterEmptyValueDisallowed, at, $"{what} no longer allows an empty value (allowEmptyValue removed)");
            }

            CompareUse(bp.Type, hp.Type, request: true, at, new Place(what, ""));
        }

        foreach (var (key, hp) in headParams)
        {
            if (hp.Required && !baseParams.ContainsKey(key) && !_base.Parameters.Any(b => string.Equals(b.Name, hp.Name, StringComparison.OrdinalIgnoreCase)))
            {
                Report(DiffRules.ParameterAddedRequired, hp.Pointer ?? pointer, $"required {Lower(hp.In)} parameter '{hp.Name}' was added");
            }
        }
    }

    /// <summary>Path parameters match by position in the template (a rename is no change); others by location and name.</summary>
    private static string ParameterKey(Operation op, Parameter p)
    {
        if (p.In == ParameterLocation.Path)
        {
            var index = op.Path.IndexOf("{" + p.Name + "}", StringComparison.Ordinal);
            if (index >= 0)
            {
                return "path#" + op.Path[..index].Count(c => c == '{');
            }
        }

        var name = p.In == ParameterLocation.Header ? p.Name.ToLowerInvariant() : p.Name;
        return Lower(p.In) + ":" + name;
    }

    /// <summary>Writing out the location's default style is no change.</summary>
    private static string StyleOf(Parameter p) => p.Style ?? (p.In is ParameterLocation.Query or ParameterLocation.Cookie ? "form" : "simple");

    private void CompareRequestBody()
    {
        var bb = _base.RequestBody;
        var hb = _head.RequestBody;
        var pointer = _pointer + "/requestBody";
        if (hb is null)
        {
            return;
        }

        if (hb.Required && (bb is null || !bb.Required))
        {
            Report(DiffRules.BodyBecameRequired, pointer, bb is null ? "a required request body was added" : "the request body became required");
        }

        if (bb is null)
        {
            return;
        }

        foreach (var bm in bb.Content)
        {
            var hm = hb.Content.FirstOrDefault(h => string.Equals(h.MediaType, bm.MediaType, StringComparison.OrdinalIgnoreCase));
            if (hm is null)
            {
                Report(DiffRules.RequestMediaTypeRemoved, pointer, $"request media type {bm.MediaType} is no longer accepted");
                continue;
            }

            if (bm.Schema is not null && hm.Schema is not null)
            {
                CompareUse(bm.Schema, hm.Schema, request: true, JsonPointer.Append(pointer + "/content", hm.MediaType, "schema"), new Place($"request body ({hm.MediaType})", ""));
            }
        }
    }

    private void CompareResponses()
    {
        foreach (var br in _base.Responses)
        {
            var hr = _head.Responses.FirstOrDefault(r => string.Equals(r.StatusCode, br.StatusCode, StringComparison.OrdinalIgnoreCase));
            if (hr is null)
            {
                Report(br.IsSuccess ? DiffRules.ResponseSuccessStatusRemoved : DiffRules.ResponseStatusRemoved, _pointer + "/responses",
                    $"response {br.StatusCode} was removed");
                continue;
            }

            var pointer = JsonPointer.Append(_pointer + "/responses", hr.StatusCode);
            foreach (var bm in br.Content)
            {
                var hm = hr.Content.FirstOrDefault(h => string.Equals(h.MediaType, bm.MediaType, StringComparison.OrdinalIgnoreCase));
                if (hm is null)
                {
                    Report(DiffRules.ResponseMediaTypeRemoved, pointer, $"response {br.StatusCode} no longer returns {bm.MediaType}");
                    continue;
                }

                if (bm.Schema is not null && hm.Schema is not null)
                {
                    CompareUse(bm.Schema, hm.Schema, request: false, JsonPointer.Append(pointer + "/content", hm.MediaType, "schema"), new Place($"response {hr.StatusCode} ({hm.MediaType})", ""));
                }
            }

            foreach (var bh in br.Headers)
            {
                var hh = hr.Headers.FirstOrDefault(h => string.Equals(h.Name, bh.Name, StringComparison.OrdinalIgnoreCase));
                if (hh is null)
                {
                    Report(DiffRules.ResponseHeaderRemoved, pointer + "/headers", $"response {br.StatusCode} no longer sends {(bh.Required ? "required" : "optional")} header {bh.Name}",
                        bh.Required ? null : "optional-response-header-removed");
                    continue;
                }

                CompareHeader(bh, hh, JsonPointer.Append(pointer + "/headers", hh.Name), $"response {hr.StatusCode} header {hh.Name}");
            }
        }
    }

    private void CompareHeader(ResponseHeader bh, ResponseHeader hh, string at, string what)
    {
        if (bh.Required && !hh.Required)
        {
            Report(DiffRules.ResponseHeaderBecameOptional, at, $"{what} became optional: clients reading it may not get it");
        }

        // Headers have one style (simple); writing it out is no change, explode is.
        var (baseStyle, headStyle) = (bh.Style ?? "simple", hh.Style ?? "simple");
        if (!string.Equals(baseStyle, headStyle, StringComparison.Ordinal) || bh.Explode != hh.Explode)
        {
            Report(DiffRules.ResponseHeaderSerializationChanged, at,
                $"{what}: serialization changed from style={baseStyle}, explode={Lower(bh.Explode)} to style={headStyle}, explode={Lower(hh.Explode)}");
        }

        CompareUse(bh.Type, hh.Type, request: false, at, new Place(what, ""));
    }

    internal static string Lower<T>(T value) where T : notnull => value.ToString()!.ToLowerInvariant();
}
