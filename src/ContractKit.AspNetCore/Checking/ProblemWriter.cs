using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContractKit.AspNetCore.Checking;

/// <summary>Writes a <see cref="ContractProblem"/> as <c>application/problem+json</c>.</summary>
public static class ProblemWriter
{
    /// <summary>The media type of problem bodies.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Sets status, headers and body. The response must not have started.</summary>
    public static async Task WriteAsync(HttpContext context, ContractProblem problem, bool includeErrors = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = MediaType;
        foreach (var (name, value) in problem.Headers)
        {
            response.Headers[name] = value;
        }

        var bytes = Serialize(problem, context.Request.Path.Value, includeErrors);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The problem's JSON body.</summary>
    public static byte[] Serialize(ContractProblem problem, string? instance, bool includeErrors = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", problem.Type);
            writer.WriteString("title", problem.Title);
            writer.WriteNumber("status", problem.Status);
            writer.WriteString("detail", problem.Detail);
            if (instance is not null)
            {
                writer.WriteString("instance", instance);
            }

            if (problem.OperationId is not null)
            {
                writer.WriteString("operationId", problem.OperationId);
            }

            if (includeErrors)
            {
                WriteErrors(writer, problem);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteErrors(Utf8JsonWriter writer, ContractProblem problem)
    {
        writer.WriteStartArray("errors");
        foreach (var error in problem.Errors)
        {
            writer.WriteStartObject();
            if (error.In is not null)
            {
                writer.WriteString("in", error.In);
            }

            if (error.Name is not null)
            {
                writer.WriteString("name", error.Name);
            }

            writer.WriteString("pointer", error.Pointer);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
