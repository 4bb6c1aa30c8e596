using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractKit.Samples.Threads;

/// <summary>Modifies a thread's metadata through the generated client and prints what the server answered.</summary>
public static class ThreadsSample
{
    /// <summary>Runs the sample; <paramref name="logging"/> adds logging providers (tests capture the log with it).</summary>
    /// <returns>0 when the thread was modified, 1 when the server refused, 2 when it could not be reached.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Settings: appsettings.json, then environment variables, then the command line (--Threads:ThreadId=...).
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.AddConfiguration(configuration.GetSection("Logging")).AddConsole();
            logging?.Invoke(builder);
        });
        services.AddSingleton(new ThreadsClientOptions
        {
            BaseAddress = configuration.GetValue<Uri?>("Threads:BaseAddress"),
            BearerToken = configuration["OPENAI_API_KEY"], // from the environment, never from a file
            ResponseValidation = configuration.GetValue("Threads:ResponseValidation", ContractValidationMode.Report),
        });
        services.AddHttpClient<ThreadsClient>(); // the client gets its HttpClient, the options above and an ILogger
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ThreadsClient>();
        try
        {
#pragma warning disable CS0618 // OpenAI marks Modify thread deprecated; the contract says so and the method is [Obsolete].
            var thread = await client.ModifyThreadAsync(configuration["Threads:ThreadId"] ?? "thread_abc123", new ModifyThreadRequest
            {
                Metadata = new Dictionary<string, string> { ["modified"] = "true", ["user"] = "abc123" },
            });
#pragma warning restore CS0618
            var metadata = string.Join(", ", (thread.Metadata ?? new Dictionary<string, string>()).Select(m => $"{m.Key}={m.Value}"));
            output.WriteLine($"Modified {thread.Id} (created {DateTimeOffset.FromUnixTimeSeconds(thread.CreatedAt):u}): {metadata}");

            // Report mode (the default): a response that breaks the contract is logged and still returned.
            if (ContractValidation.GetViolation(thread) is { } violation)
            {
                output.WriteLine($"The answer breaks the contract; missing: {string.Join(", ", violation.MissingProperties)}");
            }

            return 0;
        }
        catch (ApiException<ErrorResponse> e)
        {
            output.WriteLine($"{(int)e.StatusCode}: {e.Error.Error.Message}"); // the spec's error model
            return 1;
        }
        catch (ApiException e)
        {
            output.WriteLine($"{(int)e.StatusCode}: {e.ResponseBody}"); // anything else, raw body kept
            return 1;
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"Could not reach {client.BaseAddress}: {e.Message}");
            return 2;
        }
    }
}
