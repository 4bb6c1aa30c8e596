using ContractKit.Reading;
using Xunit;

namespace ContractKit.Tests.Reading;

/// <summary>The one mapping between a 2.0 file's sections and the 3.x shape Microsoft.OpenApi and the model use.</summary>
public sealed class Swagger2PointersTests
{
    [Theory]
    [InlineData("#/components/schemas/Pet/properties/id", "#/definitions/Pet/properties/id")]
    [InlineData("#/components/parameters/limit", "#/parameters/limit")]
    [InlineData("#/components/responses/NotFound", "#/responses/NotFound")]
    [InlineData("#/components/securitySchemes/key", "#/securityDefinitions/key")]
    public void ToFile_AndToModel_MapEachSectionBothWays(string model, string file)
    {
        Assert.Equal(file, Swagger2Pointers.ToFile(model));
        Assert.Equal(model, Swagger2Pointers.ToModel(file));
    }

    [Theory]
    [InlineData("#/paths/~1pets/get")]
    [InlineData("#/components/requestBodies/Pet")]
    [InlineData("#/definitionsX/Pet")]
    public void PointersOutsideTheSections_AreLeftAsTheyAre(string pointer)
    {
        Assert.Equal(pointer, Swagger2Pointers.ToFile(pointer));
        Assert.Equal(pointer, Swagger2Pointers.ToModel(pointer));
    }

    [Theory]
    [InlineData("2.0", true)]
    [InlineData("3.0.3", false)]
    [InlineData(null, false)]
    public void Applies_OnlyTo2x(string? version, bool applies) => Assert.Equal(applies, Swagger2Pointers.Applies(version));
}
