using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth0ClientGen;

/// <summary>
/// Supplies a logged-in user's access tokens: it hands out the ones kept in an <see cref="ICredentialsStore"/>
/// while they are fresh, and exchanges the stored refresh token for new ones (the OAuth refresh token grant) when
/// they are not. It plays the part of the credentials manager of Auth0's mobile SDKs.
/// </summary>
/// <remarks>
/// <para>
/// Access tokens are kept per audience and set of scopes; the refresh token once. A stored access token is handed
/// out until <see cref="RenewalMargin"/> before it expires. When Auth0 rotates the refresh token, the new one is
/// saved to the store before the access token that came with it is handed out, so a crash in between cannot
/// leave the store holding a refresh token Auth0 has already replaced. When the answer carries no refresh token,
/// the stored one is kept.
/// </para>
/// <para>
/// Renewals run one at a time, whatever their audience, and each reads the refresh token from the store afresh:
/// with rotation, presenting a refresh token twice makes Auth0 revoke it and every token issued from it. Callers
/// that need the same audience and scopes at the same time share one request. That request is not cancelled when
/// one caller gives up, since others may still wait for it; the token endpoint <see cref="HttpClient"/>'s timeout
/// bounds it instead. The cost of serializing is latency: callers for a second audience wait for the renewal of
/// the first. Running them in parallel would need one refresh token per audience, which Auth0 does not issue.
/// </para>
/// <para>
/// When Auth0 refuses the refresh token with <c>invalid_grant</c> (expired, revoked, or reused), the provider
/// removes it from the store, keeps the access tokens (an API accepts them until they expire), and throws
/// <see cref="CredentialsRequiredException"/>: only a new login helps, and keeping the dead refresh token would send
/// it to Auth0 again on every call.
/// </para>
/// <para>
/// Token requests carry the refresh token and any client secret, so they must never follow a redirect. The
/// provider's own HTTP client does not; when a supplied one does, the provider refuses the answer, as
/// <see cref="Auth0ClientCredentialsProvider"/> does.
/// </para>
/// </remarks>
public sealed class Auth0RefreshTokenProvider : ICredentialsProvider
{
    /// <summary>The renewal margin used when <see cref="Auth0RefreshTokenOptions.RenewalMargin"/> is not set.</summary>
    public static readonly TimeSpan DefaultRenewalMargin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The lifetime assumed for an access token whose response carried no <c>expires_in</c>. Auth0 always sends
    /// it; this only guards against proxies and look-alike servers.
    /// </summary>
    public static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(5);

    private const string GrantType = "refresh_token";
    private const string AudienceParameter = "audience";

    private readonly HttpClient _httpClient;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string? _clientSecret;
    private readonly string? _defaultAudience;
    private readonly ICredentialsStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TokenRequestRetryPolicy _retryPolicy;

    // One renewal at a time, for every audience: each must read the refresh token the previous one saved.
    private readonly SemaphoreSlim _renewalGate = new(1, 1);
    private readonly Dictionary<RenewalKey, Task<Auth0Credentials>> _renewalsInFlight = new();
    private readonly Lock _inFlightGate = new();

    /// <summary>
    /// Creates a provider with its own HTTP client, which does not follow redirects. Create one per store and keep
    /// it as long as the store.
    /// </summary>
    /// <param name="options">The tenant and application; read once, here.</param>
    /// <param name="store">Where the user's refresh token and access tokens are kept.</param>
    /// <param name="timeProvider">The clock used for token expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives diagnostics, never tokens or secrets.</param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or invalid; the message names the configuration key, such as <c>Auth0:Domain</c>.
    /// </exception>
    public Auth0RefreshTokenProvider(
        Auth0RefreshTokenOptions options,
        ICredentialsStore store,
        TimeProvider? timeProvider = null,
        ILogger<Auth0RefreshTokenProvider>? logger = null)
        : this(new HttpClient(TokenEndpointHandler.Create()), options, store, timeProvider, logger)
    {
    }

    /// <summary>Creates a provider that sends its token requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">
    /// The client used for the token endpoint. Its timeout bounds each token request. It must not follow redirects
    /// (give it a handler with <c>AllowAutoRedirect</c> set to false): a followed redirect sends the refresh token
    /// to the address the redirect names.
    /// </param>
    /// <param name="options">The tenant and application; read once, here.</param>
    /// <param name="store">Where the user's refresh token and access tokens are kept.</param>
    /// <param name="timeProvider">The clock used for token expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives diagnostics, never tokens or secrets.</param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or invalid; the message names the configuration key, such as <c>Auth0:Domain</c>.
    /// </exception>
    public Auth0RefreshTokenProvider(
        HttpClient httpClient,
        Auth0RefreshTokenOptions options,
        ICredentialsStore store,
        TimeProvider? timeProvider = null,
        ILogger<Auth0RefreshTokenProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var problems = Auth0Settings.FindApplicationProblems(options.Domain, options.ClientId);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Auth0Settings.TryGetTokenEndpoint(options.Domain!, out _tokenEndpoint, out _);
        _httpClient = httpClient;
        _clientId = options.ClientId!;
        _clientSecret = string.IsNullOrWhiteSpace(options.ClientSecret) ? null : options.ClientSecret;
        _defaultAudience = string.IsNullOrWhiteSpace(options.Audience) ? null : options.Audience;
        RenewalMargin = Auth0Settings.GetRenewalMargin(options.RenewalMargin);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // Only answers that say the request was not processed are retried. Under rotation, a refresh token
        // Auth0 did process (a 500 or a timeout after the work was done) is spent; sending it again would be
        // reuse, and Auth0 would revoke the user's whole token family.
        _retryPolicy = new TokenRequestRetryPolicy(
            options.TokenRequestRetries,
            options.MaxTokenRequestRetryDelay,
            _timeProvider,
            static failure => failure.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable,
            GrantType);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The token endpoint derived from the configured domain.</summary>
    public Uri TokenEndpoint => _tokenEndpoint;

    /// <summary>How long before an access token's expiry <see cref="GetAccessTokenAsync"/> renews it.</summary>
    public TimeSpan RenewalMargin { get; }

    /// <inheritdoc />
    /// <exception cref="CredentialsRequiredException">
    /// No refresh token is stored, or Auth0 refused it: the user must log in again.
    /// </exception>
    /// <exception cref="TokenRequestException">Auth0 refused the request or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">The request names no audience and none is configured.</exception>
    public ValueTask<string> GetAccessTokenAsync(
        AccessTokenRequest request,
        CancellationToken cancellationToken = default)
    {
        if (!TryCreateKey(request.Audience, request.Scope, out var key))
        {
            return ValueTask.FromException<string>(NoAudience());
        }

        if (request.ForceRenewal)
        {
            return new ValueTask<string>(RenewAccessTokenAsync(key, forceRenewal: true, cancellationToken));
        }

        // Not an async method: the warm path, a store that answers at once with a fresh token, allocates nothing.
        var reading = _store.GetAsync(cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return new ValueTask<string>(GetAccessTokenAfterReadingAsync(reading, key, cancellationToken));
        }

        return FindFresh(reading.Result, key, RenewalMargin) is { } fresh
            ? new ValueTask<string>(Hit(fresh, key).AccessToken)
            : new ValueTask<string>(RenewAccessTokenAsync(key, forceRenewal: false, cancellationToken));
    }

    /// <summary>
    /// Whether credentials are stored that can produce an access token: a refresh token, or an access token for
    /// any audience that lives more than <paramref name="minTtl"/>.
    /// </summary>
    /// <param name="minTtl">
    /// How long a stored access token must still live to count, when no refresh token is stored.
    /// </param>
    /// <param name="cancellationToken">Cancels reading the store.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minTtl"/> is negative.</exception>
    public async ValueTask<bool> HasValidCredentialsAsync(
        TimeSpan minTtl = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minTtl, TimeSpan.Zero);
        var stored = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(stored.RefreshToken))
        {
            return true;
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var accessToken in stored.AccessTokens)
        {
            if (accessToken.LivesLongerThan(minTtl, now))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the credentials for an audience and set of scopes: the stored ones when their access token lives
    /// more than <paramref name="minTtl"/>, otherwise renewed ones.
    /// </summary>
    /// <param name="minTtl">How long the access token must still live; zero accepts any unexpired token.</param>
    /// <param name="scope">The scopes, space-separated in any order, or null for the default ones.</param>
    /// <param name="audience">The API identifier, or null for the configured default audience.</param>
    /// <param name="cancellationToken">Cancels this caller's wait; a shared renewal goes on for other callers.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minTtl"/> is negative.</exception>
    /// <exception cref="CredentialsRequiredException">
    /// No refresh token is stored, or Auth0 refused it: the user must log in again.
    /// </exception>
    /// <exception cref="TokenRequestException">Auth0 refused the request or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">
    /// No audience is named or configured, or even a renewed access token does not live more than
    /// <paramref name="minTtl"/> (the renewed credentials are stored all the same).
    /// </exception>
    public async Task<Auth0Credentials> GetCredentialsAsync(
        TimeSpan minTtl = default,
        string? scope = null,
        string? audience = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minTtl, TimeSpan.Zero);
        var key = CreateKey(audience, scope);
        var stored = await _store.GetAsync(cancellationToken).ConfigureAwait(false);
        if (FindFresh(stored, key, minTtl) is { } fresh)
        {
            return ToCredentials(Hit(fresh, key), stored!);
        }

        var renewed = await RenewSharedAsync(key, minTtl, forceRenewal: false, cancellationToken).ConfigureAwait(false);
        var lifetime = renewed.ExpiresAt - _timeProvider.GetUtcNow();
        if (lifetime <= minTtl)
        {
            throw new InvalidOperationException(
                $"The renewed access token for audience '{key.Audience}' lives {lifetime.TotalSeconds:0} s, not more"
                + $" than the {minTtl.TotalSeconds:0} s asked for. Ask for a shorter minTtl, or raise the API's token"
                + " lifetime in Auth0 (APIs > the API > Settings).");
        }

        return renewed;
    }

    /// <summary>
    /// Exchanges the refresh token for new credentials for an audience and set of scopes, whatever is stored, and
    /// stores them.
    /// </summary>
    /// <param name="scope">The scopes, space-separated in any order, or null for the default ones.</param>
    /// <param name="audience">The API identifier, or null for the configured default audience.</param>
    /// <param name="cancellationToken">Cancels this caller's wait; a shared renewal goes on for other callers.</param>
    /// <exception cref="CredentialsRequiredException">
    /// No refresh token is stored, or Auth0 refused it: the user must log in again.
    /// </exception>
    /// <exception cref="TokenRequestException">Auth0 refused the request or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">No audience is named or configured.</exception>
    public Task<Auth0Credentials> RenewAsync(
        string? scope = null,
        string? audience = null,
        CancellationToken cancellationToken = default)
        => RenewSharedAsync(CreateKey(audience, scope), TimeSpan.Zero, forceRenewal: true, cancellationToken);

    /// <summary>
    /// Stores credentials from a login: the refresh token and ID token, when set, and the access token under its
    /// audience and scope. It waits for a renewal in flight, so that renewal cannot overwrite them.
    /// </summary>
    /// <param name="credentials">The credentials the login returned.</param>
    /// <param name="cancellationToken">Cancels the wait and the write.</param>
    public async ValueTask StoreAsync(Auth0Credentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await _renewalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _store.GetAsync(cancellationToken).ConfigureAwait(false) ?? new StoredCredentials();
            var accessToken = new StoredAccessToken(
                credentials.Audience, credentials.Scope, credentials.AccessToken, credentials.ExpiresAt);
            var updated = stored.WithAccessToken(accessToken) with
            {
                RefreshToken = credentials.RefreshToken ?? stored.RefreshToken,
                IdToken = credentials.IdToken ?? stored.IdToken,
            };
            await _store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
            Log.CredentialsStored(_logger, credentials.Audience, credentials.ExpiresAt);
        }
        finally
        {
            _renewalGate.Release();
        }
    }

    /// <summary>
    /// Removes every stored credential, as when the user logs out. It waits for a renewal in flight, so that
    /// renewal cannot store credentials again afterwards. Revoking the refresh token at Auth0 is a separate call.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait and the removal.</param>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        await _renewalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _store.ClearAsync(cancellationToken).ConfigureAwait(false);
            Log.CredentialsCleared(_logger);
        }
        finally
        {
            _renewalGate.Release();
        }
    }

    /// <summary>Describes the provider without revealing the client secret or any token.</summary>
    public override string ToString()
        => $"{nameof(Auth0RefreshTokenProvider)} {{ TokenEndpoint = {_tokenEndpoint}, ClientId = {_clientId} }}";

    private TokenKey CreateKey(string? audience, string? scope)
        => TryCreateKey(audience, scope, out var key) ? key : throw NoAudience();

    private bool TryCreateKey(string? audience, string? scope, out TokenKey key)
    {
        var resolved = string.IsNullOrEmpty(audience) ? _defaultAudience : audience;
        key = resolved is null ? default : new TokenKey(resolved, ScopeSet.Normalize(scope));
        return resolved is not null;
    }

    private static InvalidOperationException NoAudience()
        => new(
            $"No audience to request an access token for. Set {Auth0Settings.AudienceKey} (the default"
            + " audience), or declare [Auth0Api(Audience = \"...\")] on the API interface.");

    private static StoredAccessToken Hit(StoredAccessToken accessToken, TokenKey key)
    {
        Telemetry.Record(Telemetry.CacheHits, Telemetry.GrantTypeTag, GrantType, Telemetry.AudienceTag, key.Audience);
        return accessToken;
    }

    private async Task<string> GetAccessTokenAfterReadingAsync(
        ValueTask<StoredCredentials?> reading,
        TokenKey key,
        CancellationToken cancellationToken)
    {
        var stored = await reading.ConfigureAwait(false);
        return FindFresh(stored, key, RenewalMargin) is { } fresh
            ? Hit(fresh, key).AccessToken
            : await RenewAccessTokenAsync(key, forceRenewal: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RenewAccessTokenAsync(
        TokenKey key,
        bool forceRenewal,
        CancellationToken cancellationToken)
    {
        var renewed = await RenewSharedAsync(key, RenewalMargin, forceRenewal, cancellationToken).ConfigureAwait(false);
        return renewed.AccessToken;
    }

    private StoredAccessToken? FindFresh(StoredCredentials? stored, TokenKey key, TimeSpan minimumLifetime)
        => stored?.FindAccessToken(key.Audience, key.Scope) is { } accessToken
            && accessToken.LivesLongerThan(minimumLifetime, _timeProvider.GetUtcNow())
                ? accessToken
                : null;

    private static Auth0Credentials ToCredentials(StoredAccessToken accessToken, StoredCredentials stored)
        => new()
        {
            AccessToken = accessToken.AccessToken,
            ExpiresAt = accessToken.ExpiresAt,
            Audience = accessToken.Audience,
            Scope = accessToken.GrantedScope ?? accessToken.Scope,
            RefreshToken = stored.RefreshToken,
            IdToken = stored.IdToken,
        };

    /// <summary>Joins the renewal in flight for the same key, or starts one.</summary>
    private async Task<Auth0Credentials> RenewSharedAsync(
        TokenKey key,
        TimeSpan minimumLifetime,
        bool forceRenewal,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Telemetry.Record(Telemetry.CacheMisses, Telemetry.GrantTypeTag, GrantType, Telemetry.AudienceTag, key.Audience);

        // A forced renewal replaces a token an API rejected, so it never joins an unforced one, which may still
        // answer with that token from the store. How long the token must live only matters when not forced.
        var renewalKey = new RenewalKey(key, forceRenewal ? TimeSpan.Zero : minimumLifetime, forceRenewal);
        Task<Auth0Credentials>? pending;
        TaskCompletionSource<Auth0Credentials>? started = null;
        lock (_inFlightGate)
        {
            if (!_renewalsInFlight.TryGetValue(renewalKey, out pending))
            {
                started = new(TaskCreationOptions.RunContinuationsAsynchronously);
                pending = started.Task;
                _renewalsInFlight[renewalKey] = pending;
            }
        }

        // Entered in the table before it starts, so it can remove itself even if it completes synchronously.
        if (started is not null)
        {
            _ = RenewAndPublishAsync(renewalKey, started);
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RenewAndPublishAsync(RenewalKey renewalKey, TaskCompletionSource<Auth0Credentials> completion)
    {
        try
        {
            Auth0Credentials credentials;

            // Shared by every caller waiting for this key, so no single caller's token may cancel it.
            await _renewalGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                credentials = await RenewUnderGateAsync(renewalKey).ConfigureAwait(false);
            }
            finally
            {
                _renewalGate.Release();
            }

            ForgetRenewal(renewalKey);
            completion.SetResult(credentials);
        }
        catch (Exception exception)
        {
            ForgetRenewal(renewalKey);
            completion.SetException(exception);

            // Every caller may have given up already; reading the exception marks it observed, so it does not
            // resurface later through TaskScheduler.UnobservedTaskException.
            _ = completion.Task.Exception;
        }
    }

    private void ForgetRenewal(RenewalKey renewalKey)
    {
        lock (_inFlightGate)
        {
            _renewalsInFlight.Remove(renewalKey);
        }
    }

    private async Task<Auth0Credentials> RenewUnderGateAsync(RenewalKey renewalKey)
    {
        var key = renewalKey.Token;
        var stored = await _store.GetAsync(CancellationToken.None).ConfigureAwait(false);

        // The renewal ahead of this one in the queue may have stored what this one was going to ask for.
        if (!renewalKey.Forced && FindFresh(stored, key, renewalKey.MinimumLifetime) is { } fresh)
        {
            return ToCredentials(fresh, stored!);
        }

        if (stored?.RefreshToken is not { Length: > 0 } refreshToken)
        {
            Log.NoRefreshTokenStored(_logger, key.Audience);
            Telemetry.Record(
                Telemetry.Failures, Telemetry.GrantTypeTag, GrantType, Telemetry.ErrorTag, "no_refresh_token");
            throw TokenRequestErrors.NoRefreshToken(key.Audience);
        }

        var hadAccessToken = stored.FindAccessToken(key.Audience, key.Scope) is not null;
        RefreshedTokens refreshed;
        try
        {
            refreshed = await RequestAsync(key, refreshToken).ConfigureAwait(false);
        }
        catch (CredentialsRequiredException exception)
        {
            Log.RefreshTokenRejected(_logger, key.Audience, exception.Error);
            await ForgetRefreshTokenAsync(refreshToken).ConfigureAwait(false);
            throw;
        }

        // Saved before any caller sees the access token: a rotated refresh token replaces the one just spent.
        var updated = stored.WithAccessToken(refreshed.AccessToken) with
        {
            RefreshToken = refreshed.RefreshToken ?? refreshToken,
            IdToken = refreshed.IdToken ?? stored.IdToken,
        };
        await _store.SaveAsync(updated, CancellationToken.None).ConfigureAwait(false);
        Log.RefreshedAccessTokenReceived(
            _logger, key.Audience, refreshed.AccessToken.ExpiresAt, rotated: refreshed.RefreshToken is not null);
        if (hadAccessToken)
        {
            Telemetry.Record(
                Telemetry.Renewals, Telemetry.GrantTypeTag, GrantType, Telemetry.ReasonTag,
                renewalKey.Forced ? "rejected" : "expired");
        }

        return ToCredentials(refreshed.AccessToken, updated);
    }

    /// <summary>Removes a refresh token Auth0 refused, unless a new login has replaced it meanwhile.</summary>
    private async Task ForgetRefreshTokenAsync(string refusedRefreshToken)
    {
        var stored = await _store.GetAsync(CancellationToken.None).ConfigureAwait(false);
        if (stored is not null && string.Equals(stored.RefreshToken, refusedRefreshToken, StringComparison.Ordinal))
        {
            await _store.SaveAsync(stored with { RefreshToken = null }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RefreshedTokens> RequestAsync(TokenKey key, string refreshToken)
    {
        var audience = key.Audience;
        using var activity = Telemetry.ActivitySource.StartActivity(Telemetry.AcquireTokenActivityName);
        activity?.SetTag(Telemetry.GrantTypeTag, GrantType);
        activity?.SetTag(Telemetry.AudienceTag, audience);
        Log.RefreshingAccessToken(_logger, audience, key.Scope, _tokenEndpoint);
        Telemetry.Record(Telemetry.TokenRequests, Telemetry.GrantTypeTag, GrantType, Telemetry.AudienceTag, audience);
        try
        {
            return await _retryPolicy
                .RunAsync(() => SendAsync(key, refreshToken), audience, _logger, activity)
                .ConfigureAwait(false);
        }
        catch (TokenRequestException exception)
        {
            var errorType = exception.Error ?? (exception.StatusCode is null ? "unreachable" : "invalid_response");
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            Telemetry.Record(Telemetry.Failures, Telemetry.GrantTypeTag, GrantType, Telemetry.ErrorTag, errorType);
            throw;
        }
    }

    private async Task<RefreshedTokens> SendAsync(TokenKey key, string refreshToken)
    {
        var audience = key.Audience;
        var request = new RefreshTokenRequest
        {
            Address = _tokenEndpoint.AbsoluteUri,
            ClientId = _clientId,
            ClientSecret = _clientSecret,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            RefreshToken = refreshToken,
            Scope = key.Scope,
        };
        request.Parameters.Add(AudienceParameter, audience);

        TokenResponse response;
        try
        {
            response = await _httpClient
                .RequestRefreshTokenAsync(request, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            Log.RefreshEndpointUnreachable(_logger, _tokenEndpoint, audience, exception);
            throw TokenRequestErrors.TimedOut(_tokenEndpoint, exception);
        }

        var receivedAt = _timeProvider.GetUtcNow();
        using (response.HttpResponse)
        {
            // A client that follows redirects changes the request's address to where the answer came from.
            if (response.HttpResponse?.RequestMessage?.RequestUri is { } answeredFrom && answeredFrom != _tokenEndpoint)
            {
                Log.RefreshRequestRedirected(_logger, _tokenEndpoint, audience);
                throw TokenRequestErrors.Redirected(
                    _tokenEndpoint, answeredFrom, response.HttpResponse.StatusCode, _clientSecret, refreshToken);
            }

            // Duende reads every field through the JSON root, which throws unless the root is an object.
            if (response.Json is { ValueKind: not JsonValueKind.Object }
                || response.IsError
                || string.IsNullOrEmpty(response.AccessToken)
                || !TokenRequestErrors.IsUsableBearerToken(response))
            {
                var failure = TokenRequestErrors.FromRefreshResponse(
                    response, _tokenEndpoint, audience, _timeProvider.GetUtcNow(), _clientSecret, refreshToken);
                // A refused refresh token is logged by the caller, which also removes it from the store.
                if (failure is not CredentialsRequiredException)
                {
                    LogFailure(failure, audience);
                }

                throw failure;
            }

            TimeSpan lifetime;
            if (TokenLifetime.ReadExpiresIn(response.Json!.Value) is not { } expiresIn)
            {
                lifetime = AssumedLifetime;
                Log.RefreshedAccessTokenWithoutExpiry(_logger, audience, lifetime);
            }
            else
            {
                // Zero or less means already expired: stored as such, it serves the callers waiting now only.
                lifetime = TimeSpan.FromSeconds(Math.Clamp(expiresIn, 0, int.MaxValue));
            }

            var accessToken = new StoredAccessToken(audience, key.Scope, response.AccessToken, receivedAt + lifetime)
            {
                GrantedScope = string.IsNullOrWhiteSpace(response.Scope) ? null : response.Scope,
            };
            return new RefreshedTokens(
                accessToken,
                string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken,
                string.IsNullOrEmpty(response.IdentityToken) ? null : response.IdentityToken);
        }
    }

    private void LogFailure(TokenRequestException failure, string audience)
    {
        if (failure.StatusCode is { } statusCode)
        {
            Log.RefreshRequestFailed(_logger, audience, (int)statusCode, failure.Error ?? "none");
        }
        else
        {
            Log.RefreshEndpointUnreachable(_logger, _tokenEndpoint, audience, failure);
        }
    }

    /// <summary>What an access token is kept under: its audience and the sorted scopes requested with it.</summary>
    private readonly record struct TokenKey(string Audience, string? Scope);

    /// <summary>
    /// What callers share a renewal by: the token, how long it must live, and whether a stored one may answer.
    /// </summary>
    private readonly record struct RenewalKey(TokenKey Token, TimeSpan MinimumLifetime, bool Forced);

    /// <summary>What a refresh token grant returned; the tokens it did not return are null.</summary>
    private sealed record RefreshedTokens(StoredAccessToken AccessToken, string? RefreshToken, string? IdToken)
    {
        // Keeps the tokens out of anything that prints the record.
        public override string ToString() => nameof(RefreshedTokens);
    }
}
