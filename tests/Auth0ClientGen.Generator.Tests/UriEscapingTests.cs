using System;
using Auth0ClientGen.Generator.Emitter;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The generator escapes query names at build time, and the runtime escapes values with Uri.EscapeDataString: the two
/// must agree, or a name would reach the API spelt differently from how the runtime spells it.
/// </summary>
public class UriEscapingTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("page_size")]
    [InlineData("a-b.c~d")]
    [InlineData("filter[name] x")]
    [InlineData("a+b=c&d?e#f/g%h")]
    [InlineData("naïve")]
    [InlineData("€uro")]
    [InlineData("emoji 😀")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("")]
    public void A_name_is_escaped_as_Uri_EscapeDataString_escapes_it(string name)
    {
        Assert.Equal(Uri.EscapeDataString(name), UriEscaping.EscapeDataString(name));
    }
}
