using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContractKit.Model;
using ContractKit.Runtime;

namespace ContractKit.CodeGen;

/// <summary>Path and query parameters: the request path expression and the query string.</summary>
public sealed partial class CSharpEmitter
{
    private void EmitQueryParameter(SourceWriter writer, Operation operation, Parameter parameter)
    {
        var name = _names.Parameter(operation, parameter);
        var type = _types.Map(parameter.Type);
        var literal = CSharpSyntax.Literal(parameter.Name);
        var isArray = parameter.Type.Type is ArrayRef ||
            (parameter.Type.Type is NamedRef named && _types.TryDefinition(named.TypeId, out var definition) && definition is ArrayType);
        var optional = !parameter.Required || type.IsNullable || !type.IsValueType;
        if (optional)
        {
            writer.Open($"if ({name} is not null)");
        }

        if (isArray)
        {
            // OpenAPI's default for query arrays is form style, exploded: name=a&name=b.
            if (parameter.Explode || parameter.Style is null)
            {
                writer.Open($"foreach (var item in {name})");
                writer.Line($"{Helpers}.AppendQuery(query, {literal}, {Helpers}.FormatValue(item));");
                writer.Close();
            }
            else
            {
                var separator = parameter.Style switch { "spacedelimited" => " ", "pipedelimited" => "|", _ => "," };
                writer.Line($"{Helpers}.AppendQuery(query, {literal}, string.Join({CSharpSyntax.Literal(separator)}, global::System.Linq.Enumerable.Select({name}, item => {Helpers}.FormatValue(item))));");
            }
        }
        else
        {
            var value = type.Name == "string" ? name : $"{Helpers}.FormatValue({name})";
            writer.Line($"{Helpers}.AppendQuery(query, {literal}, {value});");
        }

        if (optional)
        {
            writer.Close();
        }
    }

    private string PathExpression(Operation operation, List<Parameter> pathParameters)
    {
        var pieces = new List<string>();
        var last = 0;
        foreach (Match match in Regex.Matches(operation.Path, @"\{([^}]+)\}"))
        {
            if (match.Index > last)
            {
                pieces.Add(CSharpSyntax.Literal(operation.Path[last..match.Index]));
            }

            var parameter = pathParameters.FirstOrDefault(p => p.Name == match.Groups[1].Value);
            if (parameter is null)
            {
                Warn($"{operation.OperationId}: path template names '{match.Groups[1].Value}', which is not a declared path parameter; it is sent literally", JsonPointer.Append("#/paths", operation.Path));
                pieces.Add(CSharpSyntax.Literal(match.Value));
            }
            else
            {
                var name = _names.Parameter(operation, parameter);
                var value = _types.Map(parameter.Type).Name == "string" ? name : $"{Helpers}.FormatValue({name})";
                pieces.Add($"{Helpers}.EscapePathSegment({value})");
            }

            last = match.Index + match.Length;
        }

        if (last < operation.Path.Length)
        {
            pieces.Add(CSharpSyntax.Literal(operation.Path[last..]));
        }

        return pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces);
    }
}
