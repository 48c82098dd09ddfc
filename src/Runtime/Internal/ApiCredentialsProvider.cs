using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Wraps a client's credentials with what <c>GeneratedClientHelpers.SendAsync</c> needs to know about the client:
/// where its tokens may go, its name, its logger and the header text of its last token. Generated code passes only
/// the credentials, so this is how they reach it without changing the generated calls.
/// </summary>
internal sealed class ApiCredentialsProvider(
    ICredentialsProvider inner,
    TokenDestinations destinations,
    string apiName,
    ILogger? logger,
    BearerAuthorization authorization)
    : ICredentialsProvider
{
    public TokenDestinations Destinations => destinations;

    /// <summary>The interface's full name, for messages and logs.</summary>
    public string ApiName => apiName;

    public ILogger? Logger => logger;

    /// <summary>
    /// The header text of the last token sent, kept per registration (or per client made without one), so that
    /// clients for different audiences do not take turns with one text, and a new client, as the container makes
    /// for every scope, finds the text its registration built.
    /// </summary>
    public BearerAuthorization Authorization => authorization;

    public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        => inner.GetAccessTokenAsync(request, cancellationToken);

    public override string ToString() => inner.ToString() ?? nameof(ApiCredentialsProvider);
}
