using System;

namespace ContractKit.Runtime;

/// <summary>
/// How much of a response a generated client reads: the options' <c>MaxResponseBytes</c> and <c>MaxResponseDepth</c>.
/// A body over either is an <see cref="ApiException"/> saying so, read no further than the byte limit.
/// </summary>
/// <param name="MaxBytes">
/// The most bytes of a body read into memory: a JSON or text body, an error body, and each event of an event stream
/// (and each of its lines). A <c>Content-Length</c> over it is refused before anything is read.
/// </param>
/// <param name="MaxDepth">The deepest nesting of a JSON body, event or error model read (<c>JsonSerializerOptions.MaxDepth</c>).</param>
public readonly record struct ResponseLimits(long MaxBytes, int MaxDepth)
{
    /// <summary>The default byte limit: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The default depth: 64, System.Text.Json's own default.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>64 MiB and 64 levels.</summary>
    public static ResponseLimits Default { get; } = new(DefaultMaxBytes, DefaultMaxDepth);

    /// <summary>Throws when a limit is not positive (an options value set by mistake), naming the option.</summary>
    internal void Check()
    {
        if (MaxBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "MaxResponseBytes must be at least 1.");
        }

        if (MaxDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxResponseDepth must be at least 1.");
        }
    }
}
