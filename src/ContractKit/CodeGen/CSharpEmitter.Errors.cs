using ContractKit.CodeGen.Planning;

namespace ContractKit.CodeGen;

/// <summary>Error responses: the typed ApiException for the statuses the contract describes.</summary>
public sealed partial class CSharpEmitter
{
    private void EmitErrors(SourceWriter writer, ResponsePlan response)
    {
        foreach (var error in response.Errors)
        {
            writer.Open(error.Range is { } range ? $"if (status / 100 == {range})" : $"if (status == {error.StatusCode})");
            writer.Line($"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(error.Type)}, ResponseLimits, cancellationToken).ConfigureAwait(false);");
            writer.Close();
        }

        writer.Line(response.DefaultError is { } defaultType
            ? $"throw await {Helpers}.CreateApiExceptionAsync(response, {TypeInfo(defaultType)}, ResponseLimits, cancellationToken).ConfigureAwait(false);"
            : $"throw await {Helpers}.CreateApiExceptionAsync(response, ResponseLimits, cancellationToken).ConfigureAwait(false);");
    }
}
