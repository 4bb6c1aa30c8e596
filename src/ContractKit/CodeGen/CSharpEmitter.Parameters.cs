using System.Linq;
using ContractKit.CodeGen.Planning;

namespace ContractKit.CodeGen;

/// <summary>Path and query parameters: the request path expression and the query string.</summary>
public sealed partial class CSharpEmitter
{
    private static void EmitPathAndQuery(SourceWriter writer, MethodPlan plan)
    {
        var pieces = plan.Path.Select(p => p.Parameter is { } parameter ? $"{Helpers}.EscapePathSegment({WireValue(parameter)})" : CSharpSyntax.Literal(p.Literal!)).ToList();
        writer.Line($"var path = {(pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces))};");
        if (plan.Query.Count == 0 && plan.QueryCredentials.Count == 0)
        {
            return;
        }

        writer.Line("var query = new global::System.Text.StringBuilder();");
        foreach (var parameter in plan.Query)
        {
            EmitQueryParameter(writer, parameter);
        }

        foreach (var credential in plan.QueryCredentials)
        {
            writer.Open($"if (_options.{credential.PropertyName} is {{ }} {CSharpSyntax.Camel(credential.PropertyName)})");
            writer.Line($"{Helpers}.AppendQuery(query, {CSharpSyntax.Literal(credential.Scheme.ParameterName!)}, {CSharpSyntax.Camel(credential.PropertyName)});");
            writer.Close();
        }

        writer.Line("path += query.ToString();");
    }

    private static void EmitQueryParameter(SourceWriter writer, ParameterPlan parameter)
    {
        var name = parameter.Name;
        var literal = CSharpSyntax.Literal(parameter.WireName!);
        if (parameter.Guarded)
        {
            writer.Open($"if ({name} is not null)");
        }

        if (parameter.QueryArray is { Exploded: true })
        {
            writer.Open($"foreach (var item in {name})");
            writer.Line($"{Helpers}.AppendQuery(query, {literal}, {Helpers}.FormatValue(item));");
            writer.Close();
        }
        else if (parameter.QueryArray is { } array)
        {
            writer.Line($"{Helpers}.AppendQuery(query, {literal}, string.Join({CSharpSyntax.Literal(array.Separator)}, global::System.Linq.Enumerable.Select({name}, item => {Helpers}.FormatValue(item))));");
        }
        else
        {
            writer.Line($"{Helpers}.AppendQuery(query, {literal}, {WireValue(parameter)});");
        }

        if (parameter.Guarded)
        {
            writer.Close();
        }
    }
}
