using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractKit.Runtime;

/// <summary>What generated methods send without the caller asking: constant headers, and the <c>stream</c> flag.</summary>
public static partial class ApiClientHelpers
{
    /// <summary>
    /// Adds a header the contract fixes to <paramref name="contractValue"/>, unless <paramref name="overrides"/> names it:
    /// then its value there is sent instead, or no header when that value is null.
    /// </summary>
    public static void AddConstantHeader(HttpRequestMessage request, IDictionary<string, string?>? overrides, string name, string contractValue)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = overrides is not null && overrides.TryGetValue(name, out var replaced) ? replaced : contractValue;
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>
    /// The JSON object <paramref name="json"/> with its <c>stream</c> property set to <c>true</c> (added when missing),
    /// for a <c>…StreamAsync</c> method: the caller's object is serialized as it is and only the bytes sent change.
    /// </summary>
    public static byte[] WithStreamFlag(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonNode.Parse(json) is not JsonObject body)
        {
            return json;
        }

        body["stream"] = true;
        using var buffer = new MemoryStream(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
