using System;
using System.Threading.Tasks;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>A token is renewed at receipt + expires_in − margin, by the injected clock; the margin is configurable.</summary>
public sealed class RenewalMarginTests
{
    /// <summary>
    /// A one-hour token is reused until exactly its renewal point, by the fake clock, and renewed from there on.
    /// A negative margin is clamped to zero, so a token is never used past its expiry.
    /// </summary>
    [Theory]
    [InlineData(10, 10)]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    public async Task A_configured_margin_moves_the_renewal_point(int configuredMinutes, int effectiveMinutes)
    {
        var fixture = new ProviderFixture(
            _ => TokenResponses.Success(ProviderFixture.AccessToken, expiresIn: 3600),
            configure: options => options.RenewalMargin = TimeSpan.FromMinutes(configuredMinutes));
        var renewalPoint = TimeSpan.FromHours(1) - TimeSpan.FromMinutes(effectiveMinutes);

        await fixture.GetAsync();
        fixture.Time.Advance(renewalPoint - TimeSpan.FromTicks(1));
        await fixture.GetAsync();
        Assert.Equal(1, fixture.Handler.Count);

        fixture.Time.Advance(TimeSpan.FromTicks(1));
        await fixture.GetAsync();
        Assert.Equal(2, fixture.Handler.Count);
        Assert.Equal(TimeSpan.FromMinutes(effectiveMinutes), fixture.Provider.RenewalMargin);
    }

    [Fact]
    public void Without_configuration_the_margin_is_sixty_seconds()
    {
        var fixture = new ProviderFixture(_ => TokenResponses.Success(ProviderFixture.AccessToken));

        Assert.Equal(TimeSpan.FromSeconds(60), fixture.Provider.RenewalMargin);
        Assert.Equal(TimeSpan.FromSeconds(60), Auth0ClientCredentialsProvider.DefaultRenewalMargin);
    }

    [Fact]
    public async Task The_expiry_counts_from_when_the_response_arrived_not_from_when_it_was_requested()
    {
        ProviderFixture? fixture = null;
        fixture = new ProviderFixture(_ =>
        {
            // The endpoint takes two minutes to answer, by the fake clock.
            fixture!.Time.Advance(TimeSpan.FromMinutes(2));
            return TokenResponses.Success(ProviderFixture.AccessToken, expiresIn: 600);
        });

        await fixture.GetAsync();
        fixture.Time.Advance(TimeSpan.FromMinutes(9) - TimeSpan.FromTicks(1));
        await fixture.GetAsync();

        Assert.Equal(1, fixture.Handler.Count);
    }
}
