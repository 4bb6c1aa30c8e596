namespace ContractKit.CodeGen;

/// <summary>The naming rules the config needs to derive defaults (a client name from a file name).</summary>
public static class CSharpNamingPublic
{
    /// <summary>PascalCase identifier from any text.</summary>
    public static string Pascal(string name) => CSharpSyntax.Pascal(name, "Api");
}
