using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Fills in one API's configured default audience and organization before asking a shared provider, so APIs that
/// share a provider (and its cache) can still have different defaults. What a request names itself is kept.
/// </summary>
internal sealed class ApiDefaultsCredentialsProvider(
    ICredentialsProvider inner,
    string? defaultAudience,
    string? defaultOrganization)
    : ICredentialsProvider
{
    /// <summary>Wraps <paramref name="inner"/> only when the options carry a default to fill in.</summary>
    public static ICredentialsProvider Wrap(ICredentialsProvider inner, string? audience, string? organization)
        => string.IsNullOrWhiteSpace(audience) && string.IsNullOrWhiteSpace(organization)
            ? inner
            : new ApiDefaultsCredentialsProvider(
                inner,
                string.IsNullOrWhiteSpace(audience) ? null : audience,
                string.IsNullOrWhiteSpace(organization) ? null : organization);

    public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(request.Audience) && defaultAudience is not null)
        {
            request = request with { Audience = defaultAudience };
        }

        if (string.IsNullOrEmpty(request.Organization) && defaultOrganization is not null)
        {
            request = request with { Organization = defaultOrganization };
        }

        return inner.GetAccessTokenAsync(request, cancellationToken);
    }

    public override string ToString() => inner.ToString() ?? nameof(ApiDefaultsCredentialsProvider);
}
