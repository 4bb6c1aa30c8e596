namespace ContractKit.Model;

/// <summary>JSON's scalar kinds, plus <see cref="Any"/> for "any JSON value".</summary>
public enum PrimitiveKind
{
    /// <summary>Any JSON value (no type, or a type the model cannot narrow).</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
}

/// <summary>Schema keywords that constrain a value without changing its type. All optional; JSON values kept as compact JSON text.</summary>
public sealed record Constraints
{
    public static Constraints None { get; } = new();

    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }

    /// <summary>Inclusive minimum, as the spec wrote the number.</summary>
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? ExclusiveMinimum { get; init; }
    public string? ExclusiveMaximum { get; init; }
    public decimal? MultipleOf { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public bool UniqueItems { get; init; }
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }

    /// <summary>Constraints on a map's or object's keys: 3.1 <c>propertyNames</c>, or the <c>x-propertyNames</c> extension in 3.0 specs.</summary>
    public Constraints? PropertyNames { get; init; }

    /// <summary>Allowed values (compact JSON each), for an enum the model did not turn into a named enum type.</summary>
    public EquatableArray<string> Enum { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The default value as compact JSON.</summary>
    public string? Default { get; init; }

    public bool IsEmpty => this == None;
}

/// <summary>A reference to a type: primitive, named, or an anonymous array or map.</summary>
public abstract record TypeRef;

/// <summary>A primitive with its OpenAPI format (<c>int64</c>, <c>date-time</c>, ...).</summary>
public sealed record PrimitiveRef(PrimitiveKind Kind, string? Format = null) : TypeRef
{
    public static PrimitiveRef Any { get; } = new(PrimitiveKind.Any);
}

/// <summary>A named type of the model, by <see cref="TypeDefinition.Id"/>.</summary>
public sealed record NamedRef(string TypeId) : TypeRef;

/// <summary>A JSON array.</summary>
public sealed record ArrayRef(TypeUse Items) : TypeRef;

/// <summary>A JSON object used as a string-keyed map.</summary>
public sealed record MapRef(TypeUse Values) : TypeRef;

/// <summary>One use of a type: the type, whether JSON <c>null</c> is allowed there, and the constraints written at that place.</summary>
public sealed record TypeUse(TypeRef Type, bool Nullable = false)
{
    public Constraints Constraints { get; init; } = Constraints.None;
}

/// <summary>A named type: a component schema, or an inline schema that needs a name (objects, enums, unions).</summary>
public abstract record TypeDefinition
{
    /// <summary>The JSON pointer of the schema that defines it, e.g. <c>#/components/schemas/ThreadObject</c>: unique and stable.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The readable name, as parts a naming pass joins in its language's style: a component's name, or for an inline
    /// schema its owner's parts plus the property (<c>[ModifyThreadRequest, tool_resources]</c>).
    /// </summary>
    public required EquatableArray<string> NameParts { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public bool Deprecated { get; init; }

    /// <summary>True when the schema itself admits <c>null</c>; every use of it then does.</summary>
    public bool Nullable { get; init; }

    public Constraints Constraints { get; init; } = Constraints.None;

    /// <summary>Examples written on the schema (compact JSON each).</summary>
    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A JSON object with known properties.</summary>
public sealed record ObjectType : TypeDefinition
{
    public required EquatableArray<Property> Properties { get; init; }

    /// <summary>
    /// Names the schema lists under <c>required</c> without declaring them under <c>properties</c> (ordinal order).
    /// JSON Schema requires them all the same; they have no type, so they travel with the properties not listed.
    /// </summary>
    public EquatableArray<string> UndeclaredRequired { get; init; } = EquatableArray<string>.Empty;

    /// <summary>What properties not listed may hold: null means any (the JSON Schema default), see <see cref="AdditionalPropertiesForbidden"/>.</summary>
    public TypeUse? AdditionalProperties { get; init; }

    /// <summary><c>additionalProperties: false</c>.</summary>
    public bool AdditionalPropertiesForbidden { get; init; }

    /// <summary>Component schemas this one was composed from with <c>allOf</c> (their properties are already merged in).</summary>
    public EquatableArray<string> AllOf { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// The object type this one extends, when that is sound: its <c>allOf</c> names exactly one component, an object
    /// that is not nullable, whose properties and additional-properties rule all reappear here unchanged (this type
    /// only adds). <see cref="Properties"/> still lists every property, inherited ones included.
    /// </summary>
    public string? Base { get; init; }

    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c> of branches that only list <c>required</c> names ("give <c>a</c> or <c>b</c>"): a
    /// constraint on which properties are present, not a union of types.
    /// </summary>
    public RequiredChoice? RequiredChoice { get; init; }
}

/// <summary>Alternatives of required property names: exactly one (<see cref="UnionKind.OneOf"/>) or at least one of them holds.</summary>
public sealed record RequiredChoice(UnionKind Kind, EquatableArray<EquatableArray<string>> Alternatives);

/// <summary>A property of an <see cref="ObjectType"/>.</summary>
public sealed record Property
{
    /// <summary>The name in JSON, exactly as the spec writes it.</summary>
    public required string JsonName { get; init; }
    public required TypeUse Type { get; init; }
    public required bool Required { get; init; }
    public string? Description { get; init; }
    public bool ReadOnly { get; init; }
    public bool WriteOnly { get; init; }
    public bool Deprecated { get; init; }
}

/// <summary>One value of an <see cref="EnumType"/>.</summary>
public sealed record EnumValue(string Value, string? Description = null);

/// <summary>
/// A string or integer enum (open: values added later by the server are to be tolerated). For an integer enum each
/// <see cref="EnumValue.Value"/> is the number in its shortest JSON form (<c>-1</c>, <c>3</c>).
/// </summary>
public sealed record EnumType : TypeDefinition
{
    public required EquatableArray<EnumValue> Values { get; init; }

    /// <summary><see cref="PrimitiveKind.String"/> or <see cref="PrimitiveKind.Integer"/>.</summary>
    public PrimitiveKind Kind { get; init; } = PrimitiveKind.String;
}

/// <summary>A named map (a component schema that is an object with only <c>additionalProperties</c>).</summary>
public sealed record MapType : TypeDefinition
{
    public required TypeUse Values { get; init; }
}

/// <summary>A named array.</summary>
public sealed record ArrayType : TypeDefinition
{
    public required TypeUse Items { get; init; }
}

/// <summary>A named primitive (an alias such as <c>ThreadId: string</c>).</summary>
public sealed record PrimitiveType : TypeDefinition
{
    public required PrimitiveKind Kind { get; init; }
    public string? Format { get; init; }
}

/// <summary>How a union combines its variants.</summary>
public enum UnionKind
{
    OneOf,
    AnyOf,
}

/// <summary>
/// The tag that selects a union's variant. <see cref="Mapping"/> is complete where the spec allows it to be: the spec's
/// own <c>mapping</c>, then for each variant it leaves out, the values the variant restricts its tag property to (its
/// <c>enum</c> or <c>const</c>: the only tags it can validate with), else its component name (OpenAPI's implicit
/// mapping). A value fixed by several variants selects none of them (their schemas decide).
/// </summary>
public sealed record Discriminator(string PropertyName, EquatableArray<DiscriminatorMapping> Mapping);

/// <summary>A tag value and the named type it selects.</summary>
public sealed record DiscriminatorMapping(string Value, string TypeId);

/// <summary>A <c>oneOf</c>/<c>anyOf</c> of two or more non-null variants.</summary>
public sealed record UnionType : TypeDefinition
{
    public required UnionKind Kind { get; init; }
    public required EquatableArray<TypeUse> Variants { get; init; }
    public Discriminator? Discriminator { get; init; }
}

/// <summary>A named type that is another type under a second name (<c>NullableThread: anyOf [Thread, null]</c>).</summary>
public sealed record AliasType : TypeDefinition
{
    public required TypeUse Target { get; init; }
}
