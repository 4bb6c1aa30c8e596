using ContractKit.Runtime;
using Xunit;

namespace ContractKit.Tests.Runtime;

/// <summary>The one RFC 6901 helper every part uses: escaping, both spellings, percent-encoded fragments.</summary>
public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("a/b~c", "a~1b~0c")]
    [InlineData("~1", "~01")]
    [InlineData("/", "~1")]
    [InlineData("", "")]
    public void Escape_AndUnescape_RoundTrip(string token, string escaped)
    {
        Assert.Equal(escaped, JsonPointer.Escape(token));
        Assert.Equal(token, JsonPointer.Unescape(escaped));
    }

    [Fact]
    public void Escape_AndUnescape_ReturnTheSameString_WhenThereIsNothingToDo()
    {
        // The validator escapes member names on its error path; a plain name must cost no new string.
        const string plain = "created_at";

        Assert.Same(plain, JsonPointer.Escape(plain));
        Assert.Same(plain, JsonPointer.Unescape(plain));
    }

    [Theory]
    [InlineData("#/paths/~1items~1{id}/get", new[] { "paths", "/items/{id}", "get" })]
    [InlineData("/paths/~1items~1{id}/get", new[] { "paths", "/items/{id}", "get" })]
    [InlineData("#/components/schemas/A%20B", new[] { "components", "schemas", "A B" })]
    [InlineData("#/a/%7E1", new[] { "a", "/" })]
    [InlineData("#", new string[0])]
    [InlineData("", new string[0])]
    public void TryParse_ReadsBothSpellings(string pointer, string[] tokens)
    {
        Assert.True(JsonPointer.TryParse(pointer, out var parsed));
        Assert.Equal(tokens, parsed);
    }

    [Theory]
    [InlineData("paths")]
    [InlineData("#paths")]
    public void TryParse_RefusesTextThatIsNotAPointer(string text) => Assert.False(JsonPointer.TryParse(text, out _));

    [Fact]
    public void ToFragment_AndAppend_EscapeEachToken()
    {
        Assert.Equal("#/paths/~1a~1{b}/get", JsonPointer.ToFragment(["paths", "/a/{b}", "get", "ignored"], 3));
        Assert.Equal("#", JsonPointer.ToFragment(["x"], 0));
        Assert.Equal("#/paths/~1a/get", JsonPointer.Append("#/paths", "/a", "get"));
        Assert.Equal("/x/a~0b", JsonPointer.Append("/x", "a~b"));
    }
}
