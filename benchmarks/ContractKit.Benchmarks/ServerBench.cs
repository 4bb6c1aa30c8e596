using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContractKit.AspNetCore;
using ContractKit.AspNetCore.Mock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractKit.Benchmarks;

/// <summary>
/// <c>--bench mock [--seconds 10] [--connections 16] [--prism path/to/prism]</c>: a .NET load loop on loopback against
/// <c>contractkit mock</c> (in process) and Prism (a child process) serving spec/threads.yaml, valid
/// <c>POST /threads/{thread_id}</c>, same run. <c>--bench middleware</c>: the per-request cost of the middleware
/// (in process, no network) and the bytes validation allocates for a valid body.
/// </summary>
internal static class ServerBench
{
    private const string Body = """{"tool_resources":{"code_interpreter":{"file_ids":["file-1","file-2"]}},"metadata":{"user":"abc123","modified":"true"}}""";

    public static async Task<int> MockAsync(string spec, Dictionary<string, string> options)
    {
        var seconds = options.TryGetValue("--seconds", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 10;
        var connections = options.TryGetValue("--connections", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 16;
        var app = ContractMockServer.Build(new MockServerOptions { SpecPath = spec, Port = 0, Quiet = true });
        await app.StartAsync();
        var address = ContractMockServer.Address(app);
        Console.WriteLine($"spec {spec}; {seconds} s per server, {connections} connections, {Environment.ProcessorCount} cores; load generator in this process");
        await RunLoadAsync("contractkit mock", address, seconds, connections, sampleMemory: true);
        await app.StopAsync();
        await app.DisposeAsync();

        if (options.TryGetValue("--prism", out var prism))
        {
            var port = 4011;
            using var process = Process.Start(new ProcessStartInfo(prism, $"mock -p {port} -h 127.0.0.1 {spec}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var prismAddress = new Uri($"http://127.0.0.1:{port}");
            await WaitUntilUpAsync(prismAddress);
            await RunLoadAsync("prism mock", prismAddress, seconds, connections, sampleMemory: false, process);
            process.Kill(entireProcessTree: true);
        }

        return 0;
    }

    private static async Task WaitUntilUpAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        throw new InvalidOperationException($"{address} did not come up");
    }

    private static async Task RunLoadAsync(string name, Uri address, int seconds, int connections, bool sampleMemory, Process? server = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var http = new HttpClient(handler) { BaseAddress = address };
        var payload = Encoding.UTF8.GetBytes(Body);
        async Task<bool> OneAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/threads/thread_abc123") { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-test");
            request.Headers.Add("OpenAI-Beta", "assistants=v2");
            using var response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return (int)response.StatusCode == 200;
        }

        for (var i = 0; i < 200; i++)
        {
            await OneAsync();
        }

        var stop = Stopwatch.StartNew();
        var memory = new List<long>();
        var latencies = new List<double>[connections];
        var errors = 0;
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await OneAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        while (workers.Any(t => !t.IsCompleted))
        {
            await Task.Delay(1000);
            server?.Refresh();
            memory.Add(sampleMemory ? GC.GetTotalMemory(false) : server?.WorkingSet64 ?? 0);
        }

        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all[(int)Math.Min(all.Length - 1, Math.Floor(q * all.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} {all.Length / stop.Elapsed.TotalSeconds,9:0} req/s  p50 {P(0.50),6:0.00} ms  p99 {P(0.99),6:0.00} ms  errors {errors}  {(sampleMemory ? "managed heap" : "server RSS")} first/last second {memory.First() / 1048576.0:0.0}/{memory.Last() / 1048576.0:0.0} MB"));
    }

    public static async Task<int> MiddlewareAsync(string spec, Dictionary<string, string> options)
    {
        var iterations = options.TryGetValue("--iterations", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 200_000;
        var contract = ServedContract.Load(spec);
        var services = new ServiceCollection().AddLogging().AddContractValidation(contract).BuildServiceProvider();
        var reply = Encoding.UTF8.GetBytes("""{"id":"thread_abc123","object":"thread","created_at":1,"metadata":{},"tool_resources":{}}""");
        RequestDelegate endpoint = context =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        };
        var middleware = ActivatorUtilities.CreateInstance<ContractValidationMiddleware>(services, endpoint);
        var payload = Encoding.UTF8.GetBytes(Body);
        HttpContext NewContext()
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Method = "POST";
            context.Request.Path = "/v1/threads/thread_abc123";
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = payload.Length;
            context.Request.Headers.Authorization = "Bearer sk-test";
            context.Request.Headers["OpenAI-Beta"] = "assistants=v2";
            context.Request.Body = new MemoryStream(payload, writable: false);
            return context;
        }

        async Task<(double Micros, double Bytes)> MeasureAsync(Func<HttpContext, Task> run, int count)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                await run(NewContext());
            }

            return (Stopwatch.GetElapsedTime(started).TotalMicroseconds / count, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)count);
        }

        // Warm-up, then rounds alternating with and without the middleware; each side's best round counts (the
        // machine is shared: the best round is the one least disturbed by other work).
        await MeasureAsync(c => endpoint(c), 20_000);
        await MeasureAsync(c => middleware.InvokeAsync(c), 20_000);
        var bare = (Micros: double.MaxValue, Bytes: 0.0);
        var with = (Micros: double.MaxValue, Bytes: 0.0);
        for (var round = 0; round < 10; round++)
        {
            var b = await MeasureAsync(c => endpoint(c), iterations / 10);
            var w = await MeasureAsync(c => middleware.InvokeAsync(c), iterations / 10);
            bare = b.Micros < bare.Micros ? b : bare;
            with = w.Micros < with.Micros ? w : with;
        }

        var check = NewContext();
        await middleware.InvokeAsync(check);
        var validator = contract.Schemas.ForOperation(contract.Model.Operations[0], ContractKit.Validation.BodyDirection.Request)!;
        var validationOptions = new ContractKit.Runtime.Validation.ValidationOptions { Direction = ContractKit.Runtime.Validation.ValidationDirection.Request };
        validator.IsValid(payload, validationOptions);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            validator.IsValid(payload, validationOptions);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"threads POST, {iterations} requests in process: best of 10 rounds: endpoint alone {bare.Micros:0.00} µs, with UseContractValidation {with.Micros:0.00} µs, added {with.Micros - bare.Micros:0.00} µs and {with.Bytes - bare.Bytes:0} B per request (status {check.Response.StatusCode}); body validation allocates {allocated:0.0} B per valid body"));
        _ = reply;
        return 0;
    }
}
