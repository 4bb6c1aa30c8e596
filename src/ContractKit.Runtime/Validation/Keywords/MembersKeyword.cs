using ContractKit.Runtime.Validation.Compiler;
using ContractKit.Runtime.Validation.Evaluation;
using ContractKit.Runtime.Validation.Instance;

namespace ContractKit.Runtime.Validation.Keywords;

/// <summary>
/// The verdict walk's fusion of <c>properties</c>, <c>required</c>, <c>additionalProperties</c> and
/// <c>propertyNames</c>: one pass over the members with one name lookup each, required names ticked off in a bit
/// mask. Built by linking from the node's own keywords, which the collecting walk still uses, so error reports do
/// not change. It never reports: a failure only ends the verdict walk.
/// </summary>
internal sealed class MembersKeyword : Keyword
{
    private readonly Utf8NameTable? _names;
    private readonly SchemaNode[] _schemas;
    private readonly SchemaNode? _additional;
    private readonly SchemaNode? _propertyNames;
    private readonly bool _required;
    private readonly ulong _neededAnyway;
    private readonly ulong _neededInRequests;
    private readonly ulong _neededInResponses;

    public MembersKeyword(PropertiesKeyword? properties, RequiredKeyword? required, AdditionalPropertiesKeyword? additional, PropertyNamesKeyword? propertyNames)
        : base("properties")
    {
        _names = properties?.Names;
        _schemas = properties?.Schemas ?? [];
        _additional = additional?.Schema;
        _propertyNames = propertyNames?.Schema;
        if (required is not null)
        {
            _required = true;
            for (var n = 0; n < required.Names.Length; n++)
            {
                // CanFuse checked that every required name is a declared property, whose index is under 64.
                var bit = 1UL << _names!.IndexOf(required.Names[n]);
                _neededAnyway |= bit;
                _neededInRequests |= required.ReadOnly[n] ? 0 : bit;
                _neededInResponses |= required.WriteOnly[n] ? 0 : bit;
            }
        }
    }

    /// <summary>
    /// Whether the parts fit one pass: <c>additionalProperties</c> declared by exactly these properties (no
    /// patterns), and every required name among at most 64 properties.
    /// </summary>
    public static bool CanFuse(PropertiesKeyword? properties, RequiredKeyword? required, AdditionalPropertiesKeyword? additional)
    {
        if (additional is not null && (additional.HasPatterns || !ReferenceEquals(additional.Names, properties?.Names)))
        {
            return false;
        }

        if (required is null)
        {
            return true;
        }

        if (properties is null || properties.Names.Count > 64)
        {
            return false;
        }

        foreach (var name in required.Names)
        {
            if (properties.Names.IndexOf(name) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Evaluate(ref Walker w, int token, in Annotations annotations)
    {
        if (w.Tokens[token].Kind != TokenKind.Object)
        {
            return true;
        }

        var seen = 0UL;
        foreach (var (name, ordinal) in w.Members(token))
        {
            if (_propertyNames is not null && !_propertyNames.Evaluate(ref w, name, Annotations.None))
            {
                return false;
            }

            var index = _names is null ? -1 : _names.IndexOf(w.Utf8(name));
            SchemaNode schema;
            if (index >= 0)
            {
                seen |= 1UL << index;
                schema = _schemas[index];
            }
            else if (_additional is not null)
            {
                schema = _additional;
            }
            else
            {
                continue;
            }

            w.Mark(annotations, ordinal);
            if (!schema.Evaluate(ref w, name + 1, Annotations.None))
            {
                return false;
            }
        }

        if (!_required)
        {
            return true;
        }

        var needed = w.Direction switch
        {
            ValidationDirection.Request => _neededInRequests,
            ValidationDirection.Response => _neededInResponses,
            _ => _neededAnyway,
        };
        return (seen & needed) == needed;
    }
}
