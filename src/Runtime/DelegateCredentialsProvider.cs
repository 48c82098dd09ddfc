using System;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen;

/// <summary>
/// Supplies access tokens from a delegate, for tokens that come from somewhere this library does not know, such
/// as a token exchange or a secrets store. Caching and renewal are the delegate's business.
/// </summary>
/// <param name="getAccessToken">
/// Returns the raw access token, without the <c>Bearer</c> prefix, for the request. It sees
/// <see cref="AccessTokenRequest.ForceRenewal"/> when an API rejected the previous token.
/// </param>
public sealed class DelegateCredentialsProvider(Func<AccessTokenRequest, CancellationToken, ValueTask<string>> getAccessToken)
    : ICredentialsProvider
{
    private readonly Func<AccessTokenRequest, CancellationToken, ValueTask<string>> _getAccessToken =
        getAccessToken ?? throw new ArgumentNullException(nameof(getAccessToken));

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The delegate returned null, an empty string or white space.</exception>
    public async ValueTask<string> GetAccessTokenAsync(
        AccessTokenRequest request,
        CancellationToken cancellationToken = default)
    {
        var accessToken = await _getAccessToken(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw new InvalidOperationException(
                $"The delegate of {nameof(DelegateCredentialsProvider)} returned no access token for audience"
                + $" '{request.Audience ?? "(default)"}'. It must return the raw token, without the Bearer prefix.");
        }

        return accessToken;
    }

    /// <summary>Describes the provider without revealing anything the delegate holds or returns.</summary>
    public override string ToString() => nameof(DelegateCredentialsProvider);
}
