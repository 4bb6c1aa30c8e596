using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace ContractKit.Tests.CodeGen;

/// <summary>
/// Walks a value read into generated types and finds the unions that none of their variants accept: for a JSON value
/// that is valid against its schema, every union in it must resolve to a variant (by its tag or by its schema), never
/// only to <c>Raw</c>. Each resolved variant is walked in turn.
/// </summary>
internal static class UnionWalker
{
    private const int MaxDepth = 64;

    /// <summary>How many unions were resolved, and where a union resolved to none of its variants.</summary>
    public static (int Resolved, List<string> Unresolved) Walk(object? value, Assembly generated)
    {
        var unresolved = new List<string>();
        var resolved = 0;
        Visit(value, "", 0);
        return (resolved, unresolved);

        void Visit(object? node, string path, int depth)
        {
            if (node is null || depth > MaxDepth || node is string or JsonElement || node.GetType().IsPrimitive)
            {
                return;
            }

            var type = node.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ContractKit.Runtime.Optional<>))
            {
                if ((bool)type.GetProperty("IsPresent")!.GetValue(node)!)
                {
                    Visit(type.GetProperty("Value")!.GetValue(node), path, depth + 1);
                }

                return;
            }

            if (node is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    Visit(entry.Value, path + "/" + entry.Key, depth + 1);
                }

                return;
            }

            if (node is IEnumerable sequence)
            {
                var i = 0;
                foreach (var item in sequence)
                {
                    Visit(item, path + "/" + i++, depth + 1);
                }

                return;
            }

            if (type.Assembly != generated || type.IsValueType)
            {
                return;
            }

            var tryGets = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("TryGet", StringComparison.Ordinal) && m.ReturnType == typeof(bool) && m.GetParameters() is [{ IsOut: true }])
                .ToList();
            if (type.GetProperty("Raw")?.PropertyType == typeof(JsonElement) && tryGets.Count > 0)
            {
                foreach (var tryGet in tryGets)
                {
                    var arguments = new object?[1];
                    if ((bool)tryGet.Invoke(node, arguments)!)
                    {
                        resolved++;
                        Visit(arguments[0], path, depth + 1);
                        return;
                    }
                }

                unresolved.Add($"{(path.Length == 0 ? "(root)" : path)}: {type.Name} matched none of {string.Join(", ", tryGets.Select(m => m.Name["TryGet".Length..]))}");
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? property.Name;
                Visit(property.GetValue(node), path + "/" + name, depth + 1);
            }
        }
    }
}
