using System;
using System.IO;

namespace ContractKit.Reading;

/// <summary>
/// Where a <c>$ref</c> may point. Specs are untrusted input: a reference resolves on the local file system inside the
/// spec's root folder (the folder of the file being read) only. Path traversal (<c>../</c>), absolute paths and
/// <c>file:</c> URIs that leave the root, and symbolic links whose target leaves it, are refused; so are remote
/// (<c>http</c>, <c>https</c>, any other scheme) references, unless remote references are allowed, when
/// <see cref="RemoteReferenceFetcher"/> fetches <c>http(s)</c> ones. See SECURITY.md.
/// </summary>
internal static class ReferencePolicy
{
    /// <summary>What became of a reference's document part.</summary>
    public enum Verdict
    {
        /// <summary>A file inside the root folder; <c>fullPath</c> is set.</summary>
        Local,

        /// <summary>A URI with a scheme other than <c>file</c>: refused, never fetched.</summary>
        Remote,

        /// <summary>A path (or a link's target) outside the root folder: refused, the file is not opened.</summary>
        OutsideRoot,

        /// <summary>Not a path the platform can express.</summary>
        Malformed,
    }

    /// <summary>Judges the document part of a <c>$ref</c> (the text before <c>#</c>) written in <paramref name="specPath"/>.</summary>
    public static Verdict Judge(string specPath, string document, out string fullPath) => Judge(specPath, specPath, document, out fullPath);

    /// <summary>
    /// Judges the document part of a <c>$ref</c> written in <paramref name="writtenIn"/>, a file the spec
    /// <paramref name="specPath"/> refers to: relative paths resolve against that file's folder, but the root stays
    /// the spec's folder.
    /// </summary>
    public static Verdict Judge(string specPath, string writtenIn, string document, out string fullPath)
    {
        fullPath = string.Empty;
        try
        {
            string candidate;
            if (Uri.TryCreate(document, UriKind.Absolute, out var absolute) && !Path.IsPathRooted(document))
            {
                if (!absolute.IsFile)
                {
                    return Verdict.Remote;
                }

                candidate = absolute.LocalPath;
            }
            else if (Path.IsPathRooted(document))
            {
                candidate = document;
            }
            else
            {
                candidate = Path.Combine(RootOf(writtenIn), Uri.UnescapeDataString(document));
            }

            candidate = Path.GetFullPath(candidate);
            if (!IsInside(candidate, RootOf(specPath)) || !IsInside(RealPath(candidate), RealPath(RootOf(specPath))))
            {
                return Verdict.OutsideRoot;
            }

            fullPath = candidate;
            return Verdict.Local;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or UriFormatException or IOException or UnauthorizedAccessException)
        {
            return Verdict.Malformed;
        }
    }

    /// <summary>The explanation reported with a refused reference.</summary>
    public static string Why(Verdict verdict, string document) => verdict switch
    {
        Verdict.Remote => $"'{document}' is a remote reference, and remote references are not fetched unless allowed. " +
                          "Hint: download the file into the spec's folder and reference it by a relative path, or pass --allow-remote-refs " +
                          "(\"allowRemoteRefs\": true in contractkit.json) to fetch http(s) references.",
        Verdict.OutsideRoot => $"'{document}' leaves the spec's folder (path traversal, an absolute path or a symbolic link); " +
                               "references may only point at files inside the folder of the spec being read. " +
                               "Hint: copy the file next to the spec and reference it by a relative path.",
        _ => $"'{document}' is not a valid file path.",
    };

    /// <summary>The folder references may not leave: the spec's.</summary>
    public static string RootOf(string specPath) => Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? Path.GetFullPath(".");

    private static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    /// <summary>The path with every symbolic link along it followed; parts that do not exist are kept as written.</summary>
    private static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var real = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(real, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : RealPath(Path.GetFullPath(target.FullName));
            }

            real = next;
        }

        return real;
    }
}
