using System;

namespace ContractKit.Model;

/// <summary>Media-type facts every stage needs the same way.</summary>
public static class MediaTypes
{
    /// <summary><c>application/json</c>, any <c>+json</c> suffix, parameters ignored (<c>application/json; charset=utf-8</c>).</summary>
    public static bool IsJson(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var bare = mediaType.Split(';')[0].Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
