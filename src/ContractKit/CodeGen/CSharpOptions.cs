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

    /// <summary>One client class for the whole API (the default), or one per tag under a root client.</summary>
    public ClientGrouping Clients { get; init; } = ClientGrouping.Single;
}

/// <summary>How operations are grouped into client classes (<c>"clients"</c> in contractkit.json).</summary>
public enum ClientGrouping
{
    /// <summary>Every operation is a method of the one client class.</summary>
    Single,

    /// <summary>
    /// One class per tag (an operation's first tag decides), each usable on its own, and the root client exposing them
    /// as properties; untagged operations stay on the root client.
    /// </summary>
    Tag,
}
