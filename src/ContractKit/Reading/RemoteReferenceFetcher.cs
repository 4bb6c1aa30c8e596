using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace ContractKit.Reading;

/// <summary>
/// Fetches the document of a remote (<c>http</c>/<c>https</c>) <c>$ref</c>, only when the user allowed it
/// (<c>--allow-remote-refs</c>, <c>"allowRemoteRefs": true</c>). Bounded: a timeout for the whole fetch, a size cap
/// (checked while reading, so an endless body is cut off), and at most <see cref="MaxRedirects"/> redirects, each of
/// which must stay on <c>http</c>/<c>https</c>. Never throws for a failed fetch: the failure is the error text.
/// </summary>
internal sealed class RemoteReferenceFetcher
{
    /// <summary>Redirects followed before the fetch is given up.</summary>
    public const int MaxRedirects = 5;

    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The fetcher with the documented defaults: 10 s, 16 MiB.</summary>
    public static RemoteReferenceFetcher Default { get; } = new(TimeSpan.FromSeconds(10), 16L * 1024 * 1024);

    public RemoteReferenceFetcher(TimeSpan timeout, long maxBytes)
    {
        TimeOut = timeout;
        MaxBytes = maxBytes;
    }

    /// <summary>How long the whole fetch (redirects included) may take.</summary>
    public TimeSpan TimeOut { get; }

    /// <summary>The largest body accepted.</summary>
    public long MaxBytes { get; }

    /// <summary>Whether <paramref name="uri"/> is something this fetcher may fetch at all.</summary>
    public static bool IsFetchable(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>Fetches <paramref name="uri"/>: the body, or null and why not.</summary>
    public byte[]? Fetch(Uri uri, out string? failure)
    {
        using var timeout = new CancellationTokenSource(TimeOut);
        try
        {
            return FetchFollowing(uri, timeout.Token, out failure);
        }
        catch (OperationCanceledException)
        {
            failure = $"fetching '{uri}' timed out after {TimeOut.TotalSeconds:0.#} s.";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            failure = $"fetching '{uri}' failed: {ex.Message}";
        }

        return null;
    }

    private byte[]? FetchFollowing(Uri uri, CancellationToken cancellationToken, out string? failure)
    {
        var current = uri;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location;
                if (location is null)
                {
                    failure = $"'{current}' answered {(int)response.StatusCode} without a Location.";
                    return null;
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (!IsFetchable(next))
                {
                    failure = $"'{current}' redirects to '{next}', which is not http or https; redirects may not change to another scheme.";
                    return null;
                }

                if (redirects >= MaxRedirects)
                {
                    failure = $"fetching '{uri}' was redirected more than {MaxRedirects} times.";
                    return null;
                }

                current = next;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                failure = $"'{current}' answered {(int)response.StatusCode} {response.ReasonPhrase}.";
                return null;
            }

            return ReadCapped(response, current, cancellationToken, out failure);
        }
    }

    private byte[]? ReadCapped(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken, out string? failure)
    {
        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            failure = TooLarge(uri);
            return null;
        }

        using var body = response.Content.ReadAsStream(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = body.ReadAsync(chunk, cancellationToken).AsTask().GetAwaiter().GetResult()) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                failure = TooLarge(uri);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        failure = null;
        return buffer.ToArray();
    }

    private string TooLarge(Uri uri) => $"'{uri}' is larger than {MaxBytes:N0} bytes, the limit for a remote document; it is not read.";

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 && status != HttpStatusCode.NotModified;
}
