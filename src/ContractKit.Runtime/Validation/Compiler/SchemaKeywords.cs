namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Which keywords hold subschemas, so identifiers are only looked for where schemas can be (never inside enum or const).</summary>
internal static class SchemaKeywords
{
    public static bool IsSingle(string name, bool draft4) => name switch
    {
        "additionalItems" or "additionalProperties" or "not" or "items" => true,
        "contains" or "propertyNames" or "if" or "then" or "else" or "unevaluatedItems" or "unevaluatedProperties" => !draft4,
        _ => false,
    };

    public static bool IsArray(string name, bool draft4) => name switch
    {
        "allOf" or "anyOf" or "oneOf" or "items" => true,
        "prefixItems" => !draft4,
        _ => false,
    };

    public static bool IsMap(string name, bool draft4) => name switch
    {
        "properties" or "patternProperties" or "definitions" => true,
        "dependencies" => true,
        "$defs" or "dependentSchemas" => !draft4,
        _ => false,
    };
}
