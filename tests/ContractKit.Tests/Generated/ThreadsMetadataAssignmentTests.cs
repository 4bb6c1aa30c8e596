using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ContractKit.Generated.Threads;
using ContractKit.Runtime;
using ContractKit.Tests.Support;
using Xunit;

namespace ContractKit.Tests.Generated;

/// <summary>
/// Filling the tri-state <c>Metadata</c> from the maps users have. C# applies no user-defined conversion from an
/// interface type (CS0029), so an <c>IDictionary</c> or <c>IReadOnlyDictionary</c> variable goes through
/// <see cref="Optional.OfMap{TValue}"/>; a <c>Dictionary</c> assigns directly.
/// </summary>
public sealed class ThreadsMetadataAssignmentTests
{
    private const string Expected = """{"metadata":{"modified":"true","user":"abc123"}}""";

    private static Dictionary<string, string> Pairs() => new() { ["modified"] = "true", ["user"] = "abc123" };

    private static string Json(ModifyThreadRequest request) => JsonSerializer.Serialize(request, ThreadsClientJsonContext.Default.ModifyThreadRequest);

    [Fact]
    public void FromDictionaryVariable_AssignsDirectly()
    {
        var pairs = Pairs();

        Assert.Equal(Expected, Json(new ModifyThreadRequest { Metadata = pairs }));
    }

    [Fact]
    public void FromIDictionaryAndIReadOnlyDictionaryVariables_ThroughOfMap_SameJson()
    {
        IDictionary<string, string> mutable = Pairs();
        IReadOnlyDictionary<string, string> readOnly = Pairs();

        var request = new ModifyThreadRequest { Metadata = Optional.OfMap(mutable) };
        var other = new ModifyThreadRequest();
        other.Metadata = Optional.OfMap(readOnly);

        Assert.Equal(Expected, Json(request));
        Assert.Equal(Expected, Json(other));
    }

    [Fact]
    public void FromCollectionExpressions_ThroughOfMap_SameJson_EmptyIsAnEmptyObject()
    {
        IReadOnlyDictionary<string, string> readOnly = Pairs();

        Assert.Equal(Expected, Json(new ModifyThreadRequest { Metadata = Optional.OfMap<string>([new("modified", "true"), new("user", "abc123")]) }));
        Assert.Equal(Expected, Json(new ModifyThreadRequest { Metadata = Optional.OfMap([.. readOnly]) }));
        Assert.Equal("""{"metadata":{}}""", Json(new ModifyThreadRequest { Metadata = Optional.OfMap<string>([]) }));
    }

    [Fact]
    public void OfMap_Null_IsPresentNull_NotAbsent()
    {
        IReadOnlyDictionary<string, string>? none = null;

        var request = new ModifyThreadRequest { Metadata = Optional.OfMap(none) };

        Assert.True(request.Metadata.IsNull);
        Assert.Equal("""{"metadata":null}""", Json(request));
    }

    [Fact]
    public void InterfaceVariable_AssignedDirectly_IsCS0029_TheLanguageRuleOfMapWorksAround()
    {
        var image = File.ReadAllBytes(typeof(ModifyThreadRequest).Assembly.Location);

        var problems = CSharpCompiler.CompileAgainst(image, """
            using System.Collections.Generic;
            using ContractKit.Generated.Threads;

            public static class Probe
            {
                public static void Assign(ModifyThreadRequest request, IDictionary<string, string> mutable) => request.Metadata = mutable;
            }
            """);

        Assert.Contains(problems, p => p.StartsWith("CS0029:", System.StringComparison.Ordinal));
    }
}
