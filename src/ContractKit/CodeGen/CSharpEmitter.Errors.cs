using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>Error responses: the typed ApiException for the statuses the contract describes.</summary>
public sealed partial class CSharpEmitter
{
    private void EmitErrors(SourceWriter writer, Operation operation)
    {
        foreach (var response in operation.Responses.Where(r => !r.IsSuccess && r.StatusCode != "default"))
        {
            if (ErrorType(response) is not { } errorType)
            {
                continue;
            }

            var condition = response.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) && int.TryParse(response.StatusCode[..1], out var range)
                ? $"status / 100 == {range}"
                : $"status == {response.StatusCode}";
            writer.Open($"if ({condition})");
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(errorType)}, cancellationToken).ConfigureAwait(false);");
            writer.Close();
        }

        var fallback = operation.Responses.FirstOrDefault(r => r.StatusCode == "default");
        if (fallback is not null && ErrorType(fallback) is { } defaultType)
        {
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(defaultType)}, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, cancellationToken).ConfigureAwait(false);");
        }
    }

    private CSharpType? ErrorType(Response response)
    {
        var json = response.Content.FirstOrDefault(c => IsJson(c.MediaType) && c.Schema is not null);
        if (json?.Schema is null)
        {
            return null;
        }

        var type = _types.Map(json.Schema);
        if (!type.IsNamedType)
        {
            _extraSerializable.Add(type.TypeOfSpelling);
        }

        return type;
    }
}
