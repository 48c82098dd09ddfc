using System;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen;

/// <summary>
/// Hands out one fixed access token for every audience. Useful for tests and for tokens obtained elsewhere;
/// it never renews the token.
/// </summary>
public sealed class StaticCredentialsProvider : ICredentialsProvider
{
    private readonly string _accessToken;

    /// <summary>Creates a provider that always returns <paramref name="accessToken"/>.</summary>
    /// <param name="accessToken">The raw access token, without the <c>Bearer</c> prefix.</param>
    /// <exception cref="ArgumentException">The token is null, empty or white space.</exception>
    public StaticCredentialsProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _accessToken = accessToken;
    }

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        => new(_accessToken);

    /// <summary>Describes the provider without revealing the token.</summary>
    public override string ToString() => nameof(StaticCredentialsProvider);
}
