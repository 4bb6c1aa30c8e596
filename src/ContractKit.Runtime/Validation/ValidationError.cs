namespace ContractKit.Runtime.Validation;

/// <summary>One way a payload breaks its schema.</summary>
/// <param name="InstanceLocation">JSON Pointer to the offending value ("" for the root).</param>
/// <param name="SchemaLocation">Pointer into the schema along the evaluation path, e.g. <c>#/properties/metadata/maxProperties</c>.</param>
/// <param name="Keyword">The keyword that failed, or <c>json</c> when the payload is not JSON.</param>
/// <param name="Message">What is wrong, with the limit that applies.</param>
public sealed record ValidationError(string InstanceLocation, string SchemaLocation, string Keyword, string Message);
