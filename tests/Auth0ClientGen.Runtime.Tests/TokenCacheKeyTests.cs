using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>Every parameter that shapes a token separates cache entries; equal scope sets share one.</summary>
public sealed class TokenCacheKeyTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("read:a", "read:a")]
    [InlineData("read:b read:a", "read:a read:b")]
    [InlineData("read:a  read:b", "read:a read:b")]
    [InlineData(" read:b\tread:a read:b ", "read:a read:b")]
    [InlineData("c a b", "a b c")]
    [InlineData("a a b", "a b")]
    [InlineData("B a", "B a")]
    public void Scopes_are_put_in_one_canonical_form(string? scope, string? expected)
        => Assert.Equal(expected, ScopeSet.Normalize(scope));

    [Fact]
    public void A_canonical_scope_string_is_returned_as_it_is()
    {
        var scope = "create:users read:users";

        Assert.Same(scope, ScopeSet.Normalize(scope));
    }

    [Fact]
    public async Task Equal_scope_sets_in_any_order_share_one_token_and_the_sorted_set_is_posted()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Scope = "update:users read:users" });
        await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Scope = "read:users update:users" });
        await fixture.Provider.GetAccessTokenAsync(
            new AccessTokenRequest(null) { Scope = "read:users update:users read:users" });

        var request = Assert.Single(fixture.Handler.Requests);
        Assert.Equal("read:users update:users", request.Form["scope"]);
    }

    [Fact]
    public async Task Two_organizations_get_two_tokens_and_each_request_names_its_organization()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ => TokenResponses.Success($"token-{++issued}"));

        var first = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Organization = "org_a" });
        var second = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Organization = "org_b" });
        var firstAgain = await fixture.Provider.GetAccessTokenAsync(
            new AccessTokenRequest(null) { Organization = "org_a" });
        var none = await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(["token-1", "token-2", "token-1", "token-3"], new[] { first, second, firstAgain, none });
        Assert.Equal(
            ["org_a", "org_b", null],
            fixture.Handler.Requests.Select(request => request.Form.GetValueOrDefault("organization")));
    }

    [Fact]
    public async Task The_configured_organization_is_the_default_and_a_request_may_name_another()
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Success(ProviderFixture.AccessToken),
            configure: options => options.Organization = "org_default");

        await fixture.GetAsync();
        await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Organization = "org_default" });
        await fixture.Provider.GetAccessTokenAsync(new AccessTokenRequest(null) { Organization = "org_other" });

        Assert.Equal(
            ["org_default", "org_other"],
            fixture.Handler.Requests.Select(request => request.Form["organization"]));
    }

    [Fact]
    public async Task Two_audiences_get_two_tokens()
    {
        var issued = 0;
        var fixture = new ProviderFixture(_ => TokenResponses.Success($"token-{++issued}"));

        var orders = await fixture.GetAsync("https://orders.example.com");
        var billing = await fixture.GetAsync("https://billing.example.com");

        Assert.NotEqual(orders, billing);
        Assert.Equal(orders, await fixture.GetAsync("https://orders.example.com"));
        Assert.Equal(2, fixture.Handler.Count);
    }

    [Fact]
    public void The_key_describes_itself_without_anything_secret()
    {
        var key = new TokenCacheKey("https://t.example", "client", "https://api", "a b", "org_1");

        Assert.Equal("https://t.example client https://api [a b] org org_1", key.ToString());
    }
}
