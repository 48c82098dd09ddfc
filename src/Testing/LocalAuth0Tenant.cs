using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Testing.Internal;
using Auth0ClientGen.Testing.Internal.Users;
using Microsoft.AspNetCore.Builder;

namespace Auth0ClientGen.Testing;

/// <summary>
/// An Auth0-compatible tenant on real Kestrel, listening on 127.0.0.1 on a free port, for integration tests.
/// It issues access tokens at <c>POST /oauth/token</c> for the client-credentials and refresh-token grants, to clients
/// that authenticate with a secret, with private_key_jwt, or not at all (public clients); serves its discovery document
/// and JWKS; and hosts two APIs that validate those tokens with JwtBearer: Management API v2 users, and Auth0's
/// quickstart trio (<c>/api/public</c>, <c>/api/private</c>, <c>/api/private-scoped</c>). For tests of failure, it can
/// inject faults into the token endpoint and revoke the access tokens it issued.
/// </summary>
/// <remarks>
/// Clients, APIs and grants may be changed at any time, from any thread, including while requests are served.
/// Dispose the tenant to stop the server.
/// </remarks>
public sealed class LocalAuth0Tenant : IAsyncDisposable, IDisposable
{
    /// <summary>The identifier of the quickstart API. It names the API only; nothing is ever sent to it.</summary>
    public const string QuickstartAudience = "https://quickstart.example/api";

    /// <summary>The client id of the machine-to-machine client a tenant seeds by default.</summary>
    public const string DefaultClientId = "local-m2m-client";

    /// <summary>The client secret of <see cref="DefaultClientId"/>.</summary>
    public const string DefaultClientSecret = "local-m2m-secret";

    /// <summary>The scopes of the Management API that a tenant seeds by default.</summary>
    public static readonly IReadOnlyList<string> DefaultManagementApiScopes =
        ["read:users", "create:users", "update:users", "delete:users"];

    /// <summary>The scopes of the quickstart API that a tenant seeds by default.</summary>
    public static readonly IReadOnlyList<string> DefaultQuickstartScopes = ["read:messages"];

    private readonly WebApplication _application;
    private readonly TenantAddresses _addresses;
    private readonly TenantDirectory _directory;
    private readonly TokenEndpointHandler _tokenEndpoint;
    private readonly RefreshTokenStore _refreshTokens;
    private readonly IssuedAccessTokens _issuedAccessTokens;
    private readonly AccessTokenFactory _accessTokenFactory;
    private readonly ProtectedApiRequestCounter _apiRequestCounter;
    private readonly SigningKey _signingKey;
    private readonly HttpClient _metadataClient;
    private int _disposed;

    private LocalAuth0Tenant(
        WebApplication application,
        TenantAddresses addresses,
        TenantDirectory directory,
        TokenEndpointHandler tokenEndpoint,
        RefreshTokenStore refreshTokens,
        IssuedAccessTokens issuedAccessTokens,
        AccessTokenFactory accessTokenFactory,
        ProtectedApiRequestCounter apiRequestCounter,
        SigningKey signingKey,
        HttpClient metadataClient)
    {
        _application = application;
        _addresses = addresses;
        _directory = directory;
        _tokenEndpoint = tokenEndpoint;
        _refreshTokens = refreshTokens;
        _issuedAccessTokens = issuedAccessTokens;
        _accessTokenFactory = accessTokenFactory;
        _apiRequestCounter = apiRequestCounter;
        _signingKey = signingKey;
        _metadataClient = metadataClient;
    }

    /// <summary>The root of the tenant, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => _addresses.BaseAddress;

    /// <summary>
    /// What a user puts in <c>Auth0:Domain</c> for this tenant: <c>http://127.0.0.1:{port}</c>. It carries its scheme
    /// because, unlike a real Auth0 domain, the tenant speaks plain http.
    /// </summary>
    public string Domain => _addresses.Domain;

    /// <summary>The <c>iss</c> of every token, <c>http://127.0.0.1:{port}/</c>, with Auth0's trailing slash.</summary>
    public string Issuer => _addresses.Issuer;

    /// <summary>
    /// The audience of the Management API, <c>{BaseAddress}api/v2/</c>, as Auth0's is <c>https://{domain}/api/v2/</c>.
    /// </summary>
    public string ManagementApiAudience => _addresses.ManagementApiAudience;

    /// <summary>The address of the token endpoint, <c>{BaseAddress}oauth/token</c>.</summary>
    public Uri TokenEndpoint => new(_addresses.TokenEndpoint);

    /// <summary>The address of the JSON Web Key Set, <c>{BaseAddress}.well-known/jwks.json</c>.</summary>
    public Uri JwksUri => new(_addresses.JwksUri);

    /// <summary>
    /// How long access tokens issued from now on stay valid, by either grant; also their <c>expires_in</c>. Starts at
    /// <see cref="LocalAuth0TenantOptions.TokenLifetime"/>. Changing it leaves tokens issued before as they are.
    /// Only whole seconds count, and at least one is needed.
    /// </summary>
    /// <exception cref="ArgumentException">The value is under one second.</exception>
    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromSeconds(_accessTokenFactory.LifetimeSeconds);
        set => _accessTokenFactory.LifetimeSeconds = ToLifetimeSeconds(value, nameof(value));
    }

    /// <summary>The signing key's id, the <c>kid</c> in the header of every token this tenant issues.</summary>
    public string SigningKeyId => _signingKey.KeyId;

    /// <summary>How many requests reached <c>POST /oauth/token</c>, whatever they were answered.</summary>
    public int TokenRequestCount => _tokenEndpoint.RequestCount;

    /// <summary>
    /// How many requests reached <c>POST /oauth/token</c> with the given <c>grant_type</c>, compared as sent and
    /// whatever they were answered. Requests without a <c>grant_type</c>, or whose body could not be read, count
    /// under the empty string.
    /// </summary>
    /// <param name="grantType">A grant type such as <c>client_credentials</c> or <c>refresh_token</c>.</param>
    /// <returns>The count; zero for a grant type never sent.</returns>
    public int GetTokenRequestCount(string grantType)
    {
        ArgumentNullException.ThrowIfNull(grantType);
        return _tokenEndpoint.GetRequestCount(grantType);
    }

    /// <summary>How many token requests were answered with an access token.</summary>
    public int IssuedTokenCount => _tokenEndpoint.IssuedTokenCount;

    /// <summary>
    /// How many times a consumed rotating refresh token was presented again after the reuse interval, each of which
    /// revoked that token's family.
    /// </summary>
    public int RefreshTokenReuseCount => _refreshTokens.ReuseCount;

    /// <summary>
    /// How many requests reached an endpoint that needs an access token (<c>/api/private</c>,
    /// <c>/api/private-scoped</c> and the Management API's users), whatever they were answered.
    /// </summary>
    public int ApiRequestCount => _apiRequestCounter.Count;

    /// <summary>How many injected token endpoint faults are still waiting for a request.</summary>
    public int PendingTokenEndpointFaultCount => _tokenEndpoint.Faults.PendingCount;

    /// <summary>Starts a tenant on 127.0.0.1 on a free port.</summary>
    /// <param name="options">Settings; <see langword="null"/> takes every default.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening tenant; dispose it to stop it.</returns>
    public static async Task<LocalAuth0Tenant> StartAsync(
        LocalAuth0TenantOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LocalAuth0TenantOptions();
        var lifetimeSeconds = ToLifetimeSeconds(options.TokenLifetime, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (options.RefreshTokenReuseInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("The refresh token reuse interval must not be negative.", nameof(options));
        }

        var addressHolder = new TenantAddressHolder();
        var directory = new TenantDirectory();
        var signingKey = new SigningKey();
        var issuedAccessTokens = new IssuedAccessTokens();
        var apiRequestCounter = new ProtectedApiRequestCounter();
        var accessTokenFactory = new AccessTokenFactory(
            signingKey, addressHolder, options.TimeProvider, issuedAccessTokens, lifetimeSeconds);
        var refreshTokens = new RefreshTokenStore(
            options.TimeProvider, options.RefreshTokenRotation, options.RefreshTokenReuseInterval);
        var tokenEndpoint = new TokenEndpointHandler(new TokenGrants(
            new ClientAuthenticator(directory, new ClientAssertionValidator(addressHolder, options.TimeProvider)),
            new ClientCredentialsGrant(directory, accessTokenFactory),
            new RefreshTokenGrant(refreshTokens, accessTokenFactory)));
        var userStore = new UserStore(options.TimeProvider);

        // Proxy settings of the machine must never send JwtBearer's metadata requests anywhere but this tenant.
        var metadataClient = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        WebApplication? application = null;
        try
        {
            application = TenantHost.Build(
                addressHolder,
                signingKey,
                tokenEndpoint,
                userStore,
                metadataClient,
                options.TimeProvider,
                issuedAccessTokens,
                apiRequestCounter);
            await application.StartAsync(cancellationToken).ConfigureAwait(false);
            addressHolder.Set(new TenantAddresses(TenantHost.ReadBoundPort(application)));
        }
        catch
        {
            if (application is not null)
            {
                await application.DisposeAsync().ConfigureAwait(false);
            }

            metadataClient.Dispose();
            signingKey.Dispose();
            throw;
        }

        var tenant = new LocalAuth0Tenant(
            application,
            addressHolder.Current,
            directory,
            tokenEndpoint,
            refreshTokens,
            issuedAccessTokens,
            accessTokenFactory,
            apiRequestCounter,
            signingKey,
            metadataClient);
        if (options.SeedDefaults)
        {
            tenant.AddApi(tenant.ManagementApiAudience, [.. DefaultManagementApiScopes]);
            tenant.AddApi(QuickstartAudience, [.. DefaultQuickstartScopes]);
            tenant.AddClient(DefaultClientId, DefaultClientSecret);
            tenant.Grant(DefaultClientId, tenant.ManagementApiAudience, [.. DefaultManagementApiScopes]);
            tenant.Grant(DefaultClientId, QuickstartAudience, [.. DefaultQuickstartScopes]);
        }

        return tenant;
    }

    /// <summary>
    /// Adds a confidential client that authenticates with its secret, in the body (client_secret_post) or in a Basic
    /// header (client_secret_basic); or gives an existing client this secret.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    public void AddClient(string clientId, string clientSecret) => _directory.AddClient(clientId, clientSecret);

    /// <summary>
    /// Adds a client that authenticates with private_key_jwt, or switches an existing client to it: instead of a
    /// secret it sends <c>client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer</c> and a
    /// <c>client_assertion</c>, a JWT it signs with the private half of <paramref name="publicKey"/>. The tenant checks
    /// it as Auth0 does: an RS256, RS384, RS512, PS256, PS384 or PS512 signature by this key; <c>iss</c> and
    /// <c>sub</c> both the client id; <c>aud</c> the tenant's <see cref="Issuer"/> or <see cref="TokenEndpoint"/>;
    /// <c>exp</c> in the future and at most five minutes after <c>iat</c>; and a <c>jti</c> never seen before.
    /// Anything else gets 401 <c>invalid_client</c>.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="publicKey">The client's key; only its public half is read, and copied.</param>
    /// <param name="keyId">
    /// The key's id; when given, an assertion whose header names another <c>kid</c> is turned away.
    /// </param>
    public void AddClient(string clientId, RSA publicKey, string? keyId = null) =>
        _directory.AddClient(clientId, publicKey, keyId);

    /// <summary>
    /// Adds a public client (a single-page or native application), or turns an existing client into one. A public
    /// client has no secret: it may exchange refresh tokens by its client id alone, but may not use client credentials.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    public void AddPublicClient(string clientId) => _directory.AddPublicClient(clientId);

    /// <summary>Adds an API (an Auth0 resource server), or adds scopes to an existing one.</summary>
    /// <param name="audience">The API identifier, used as the <c>audience</c> of token requests.</param>
    /// <param name="scopes">The scopes the API defines.</param>
    public void AddApi(string audience, params string[] scopes) => _directory.AddApi(audience, scopes);

    /// <summary>
    /// Creates a client grant, or adds scopes to an existing one. With no scopes the client may get tokens for the
    /// API that carry no scope.
    /// </summary>
    /// <param name="clientId">A client added before.</param>
    /// <param name="audience">An API added before.</param>
    /// <param name="scopes">Scopes the API defines.</param>
    /// <exception cref="InvalidOperationException">The client or the API does not exist.</exception>
    /// <exception cref="ArgumentException">A scope is not defined by the API.</exception>
    public void Grant(string clientId, string audience, params string[] scopes) =>
        _directory.Grant(clientId, audience, scopes);

    /// <summary>
    /// Adds an organization, or renames an existing one. Organization names are unique, as in Auth0.
    /// </summary>
    /// <param name="organizationId">
    /// The organization's id, the <c>org_id</c> of tokens, such as <c>org_abc123</c>.
    /// </param>
    /// <param name="name">The organization's name, the <c>org_name</c> of tokens.</param>
    /// <exception cref="ArgumentException">Another organization already has <paramref name="name"/>.</exception>
    public void AddOrganization(string organizationId, string name) =>
        _directory.AddOrganization(organizationId, name);

    /// <summary>
    /// Lets a client get client-credentials tokens for an API on behalf of an organization, as Auth0 does for a client
    /// grant whose organization usage is "allow" and the client's organization association. A token request with
    /// <c>organization</c> set to the organization's id or name then gets a token with <c>org_id</c> and
    /// <c>org_name</c> claims; one naming an organization that does not exist or is not allowed gets 403
    /// <c>access_denied</c>. Requests without <c>organization</c> go on getting tokens without organization claims.
    /// Deleting the grant with <see cref="RevokeGrant"/> deletes this too.
    /// </summary>
    /// <param name="clientId">A client granted the API before.</param>
    /// <param name="audience">The API identifier.</param>
    /// <param name="organizationId">An organization added before.</param>
    /// <exception cref="InvalidOperationException">The organization or the client grant does not exist.</exception>
    public void AllowOrganization(string clientId, string audience, string organizationId) =>
        _directory.AllowOrganization(clientId, audience, organizationId);

    /// <summary>Deletes a client grant, so the client's next token request for the API gets a 403.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="audience">The API identifier.</param>
    /// <returns><see langword="true"/> when there was a grant to delete.</returns>
    public bool RevokeGrant(string clientId, string audience) => _directory.Revoke(clientId, audience);

    /// <summary>
    /// Issues a refresh token as a user's login would: bound to the client, the user and the audiences the user
    /// consented to, carrying the scopes granted. Exchanging it at <c>POST /oauth/token</c> with
    /// <c>grant_type=refresh_token</c> gives access tokens whose <c>sub</c> is <paramref name="userId"/>, whose
    /// <c>azp</c> is <paramref name="clientId"/>, and whose <c>aud</c> is the requested audience, by default the first.
    /// </summary>
    /// <param name="clientId">A client added before; only it may exchange the token.</param>
    /// <param name="userId">The user the tokens act for, such as <c>auth0|123</c>.</param>
    /// <param name="audiences">APIs added before, at least one; the first is the default audience.</param>
    /// <param name="scopes">
    /// The scopes granted; an exchange may ask for fewer, never for more. They are taken as given, not checked against
    /// the APIs' scopes, since a user's consent may also hold scopes such as <c>openid</c> or <c>offline_access</c>.
    /// </param>
    /// <returns>The opaque refresh token.</returns>
    /// <exception cref="InvalidOperationException">The client or an API does not exist.</exception>
    /// <exception cref="ArgumentException">No audience was given, or a scope is empty or has whitespace.</exception>
    public string IssueRefreshToken(
        string clientId,
        string userId,
        IReadOnlyList<string> audiences,
        params string[] scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(audiences);
        var validScopes = TenantDirectory.ValidateScopes(scopes);
        if (audiences.Count == 0)
        {
            throw new ArgumentException("A refresh token needs at least one audience.", nameof(audiences));
        }

        if (_directory.FindClient(clientId) is null)
        {
            throw new InvalidOperationException($"The tenant has no client '{clientId}'. Add it first.");
        }

        foreach (var audience in audiences)
        {
            if (!_directory.HasApi(audience))
            {
                throw new InvalidOperationException($"The tenant has no API '{audience}'. Add it first.");
            }
        }

        return _refreshTokens.Issue(clientId, userId, audiences, validScopes);
    }

    /// <summary>
    /// Whether the family of a refresh token, the token and every token rotated from the same login, was revoked by
    /// reuse detection.
    /// </summary>
    /// <param name="refreshToken">Any refresh token of the family.</param>
    /// <returns><see langword="true"/> when no token of the family works any more.</returns>
    /// <exception cref="ArgumentException">The tenant never issued <paramref name="refreshToken"/>.</exception>
    public bool IsRefreshTokenFamilyRevoked(string refreshToken) => _refreshTokens.IsFamilyRevoked(refreshToken);

    /// <summary>
    /// Queues a fault for the next <paramref name="times"/> requests to <c>POST /oauth/token</c>, after any faults
    /// queued before; each request takes one fault, in the order the requests arrive. A faulted request still counts
    /// in <see cref="TokenRequestCount"/> and <see cref="GetTokenRequestCount"/>, and in
    /// <see cref="IssuedTokenCount"/> only when the fault let the grant issue a real token.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to; one or more.</param>
    public void InjectTokenEndpointFault(TokenEndpointFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _tokenEndpoint.Faults.Enqueue(fault, times);
    }

    /// <summary>Drops every fault still queued, so the following token requests are answered normally.</summary>
    public void ClearTokenEndpointFaults() => _tokenEndpoint.Faults.Clear();

    /// <summary>
    /// Makes the protected APIs turn away every access token issued before <paramref name="instant"/>, measured with
    /// the tenant's clock, as if they had been revoked: 401 with
    /// <c>WWW-Authenticate: Bearer error="invalid_token", error_description="..."</c>. An instant earlier than one
    /// given before changes nothing.
    /// </summary>
    /// <param name="instant">The first issue time still accepted.</param>
    public void RejectTokensIssuedBefore(DateTimeOffset instant) => _issuedAccessTokens.RejectIssuedBefore(instant);

    /// <summary>
    /// Makes the protected APIs turn away every access token issued so far, as <see cref="RejectTokensIssuedBefore"/>
    /// does, while tokens issued afterwards, even within the same second, are accepted.
    /// </summary>
    public void InvalidateIssuedTokens() => _issuedAccessTokens.RejectAllIssued();

    /// <summary>Stops the server and releases the signing key.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _application.StopAsync().ConfigureAwait(false);
        await _application.DisposeAsync().ConfigureAwait(false);
        _metadataClient.Dispose();
        _signingKey.Dispose();
    }

    /// <summary>Stops the server and releases the signing key, blocking until the server has stopped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static long ToLifetimeSeconds(TimeSpan lifetime, string parameterName)
    {
        var seconds = (long)lifetime.TotalSeconds;
        if (seconds < 1)
        {
            throw new ArgumentException("The token lifetime must be at least one second.", parameterName);
        }

        return seconds;
    }
}
