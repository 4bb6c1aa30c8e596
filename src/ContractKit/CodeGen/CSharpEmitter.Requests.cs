using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.CodeGen.Planning;

namespace ContractKit.CodeGen;

/// <summary>
/// Headers: the ones a method takes, the ones the contract fixes to one value (sent by the method itself, overridable
/// through the options), and what the method's remarks say about what it sends without being asked.
/// </summary>
public sealed partial class CSharpEmitter
{
    private const string HeaderOverridesProperty = "HeaderOverrides";

    private static void EmitHeaders(SourceWriter writer, MethodPlan plan)
    {
        foreach (var parameter in plan.Headers)
        {
            var add = $"request.Headers.TryAddWithoutValidation({CSharpSyntax.Literal(parameter.WireName!)}, {WireValue(parameter)});";
            if (parameter.Guarded)
            {
                writer.Open($"if ({parameter.Name} is not null)");
                writer.Line(add);
                writer.Close();
            }
            else
            {
                writer.Line(add);
            }
        }

        foreach (var header in plan.ConstantHeaders)
        {
            writer.Line($"{Helpers}.AddConstantHeader(request, _options.{HeaderOverridesProperty}, {CSharpSyntax.Literal(header.Name)}, {CSharpSyntax.Literal(header.Value)});");
        }
    }

    /// <summary>The options' override of the constant headers, only for a contract that has some.</summary>
    private void EmitHeaderOverridesOption(SourceWriter writer)
    {
        var names = _model.Operations.SelectMany(o => o.Parameters)
            .Select(p => Planner.ConstantHeaderValue(p) is { } value ? $"<c>{CSharpSyntax.XmlText(p.Name)}: {CSharpSyntax.XmlText(value)}</c>" : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Replaces headers the contract fixes to one value ({string.Join(", ", names)}), which every operation that declares");
        writer.Line("/// them sends without a method parameter: a name set here sends this value instead, or nothing when the value is null.");
        writer.Line("/// Names compare case-insensitively. Empty by default: the contract's values are sent.");
        writer.Line("/// </summary>");
        writer.Line($"public global::System.Collections.Generic.IDictionary<string, string?> {HeaderOverridesProperty} {{ get; }} = new global::System.Collections.Generic.Dictionary<string, string?>(global::System.StringComparer.OrdinalIgnoreCase);");
    }

    /// <summary>What the method's remarks say about what it sends by itself.</summary>
    private static IEnumerable<string> SentByItself(MethodPlan plan)
    {
        foreach (var header in plan.ConstantHeaders)
        {
            yield return $"<para>Sends <c>{CSharpSyntax.XmlText(header.Name)}: {CSharpSyntax.XmlText(header.Value)}</c>, which the contract fixes (see <c>{HeaderOverridesProperty}</c> on the options).</para>";
        }

        if (plan.Body?.SetsStreamFlag == true)
        {
            yield return "<para>Sends the body with <c>\"stream\": true</c>, whatever the object passed says (the object itself is not changed).</para>";
        }
    }
}
