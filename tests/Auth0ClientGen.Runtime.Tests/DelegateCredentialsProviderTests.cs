using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class DelegateCredentialsProviderTests
{
    private const string AccessToken = "eyJ.delegate-token.NEVER-print-me";

    [Fact]
    public async Task The_delegate_gets_the_request_and_its_token_is_returned()
    {
        var requests = new List<AccessTokenRequest>();
        var provider = new DelegateCredentialsProvider((request, _) =>
        {
            requests.Add(request);
            return new ValueTask<string>(AccessToken);
        });
        var renewal = new AccessTokenRequest("https://api.example.com") { Scope = "read:orders", ForceRenewal = true };

        var accessToken = await provider.GetAccessTokenAsync(renewal);

        Assert.Equal(AccessToken, accessToken);
        Assert.Equal(renewal, Assert.Single(requests));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task No_token_from_the_delegate_is_a_clear_error(string? returned)
    {
        var provider = new DelegateCredentialsProvider((_, _) => new ValueTask<string>(returned!));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => provider.GetAccessTokenAsync(new AccessTokenRequest("https://api.example.com")).AsTask());

        Assert.Contains("returned no access token for audience 'https://api.example.com'", exception.Message);
    }

    [Fact]
    public async Task ToString_reveals_nothing_of_the_delegate_or_its_token()
    {
        var secret = "captured-" + AccessToken;
        var provider = new DelegateCredentialsProvider((_, _) => new ValueTask<string>(secret));
        await provider.GetAccessTokenAsync(new AccessTokenRequest(null));

        Assert.Equal(nameof(DelegateCredentialsProvider), provider.ToString());
    }

    [Fact]
    public void A_null_delegate_is_refused()
        => Assert.Throws<ArgumentNullException>(() => new DelegateCredentialsProvider(null!));
}
