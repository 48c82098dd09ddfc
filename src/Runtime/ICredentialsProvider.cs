using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen;

/// <summary>
/// Supplies access tokens to generated API clients. Implementations are expected to cache tokens, so the
/// common path completes synchronously without allocating.
/// </summary>
public interface ICredentialsProvider
{
    /// <summary>Returns an access token that is valid for the requested audience.</summary>
    /// <param name="request">What the token is for.</param>
    /// <param name="cancellationToken">Cancels a token request that has to go to the network.</param>
    /// <returns>The raw access token, without the <c>Bearer</c> prefix.</returns>
    ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default);
}
