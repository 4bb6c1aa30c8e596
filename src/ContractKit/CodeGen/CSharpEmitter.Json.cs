using System;
using System.Collections.Generic;
using System.Linq;
using ContractKit.Model;

namespace ContractKit.CodeGen;

/// <summary>The source-generated JsonSerializerContext: no reflection at run time, trimming- and AOT-friendly.</summary>
public sealed partial class CSharpEmitter
{
    private string EmitJsonContext()
    {
        var writer = StartFile();
        var serializable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in _model.Types.Where(t => t is ObjectType or EnumType or UnionType))
        {
            serializable.Add(_names.Type(type.Id));
        }

        serializable.UnionWith(_extraSerializable);

        // Raw JSON is always serializable; it also keeps the context valid for a spec with no schemas at all.
        serializable.Add("global::System.Text.Json.JsonElement");
        writer.Line("/// <summary>");
        writer.Line($"/// System.Text.Json metadata for every type of this contract, generated at build time.");
        writer.Line("/// Nullable annotations are enforced: JSON null where the contract does not allow it is an error.");
        writer.Line("/// A number too large for its float/double property reads as infinity (the validators report it as a");
        writer.Line("/// format violation) and writes back as the string \"Infinity\", so such an object stays serializable.");
        writer.Line("/// </summary>");
        writer.Line($"[{Json}.JsonSourceGenerationOptions(RespectNullableAnnotations = true, NumberHandling = {Json}.JsonNumberHandling.AllowNamedFloatingPointLiterals)]");
        foreach (var type in serializable)
        {
            writer.Line($"[{Json}.JsonSerializable(typeof({type}))]");
        }

        writer.Open($"public partial class {_names.JsonContextName} : {Json}.JsonSerializerContext");
        writer.Close();
        return writer.ToString();
    }
}
