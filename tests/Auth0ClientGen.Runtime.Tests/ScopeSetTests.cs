using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class ScopeSetTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("read:orders", "read:orders")]
    [InlineData("a b c", "a b c")]
    [InlineData("c a b", "a b c")]
    [InlineData("b  a", "a b")]
    [InlineData(" a b ", "a b")]
    [InlineData("a a b", "a b")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("B a", "B a")]
    public void Scopes_are_sorted_ordinally_once_each(string? scope, string? expected)
        => Assert.Equal(expected, ScopeSet.Normalize(scope));

    [Fact]
    public void Already_sorted_scopes_are_returned_as_they_are()
    {
        const string scope = "openid profile read:orders";

        Assert.Same(scope, ScopeSet.Normalize(scope));
    }
}
