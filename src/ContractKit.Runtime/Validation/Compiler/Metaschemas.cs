using System.Text.Json;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Built-in metaschemas, so <c>$ref</c> to the draft 4 / 2020-12 metaschema works without a registry.</summary>
internal static partial class Metaschemas
{
    public static bool TryGet(string uri, out JsonElement document)
    {
        var text = Find(uri);
        if (text is null)
        {
            document = default;
            return false;
        }

        using var doc = JsonDocument.Parse(text);
        document = doc.RootElement.Clone();
        return true;
    }

    private static partial string? Find(string uri);
}
