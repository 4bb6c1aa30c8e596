using System;

namespace ContractKit.Reading;

/// <summary>
/// Microsoft.OpenApi presents a 2.0 (Swagger) document in 3.x shape, so pointers it reports, and the model's ids made
/// from them, name <c>#/components/schemas/A</c> where the file has <c>#/definitions/A</c>. The one mapping between
/// the two shapes, both ways, for the reader's diagnostics, the model builder's locations and lint.
/// </summary>
internal static class Swagger2Pointers
{
    private static readonly (string V3, string V2)[] Sections =
    [
        ("#/components/schemas/", "#/definitions/"),
        ("#/components/parameters/", "#/parameters/"),
        ("#/components/responses/", "#/responses/"),
        ("#/components/securitySchemes/", "#/securityDefinitions/"),
    ];

    /// <summary>Whether a document's version (<c>swagger</c>/<c>openapi</c> field) is 2.0, so that the mapping applies.</summary>
    /// <param name="specVersion">The version as read, or null.</param>
    /// <returns>True for 2.x.</returns>
    public static bool Applies(string? specVersion) => specVersion?.StartsWith('2') == true;

    /// <summary>Where a 3.x-shaped pointer's node is in a 2.0 file as written (other pointers are returned as they are).</summary>
    /// <param name="pointer">A pointer in 3.x shape (<c>#/components/schemas/A</c>).</param>
    /// <returns>The 2.0 pointer (<c>#/definitions/A</c>).</returns>
    public static string ToFile(string pointer)
    {
        foreach (var (v3, v2) in Sections)
        {
            if (pointer.StartsWith(v3, StringComparison.Ordinal))
            {
                return v2 + pointer[v3.Length..];
            }
        }

        return pointer;
    }

    /// <summary>A 2.0 file's pointer in the 3.x shape Microsoft.OpenApi and the model use (other pointers are returned as they are).</summary>
    /// <param name="pointer">A pointer into the 2.0 file (<c>#/definitions/A</c>).</param>
    /// <returns>The 3.x-shaped pointer (<c>#/components/schemas/A</c>).</returns>
    public static string ToModel(string pointer)
    {
        foreach (var (v3, v2) in Sections)
        {
            if (pointer.StartsWith(v2, StringComparison.Ordinal))
            {
                return v3 + pointer[v2.Length..];
            }
        }

        return pointer;
    }
}
