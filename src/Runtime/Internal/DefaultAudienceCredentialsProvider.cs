using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Fills in one API's configured default audience before asking a shared provider, so APIs that share a
/// provider (and its cache) can still have different defaults. An audience the interface declares is kept.
/// </summary>
internal sealed class DefaultAudienceCredentialsProvider(ICredentialsProvider inner, string defaultAudience)
    : ICredentialsProvider
{
    public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        => inner.GetAccessTokenAsync(
            string.IsNullOrEmpty(request.Audience) ? request with { Audience = defaultAudience } : request,
            cancellationToken);

    public override string ToString() => inner.ToString() ?? nameof(DefaultAudienceCredentialsProvider);
}
