using System;
using Auth0ClientGen.Infrastructure;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class RequestUriBuilderTests
{
    [Theory]
    [InlineData("https://api.example.com/v2?tenant=private", "a query string")]
    [InlineData("https://api.example.com/v2/?", "a query string")]
    [InlineData("https://api.example.com/v2/#private", "a fragment")]
    [InlineData("https://admin:private@api.example.com/v2/", "user information")]
    [InlineData("https://private@api.example.com/", "user information")]
    [InlineData(
        "https://admin:private@api.example.com/v2/?private#private",
        "a query string, a fragment and user information")]
    public void A_base_address_with_more_than_scheme_host_and_path_is_refused(string baseAddress, string parts)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(new Uri(baseAddress)));

        Assert.Contains($"has {parts}, which cannot be combined with a route", exception.Message);
        Assert.Contains("Auth0:BaseUrl", exception.Message);
        Assert.Contains("https://api.example.com/", exception.Message);
        Assert.DoesNotContain("private", exception.Message);
    }

    [Fact]
    public void A_refused_base_address_stays_refused_after_others_were_accepted()
    {
        // The builder remembers the base address it accepted last; that must never let a refused one through.
        var accepted = new Uri("https://api.example.com/v2/");
        var refused = new Uri("https://api.example.com/v2/?tenant=private");

        for (var i = 0; i < 2; i++)
        {
            var address = new RequestUriBuilder(accepted).AppendLiteral("/users").ToUri();

            Assert.Equal("https://api.example.com/v2/users", address.AbsoluteUri);
            Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(refused));
            Assert.Throws<InvalidOperationException>(() => new RequestUriBuilder(refused));
        }
    }

    [Theory]
    [InlineData("https://api.example.com/@me/", "https://api.example.com/@me/users")]
    [InlineData("https://api.example.com/a%3Fb/", "https://api.example.com/a%3Fb/users")]
    [InlineData("https://api.example.com/a%23b", "https://api.example.com/a%23b/users")]
    [InlineData("http://[::1]:5000/", "http://[::1]:5000/users")]
    public void A_base_address_with_those_characters_only_in_its_path_is_kept(string baseAddress, string expected)
    {
        var address = new RequestUriBuilder(new Uri(baseAddress)).AppendLiteral("/users").ToUri();

        Assert.Equal(expected, address.AbsoluteUri);
    }

    [Fact]
    public void A_name_escaped_by_the_generator_is_written_as_it_is_and_any_other_name_is_escaped()
    {
        var address = new RequestUriBuilder(new Uri("https://api.example.com/"))
            .AppendLiteral("/items")
            .AppendQueryWithEscapedName("filter%5Bname%5D", "a b")
            .AppendQuery("filter[name]", "c&d")
            .AppendQueryWithEscapedName("skipped", null)
            .AppendQueryWithEscapedName("page", "2")
            .ToUri();

        Assert.Equal(
            "https://api.example.com/items?filter%5Bname%5D=a%20b&filter%5Bname%5D=c%26d&page=2",
            address.OriginalString);
    }
}
