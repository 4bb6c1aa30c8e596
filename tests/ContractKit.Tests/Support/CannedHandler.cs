using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ContractKit.Tests.Support;

/// <summary>
/// An HttpMessageHandler that answers every request with a body from a stream of the test's (one not in memory, so
/// that the test can count what the client read of it), instead of a network.
/// </summary>
internal sealed class CannedHandler(HttpStatusCode status, string mediaType, Func<System.IO.Stream> body, long? contentLength = null) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(body());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        content.Headers.ContentLength = contentLength;
        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
