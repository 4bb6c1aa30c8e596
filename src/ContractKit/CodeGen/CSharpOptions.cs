namespace ContractKit.CodeGen;

/// <summary>What the C# generator needs besides the model.</summary>
public sealed record CSharpOptions
{
    /// <summary>The namespace of every generated type.</summary>
    public required string Namespace { get; init; }

    /// <summary>The client class's name; the options and JSON context classes are named after it.</summary>
    public required string ClientName { get; init; }

    /// <summary>The spec's file name (no folders), quoted in each file's header.</summary>
    public required string SourceName { get; init; }
}
