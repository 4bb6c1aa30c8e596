using System;
using System.Globalization;
using System.Text.Json;

namespace ContractKit.Runtime.Validation.Compiler;

/// <summary>Pointers into schema documents as the compiler follows them (<see cref="JsonPointer"/> does the tokens).</summary>
internal static class JsonPointerNavigation
{
    /// <summary>The element at <paramref name="pointer"/> ("" or "/a/0/b"), or null.</summary>
    public static JsonElement? Navigate(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = JsonPointer.Unescape(raw);
            if (current.ValueKind == JsonValueKind.Object)
            {
                if (!current.TryGetProperty(token, out current))
                {
                    return null;
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    public static string LastSegment(string reference)
    {
        var fragment = Uri.UnescapeDataString(UriText.Fragment(reference));
        var text = fragment.Length > 0 ? fragment : UriText.WithoutFragment(reference);
        var slash = text.LastIndexOf('/');
        return JsonPointer.Unescape(slash < 0 ? text : text[(slash + 1)..]);
    }
}
