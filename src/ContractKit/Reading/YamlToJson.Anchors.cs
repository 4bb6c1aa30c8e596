using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using ContractKit.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractKit.Reading;

// YAML's own sharing: anchors, aliases (expanded as copies within the alias budget) and merge keys.
internal sealed partial class YamlToJson
{

    private void OnAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchor))
        {
            Fatal(alias.Start, $"The alias '*{alias.Value.Value}' refers to an anchor that is not defined before it.");
            return;
        }

        if (!anchor.Complete)
        {
            Fatal(alias.Start, $"The alias '*{alias.Value.Value}' refers to a node that contains it; recursive structures cannot be represented.");
            return;
        }

        if (ExpectingKey(out var frame))
        {
            if (anchor.Node is JsonValue key)
            {
                SetKey(frame, key.ToString(), alias.Start, isMerge: false);
            }
            else
            {
                Fatal(alias.Start, "Only scalar mapping keys are supported; an alias to a mapping or sequence cannot be a key.");
            }

            return;
        }

        _aliasBudget -= anchor.Size;
        if (_aliasBudget < 0)
        {
            Fatal(alias.Start, $"YAML aliases expand to more than {SpecLimits.Current.MaxAliasExpansion:N0} nodes; refusing to expand further.", DiagnosticIds.LimitExceeded);
            return;
        }

        AddValue(anchor.Node?.DeepClone(), alias.Start, size: anchor.Size);
    }

    /// <summary>
    /// Merge keys (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>): keys written in the mapping itself win, then
    /// earlier sources over later ones. Applied when the mapping ends, so explicit keys after <c>&lt;&lt;</c> still win.
    /// </summary>
    private void ApplyMerges(JsonObject target, List<(JsonNode? Source, TextPosition Position)> merges)
    {
        foreach (var (source, position) in merges)
        {
            IEnumerable<JsonNode?> sources = source is JsonArray list ? list : [source];
            foreach (var item in sources)
            {
                if (item is not JsonObject from)
                {
                    _problems.Add(new Diagnostic(
                        DiagnosticIds.SyntaxError,
                        DiagnosticSeverity.Error,
                        "A merge key ('<<') must be given a mapping or a sequence of mappings.",
                        new SourceLocation(_filePath, position.Line, position.Column)));
                    return;
                }

                foreach (var (key, value) in from)
                {
                    if (!target.ContainsKey(key))
                    {
                        target.Add(key, value?.DeepClone());
                    }
                }
            }
        }
    }

    private void NoteProperties(NodeEvent node) => _unusual |= !node.Anchor.IsEmpty || !node.Tag.IsEmpty;

    private void Remember(AnchorName name, JsonNode? node, int size, bool complete)
    {
        if (!name.IsEmpty)
        {
            _anchors[name.Value] = new Anchor(node, size, complete);
        }
    }

    private sealed record Anchor(JsonNode? Node, int Size, bool Complete);
}
