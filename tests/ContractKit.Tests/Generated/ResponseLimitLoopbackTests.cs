using System;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>The response cap over a real connection: Kestrel on loopback sending a chunked JSON body that never ends.</summary>
public sealed class ResponseLimitLoopbackTests : LoopbackClientTest
{
    [Fact]
    public async Task ChunkedBodyThatNeverEnds_IsCutOffAtTheCap()
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        Server.Handle = async (_, response) =>
        {
            response.ContentType = "application/json";
            try
            {
                // Kestrel drops writes to a connection the client closed: the abort token is what ends the loop.
                var aborted = response.HttpContext.RequestAborted;
                while (!aborted.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(chunk, aborted);
                }
            }
            catch (Exception ex) when (ex is System.IO.IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up after its cap: what a server that never stops sees.
            }
        };
        var client = new ThreadsClient(Http, new ThreadsClientOptions { BaseAddress = BaseAddress, MaxResponseBytes = 1024 * 1024, RequestValidation = ContractValidationMode.Off });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ModifyThreadAsync("thread_1", new ModifyThreadRequest()));

        Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("with a body larger than the client's limit of 1,048,576 bytes (MaxResponseBytes on its options)", error.Message, StringComparison.Ordinal);
    }
}
