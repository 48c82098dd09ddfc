using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The tenant's clients, APIs (resource servers), organizations and client grants. Every member is safe to call from
/// any thread, including while token requests are being served.
/// </summary>
internal sealed class TenantDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _apiScopes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ClientId, string Audience), ClientGrant> _grants = new();
    private readonly Dictionary<string, TenantOrganization> _organizations = new(StringComparer.Ordinal);

    public void AddClient(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);

        lock (_gate)
        {
            _clients[clientId] = new RegisteredClient(clientId, Encoding.UTF8.GetBytes(clientSecret));
        }
    }

    public void AddClient(string clientId, RSA publicKey, string? keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(publicKey);

        // Only the public half is kept, as a copy: the caller may dispose its key or keep signing with it.
        var parameters = publicKey.ExportParameters(includePrivateParameters: false);
        lock (_gate)
        {
            _clients[clientId] = new RegisteredClient(clientId, Secret: null)
            {
                PublicKey = parameters,
                KeyId = keyId,
            };
        }
    }

    public void AddPublicClient(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);

        lock (_gate)
        {
            _clients[clientId] = new RegisteredClient(clientId, Secret: null);
        }
    }

    public RegisteredClient? FindClient(string clientId)
    {
        lock (_gate)
        {
            return _clients.GetValueOrDefault(clientId);
        }
    }

    public bool HasApi(string audience)
    {
        lock (_gate)
        {
            return _apiScopes.ContainsKey(audience);
        }
    }

    public void AddApi(string audience, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(audience);
        var newScopes = ValidateScopes(scopes);

        lock (_gate)
        {
            if (!_apiScopes.TryGetValue(audience, out var apiScopes))
            {
                apiScopes = [];
                _apiScopes.Add(audience, apiScopes);
            }

            AddMissing(apiScopes, newScopes);
        }
    }

    public void Grant(string clientId, string audience, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        var newScopes = ValidateScopes(scopes);

        lock (_gate)
        {
            if (!_clients.ContainsKey(clientId))
            {
                throw new InvalidOperationException($"The tenant has no client '{clientId}'. Add it first.");
            }

            if (!_apiScopes.TryGetValue(audience, out var apiScopes))
            {
                throw new InvalidOperationException($"The tenant has no API '{audience}'. Add it first.");
            }

            // Auth0 refuses a client grant that names a scope the API does not define; so do we.
            var undefined = newScopes.Where(scope => !apiScopes.Contains(scope)).ToArray();
            if (undefined.Length > 0)
            {
                throw new ArgumentException(
                    $"The API '{audience}' does not define: {string.Join(' ', undefined)}.", nameof(scopes));
            }

            if (!_grants.TryGetValue((clientId, audience), out var grant))
            {
                grant = new ClientGrant();
                _grants.Add((clientId, audience), grant);
            }

            AddMissing(grant.Scopes, newScopes);
        }
    }

    public void AddOrganization(string organizationId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentException.ThrowIfNullOrEmpty(name);

        lock (_gate)
        {
            // Auth0 keeps organization names unique, which is what lets a request name one instead of giving its id.
            if (_organizations.Values.Any(other => other.Name == name && other.Id != organizationId))
            {
                throw new ArgumentException($"Another organization is already named '{name}'.", nameof(name));
            }

            _organizations[organizationId] = new TenantOrganization(organizationId, name);
        }
    }

    public void AllowOrganization(string clientId, string audience, string organizationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentException.ThrowIfNullOrEmpty(organizationId);

        lock (_gate)
        {
            if (!_organizations.ContainsKey(organizationId))
            {
                throw new InvalidOperationException(
                    $"The tenant has no organization '{organizationId}'. Add it first.");
            }

            // In Auth0 the organizations a client may act for are a setting of its client grant.
            if (!_grants.TryGetValue((clientId, audience), out var grant))
            {
                throw new InvalidOperationException(
                    $"The client '{clientId}' has no grant for the API '{audience}'. Grant it first.");
            }

            grant.AllowedOrganizationIds.Add(organizationId);
        }
    }

    public bool Revoke(string clientId, string audience)
    {
        lock (_gate)
        {
            return _grants.Remove((clientId, audience));
        }
    }

    /// <summary>
    /// Decides what a client may have for an audience, and for an organization named by id or by name when it asks
    /// for one. With no requested scopes every granted scope is given; otherwise exactly the requested ones, and
    /// a request naming any scope the grant lacks is refused, as Auth0 refuses it, with the missing scopes.
    /// </summary>
    public GrantDecision Decide(
        string clientId,
        string audience,
        IReadOnlyCollection<string>? requestedScopes,
        string? organization)
    {
        lock (_gate)
        {
            if (!_apiScopes.ContainsKey(audience))
            {
                return GrantDecision.UnknownAudience;
            }

            if (!_grants.TryGetValue((clientId, audience), out var grant))
            {
                return GrantDecision.NoGrant;
            }

            TenantOrganization? tenantOrganization = null;
            if (organization is not null)
            {
                tenantOrganization = _organizations.GetValueOrDefault(organization)
                    ?? _organizations.Values.FirstOrDefault(candidate => candidate.Name == organization);
                if (tenantOrganization is null)
                {
                    return GrantDecision.UnknownOrganization;
                }

                if (!grant.AllowedOrganizationIds.Contains(tenantOrganization.Id))
                {
                    return GrantDecision.OrganizationNotAllowed;
                }
            }

            if (requestedScopes is null)
            {
                return GrantDecision.Granted(grant.Scopes.ToArray(), tenantOrganization);
            }

            // Keep the order the client asked for, in the token and in the refusal alike.
            var requested = requestedScopes.Distinct(StringComparer.Ordinal).ToArray();
            var missing = requested.Where(scope => !grant.Scopes.Contains(scope)).ToArray();
            return missing.Length > 0
                ? GrantDecision.ScopesNotGranted(missing)
                : GrantDecision.Granted(requested, tenantOrganization);
        }
    }

    private static void AddMissing(List<string> scopes, IEnumerable<string> newScopes)
    {
        foreach (var scope in newScopes)
        {
            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }
        }
    }

    public static string[] ValidateScopes(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var result = scopes.ToArray();
        foreach (var scope in result)
        {
            if (string.IsNullOrEmpty(scope) || scope.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException("A scope must be non-empty and contain no whitespace.", nameof(scopes));
            }
        }

        return result;
    }
}

/// <summary>
/// A client (an Auth0 application) and how it authenticates: with a secret when <see cref="Secret"/> is set, with a
/// JWT signed by the private half of <see cref="PublicKey"/> when that is set (private_key_jwt), with nothing at all
/// when it is a public client (a single-page or native application).
/// </summary>
internal sealed record RegisteredClient(string ClientId, byte[]? Secret)
{
    public RSAParameters? PublicKey { get; init; }

    /// <summary>The <c>kid</c> the client's assertions name, when it was registered with one.</summary>
    public string? KeyId { get; init; }

    public bool IsPublic => Secret is null && PublicKey is null;

    public bool SecretMatches(string clientSecret) =>
        Secret is not null && CryptographicOperations.FixedTimeEquals(Secret, Encoding.UTF8.GetBytes(clientSecret));
}

/// <summary>A client grant: the scopes a client may have for one API, and the organizations it may act for.</summary>
internal sealed class ClientGrant
{
    public List<string> Scopes { get; } = [];

    public HashSet<string> AllowedOrganizationIds { get; } = new(StringComparer.Ordinal);
}

/// <summary>An Auth0 organization: its id (<c>org_id</c> in tokens) and its unique name (<c>org_name</c>).</summary>
internal sealed record TenantOrganization(string Id, string Name);

/// <summary>The outcome of <see cref="TenantDirectory.Decide"/>.</summary>
internal readonly record struct GrantDecision(
    GrantDecisionKind Kind,
    IReadOnlyList<string> Scopes,
    TenantOrganization? Organization)
{
    public static GrantDecision UnknownAudience => new(GrantDecisionKind.UnknownAudience, [], null);

    public static GrantDecision NoGrant => new(GrantDecisionKind.NoGrant, [], null);

    public static GrantDecision UnknownOrganization => new(GrantDecisionKind.UnknownOrganization, [], null);

    public static GrantDecision OrganizationNotAllowed => new(GrantDecisionKind.OrganizationNotAllowed, [], null);

    /// <summary>Refused because the grant lacks some requested scopes, which <see cref="Scopes"/> lists.</summary>
    public static GrantDecision ScopesNotGranted(IReadOnlyList<string> missingScopes) =>
        new(GrantDecisionKind.ScopesNotGranted, missingScopes, null);

    public static GrantDecision Granted(IReadOnlyList<string> scopes, TenantOrganization? organization) =>
        new(GrantDecisionKind.Granted, scopes, organization);
}

/// <summary>Whether a token may be issued, and if not, why.</summary>
internal enum GrantDecisionKind
{
    Granted,
    UnknownAudience,
    NoGrant,
    UnknownOrganization,
    OrganizationNotAllowed,
    ScopesNotGranted,
}
