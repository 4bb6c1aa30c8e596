using System.Collections.Generic;
using ContractKit.AspNetCore.Parameters;
using ContractKit.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace ContractKit.Tests.AspNetCore;

/// <summary>Parameters parsed by style and explode into the JSON their schema validates.</summary>
public sealed class ParameterParserTests
{
    private static readonly ParameterShape IntArray = new(ValueShape.Array, PrimitiveKind.Integer, new Dictionary<string, PrimitiveKind>());
    private static readonly ParameterShape Point = new(ValueShape.Object, PrimitiveKind.Any, new Dictionary<string, PrimitiveKind> { ["x"] = PrimitiveKind.Integer, ["label"] = PrimitiveKind.String });

    private static Parameter Param(ParameterLocation location, string? style = null, bool explode = false) =>
        new() { Name = "id", In = location, Required = true, Type = new TypeUse(PrimitiveRef.Any), Style = style, Explode = explode };

    private static IQueryCollection Query(params (string Key, string[] Values)[] pairs)
    {
        var values = new Dictionary<string, StringValues>();
        foreach (var (key, v) in pairs)
        {
            values[key] = new StringValues(v);
        }

        return new QueryCollection(values);
    }

    [Theory]
    [InlineData(null, false, "3,4,5")]
    [InlineData("label", false, ".3,4,5")]
    [InlineData("label", true, ".3.4.5")]
    [InlineData("matrix", false, ";id=3,4,5")]
    [InlineData("matrix", true, ";id=3;id=4;id=5")]
    public void PathArray_EveryStyle_GivesTheSameIntegers(string? style, bool explode, string text)
    {
        var value = ParameterParser.FromText(Param(ParameterLocation.Path, style, explode), IntArray, text);

        Assert.Equal("[3,4,5]", value!.ToJsonString());
    }

    [Fact]
    public void PathScalar_IsPercentDecoded_AndStaysAStringWhereTheSchemaWantsOne()
    {
        var value = ParameterParser.FromText(Param(ParameterLocation.Path), new ParameterShape(ValueShape.Scalar, PrimitiveKind.String, new Dictionary<string, PrimitiveKind>()), "thread%2F123");

        Assert.Equal("\"thread/123\"", value!.ToJsonString());
    }

    [Fact]
    public void IntegerThatIsNotANumber_StaysAString_SoTheSchemaReportsIt()
    {
        Assert.Equal("\"abc\"", ParameterParser.Scalar("abc", PrimitiveKind.Integer)!.ToJsonString());
        Assert.Equal("12", ParameterParser.Scalar("12", PrimitiveKind.Integer)!.ToJsonString());
        Assert.Equal("\"0x10\"", ParameterParser.Scalar("0x10", PrimitiveKind.Number)!.ToJsonString());
        Assert.Equal("true", ParameterParser.Scalar("true", PrimitiveKind.Boolean)!.ToJsonString());
    }

    [Theory]
    [InlineData("form", true)]
    [InlineData("form", false)]
    [InlineData("spaceDelimited", false)]
    [InlineData("pipeDelimited", false)]
    public void QueryArray_EveryStyle(string style, bool explode)
    {
        var query = explode ? Query(("id", ["3", "4"])) : Query(("id", [style switch { "spaceDelimited" => "3 4", "pipeDelimited" => "3|4", _ => "3,4" }]));

        var value = ParameterParser.FromQuery(Param(ParameterLocation.Query, style, explode), IntArray, query, ["id"]);

        Assert.Equal("[3,4]", value!.ToJsonString());
    }

    [Fact]
    public void QueryDeepObject_TypesEachPropertyBySchema()
    {
        var value = ParameterParser.FromQuery(Param(ParameterLocation.Query, "deepObject", true), Point, Query(("id[x]", ["7"]), ("id[label]", ["7"]), ("other", ["1"])), ["id", "other"]);

        Assert.Equal("""{"x":7,"label":"7"}""", value!.ToJsonString());
    }

    [Fact]
    public void QueryFormObject_ExplodedTakesUndeclaredKeys_AndUnexplodedReadsPairs()
    {
        var exploded = ParameterParser.FromQuery(Param(ParameterLocation.Query, "form", true), Point, Query(("x", ["1"]), ("limit", ["5"])), ["id", "limit"]);
        var flat = ParameterParser.FromQuery(Param(ParameterLocation.Query, "form", false), Point, Query(("id", ["x,1,label,a"])), ["id"]);

        Assert.Equal("""{"x":1}""", exploded!.ToJsonString());
        Assert.Equal("""{"x":1,"label":"a"}""", flat!.ToJsonString());
    }

    [Fact]
    public void HeaderObject_Exploded()
    {
        var value = ParameterParser.FromText(Param(ParameterLocation.Header, null, true), Point, "x=1,label=a");

        Assert.Equal("""{"x":1,"label":"a"}""", value!.ToJsonString());
    }

    [Fact]
    public void AbsentQueryParameter_IsNull()
    {
        Assert.Null(ParameterParser.FromQuery(Param(ParameterLocation.Query), IntArray, Query(), ["id"]));
    }
}
