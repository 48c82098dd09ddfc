using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth0ClientGen;

/// <summary>
/// Obtains access tokens from Auth0 with the OAuth client credentials grant and keeps them in memory, one per
/// audience, scope set and organization, until shortly before they expire.
/// </summary>
/// <remarks>
/// <para>
/// A cached token is handed out until <see cref="RenewalMargin"/> before its <c>expires_in</c> runs out,
/// counted from when the token response arrived, by the clock of the <see cref="TimeProvider"/> given. A response without <c>expires_in</c> is assumed to live
/// <see cref="AssumedLifetime"/>. An <c>expires_in</c> of zero or less means the token has already expired: it
/// is handed to the callers waiting for it but not cached, so every call requests a new one. Failed requests are
/// never cached either: the next call asks again.
/// </para>
/// <para>
/// Token requests carry the client secret, so they must never follow a redirect to another address. The
/// provider's own HTTP client, and the one <c>AddAuth0ApiClient</c> registers, do not follow redirects; a
/// redirect answer fails with <see cref="TokenRequestException"/>. When a supplied <see cref="HttpClient"/> does
/// follow one, the provider notices that the answer came from another address and refuses it, but by then the
/// request has been sent there.
/// </para>
/// <para>
/// Callers that miss the cache at the same time for the same token share one token request. That request
/// is not cancelled when one caller gives up, since others may still wait for it; the token endpoint
/// <see cref="HttpClient"/>'s timeout bounds each attempt instead, and the retry settings bound the attempts.
/// </para>
/// <para>
/// A transient failure (no answer, 408, 429 or a 5xx) is retried up to
/// <see cref="Auth0CredentialSettings.TokenRequestRetries"/> times, after an exponential delay with jitter
/// starting at half a second, or after the endpoint's <c>Retry-After</c> when it sends one. A wait longer than
/// <see cref="Auth0CredentialSettings.MaxTokenRequestRetryDelay"/> is not made: the failure is thrown at once.
/// </para>
/// <para>
/// The cache is deliberately simple: it never evicts an audience and never renews ahead of demand, so the
/// first caller after the renewal point waits for a network round trip. Renewing in the background would
/// need a scheduled refresh per audience and a policy for failed refreshes.
/// </para>
/// </remarks>
public sealed class Auth0ClientCredentialsProvider : ICredentialsProvider
{
    /// <summary>
    /// How long before a token's expiry the provider stops handing it out and requests a new one, unless
    /// <see cref="Auth0CredentialSettings.RenewalMargin"/> says otherwise.
    /// </summary>
    public static readonly TimeSpan DefaultRenewalMargin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The lifetime assumed for a token whose response carried no <c>expires_in</c>. Auth0 always sends it, so
    /// this only guards against proxies and look-alike servers; it is kept short so an unknown expiry is
    /// never trusted for long.
    /// </summary>
    public static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many times a transiently failed token request is sent again, unless configured otherwise.</summary>
    public const int DefaultTokenRequestRetries = TokenRequestRetryPolicy.DefaultRetries;

    private const string AudienceParameter = "audience";
    private const string ScopeParameter = "scope";
    private const string OrganizationParameter = "organization";
    private const string GrantType = "client_credentials";

    private readonly Func<HttpClient> _getHttpClient;
    private readonly Uri _tokenEndpoint;
    private readonly string _tenantOrigin;
    private readonly string _clientId;
    private readonly string? _clientSecret;

    // The secret, and the Basic header values it travels in, both as written and URL-encoded first (RFC 6749).
    private readonly string?[]? _basicCredentialSpellings;
    private readonly Auth0ClientAuthentication _authentication;
    private readonly ClientAssertionSigner? _assertionSigner;
    private readonly string? _defaultAudience;
    private readonly string? _defaultOrganization;
    private readonly TokenRequestRetryPolicy _retryPolicy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Reads go to the concurrent dictionary without a lock, so the warm path never blocks; every write, and
    // the bookkeeping of requests in flight, happens under _gate.
    private readonly ConcurrentDictionary<TokenCacheKey, CachedAccessToken> _tokens = new();
    private readonly Dictionary<TokenCacheKey, Task<CachedAccessToken>> _requestsInFlight = new();
    private readonly HashSet<Task<CachedAccessToken>> _forcedRequests = [];
    private readonly Lock _gate = new();
    private long _requestsStarted;

    // The token cached last. A caller asking for it again (most calls: one client, one audience) finds it here by
    // comparing a few string references, without hashing a key. It is written only under _gate, together with
    // _tokens, so it never holds a token that the cache has replaced or dropped.
    private volatile CachedAccessToken? _lastHit;

    /// <summary>
    /// Creates a provider with its own HTTP client, which does not follow redirects. Create one per application
    /// and keep it for the application's lifetime, so its cache and connections are reused.
    /// </summary>
    /// <param name="options">The tenant and application; read once, here.</param>
    /// <param name="timeProvider">The clock used for token expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives diagnostics, never tokens or secrets.</param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or invalid; the message names the configuration key, such as <c>Auth0:ClientSecret</c>.
    /// </exception>
    public Auth0ClientCredentialsProvider(
        Auth0ClientCredentialsOptions options,
        TimeProvider? timeProvider = null,
        ILogger<Auth0ClientCredentialsProvider>? logger = null)
        : this(ReturnClient(new HttpClient(TokenEndpointHandler.Create())), options, timeProvider, logger)
    {
    }

    /// <summary>Creates a provider that sends its token requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">
    /// The client used for the token endpoint. Its timeout bounds each token request. It must not follow redirects
    /// (give it a handler with <c>AllowAutoRedirect</c> set to false): a followed redirect sends the client secret
    /// to the address the redirect names. The provider refuses an answer that came from another address, but
    /// cannot take back the request.
    /// </param>
    /// <param name="options">The tenant and application; read once, here.</param>
    /// <param name="timeProvider">The clock used for token expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives diagnostics, never tokens or secrets.</param>
    /// <exception cref="ArgumentException">
    /// A setting is missing or invalid; the message names the configuration key, such as <c>Auth0:ClientSecret</c>.
    /// </exception>
    public Auth0ClientCredentialsProvider(
        HttpClient httpClient,
        Auth0ClientCredentialsOptions options,
        TimeProvider? timeProvider = null,
        ILogger<Auth0ClientCredentialsProvider>? logger = null)
        : this(ReturnClient(httpClient), options, timeProvider, logger)
    {
    }

    /// <summary>
    /// Creates a provider that asks <paramref name="getHttpClient"/> for a client on every token request, so an
    /// <c>IHttpClientFactory</c> can rotate its handlers under a long-lived provider.
    /// </summary>
    internal Auth0ClientCredentialsProvider(
        Func<HttpClient> getHttpClient,
        Auth0ClientCredentialsOptions options,
        TimeProvider? timeProvider,
        ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Auth0Settings.FindCredentialProblems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Auth0Settings.TryGetTokenEndpoint(options.Domain!, out _tokenEndpoint, out _);
        _tenantOrigin = _tokenEndpoint.GetLeftPart(UriPartial.Authority);
        _getHttpClient = getHttpClient;
        _clientId = options.ClientId!;
        _authentication = Auth0Settings.GetClientAuthentication(options);
        if (_authentication == Auth0ClientAuthentication.PrivateKeyJwt)
        {
            // Validation has loaded this key once already, so it loads again.
            _assertionSigner = ClientAssertionSigner.TryCreate(
                options.ClientAssertionSigningKey!,
                options.ClientAssertionSigningAlgorithm,
                options.ClientAssertionKeyId,
                _clientId,
                _tenantOrigin,
                out _);
        }
        else
        {
            _clientSecret = options.ClientSecret!;
            _basicCredentialSpellings =
            [
                _clientSecret,
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}")),
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                    $"{Uri.EscapeDataString(_clientId)}:{Uri.EscapeDataString(_clientSecret)}")),
            ];
        }

        _defaultAudience = string.IsNullOrWhiteSpace(options.Audience) ? null : options.Audience;
        _defaultOrganization = string.IsNullOrWhiteSpace(options.Organization) ? null : options.Organization;
        RenewalMargin = Auth0Settings.GetRenewalMargin(options.RenewalMargin);
        _timeProvider = timeProvider ?? TimeProvider.System;

        // Any transient failure may be retried: a client credentials request changes nothing at the tenant.
        _retryPolicy = new TokenRequestRetryPolicy(
            options.TokenRequestRetries,
            options.MaxTokenRequestRetryDelay,
            _timeProvider,
            static failure => failure.IsTransient,
            GrantType);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The token endpoint derived from the configured domain.</summary>
    public Uri TokenEndpoint => _tokenEndpoint;

    /// <summary>
    /// How long before a token's expiry it stops being handed out: the configured margin, never negative, or
    /// <see cref="DefaultRenewalMargin"/>.
    /// </summary>
    public TimeSpan RenewalMargin { get; }

    /// <summary>
    /// The cache shared with the application's other instances, consulted on a miss of this provider's own cache
    /// and written after a fetch; null when the application has not switched it on.
    /// </summary>
    internal DistributedTokenCache? DistributedCache { get; set; }

    /// <summary>How many tokens the cache holds, one per audience, scope set and organization; for load tests.</summary>
    internal int CachedTokenCount => _tokens.Count;

    /// <summary>How many token requests are in flight; for load tests, which expect none once they are done.</summary>
    internal int RequestsInFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _requestsInFlight.Count + _forcedRequests.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="TokenRequestException">Auth0 refused the request or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">The request names no audience and none is configured.</exception>
    public ValueTask<string> GetAccessTokenAsync(
        AccessTokenRequest request,
        CancellationToken cancellationToken = default)
    {
        var audience = string.IsNullOrEmpty(request.Audience) ? _defaultAudience : request.Audience;
        var organization = string.IsNullOrWhiteSpace(request.Organization) ? _defaultOrganization : request.Organization;
        if (!request.ForceRenewal
            && _lastHit is { } last
            && string.Equals(last.Key.Audience, audience, StringComparison.Ordinal)
            && string.Equals(last.Key.Scope, request.Scope, StringComparison.Ordinal)
            && string.Equals(last.Key.Organization, organization, StringComparison.Ordinal)
            && last.IsFreshAt(_timeProvider.GetUtcNow()))
        {
            // The key stores scopes in canonical form, so a scope string written otherwise misses here and is
            // normalized below; generated clients pass their scopes canonical already.
            Telemetry.Record(Telemetry.CacheHits, Telemetry.AudienceTag, audience);
            return new ValueTask<string>(last.AccessToken);
        }

        if (audience is null)
        {
            return ValueTask.FromException<string>(new InvalidOperationException(
                $"No audience to request an access token for. Set {Auth0Settings.AudienceKey} (the default"
                + " audience), or declare [Auth0Api(Audience = \"...\")] on the API interface."));
        }

        // A struct key: the warm path looks the token up without allocating.
        var key = new TokenCacheKey(
            _tenantOrigin,
            _clientId,
            audience,
            ScopeSet.Normalize(request.Scope),
            organization);
        if (!request.ForceRenewal
            && _tokens.TryGetValue(key, out var cached)
            && cached.IsFreshAt(_timeProvider.GetUtcNow()))
        {
            Telemetry.Record(Telemetry.CacheHits, Telemetry.AudienceTag, audience);
            return new ValueTask<string>(cached.AccessToken);
        }

        return new ValueTask<string>(GetUncachedAsync(key, request.ForceRenewal, cancellationToken));
    }

    /// <summary>Describes the provider without revealing the client secret, the signing key or any token.</summary>
    public override string ToString()
        => $"{nameof(Auth0ClientCredentialsProvider)} {{ TokenEndpoint = {_tokenEndpoint}, ClientId = {_clientId},"
            + $" ClientAuthentication = {_authentication} }}";

    private static Func<HttpClient> ReturnClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private async Task<string> GetUncachedAsync(TokenCacheKey key, bool forceRenewal, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        Task<CachedAccessToken>? pending;
        TaskCompletionSource<CachedAccessToken>? started = null;
        var renewing = false;
        string? rejectedToken = null;
        long sequence = 0;
        lock (_gate)
        {
            // Another caller may have stored a fresh token since the lock-free check.
            var hasCached = _tokens.TryGetValue(key, out var cached);
            if (!forceRenewal && hasCached && cached!.IsFreshAt(_timeProvider.GetUtcNow()))
            {
                return cached.AccessToken;
            }

            renewing = hasCached;
            rejectedToken = forceRenewal ? cached?.AccessToken : null;

            // A forced renewal replaces a token the API rejected, so it never joins a request that was started
            // without force: that one may still return the rejected token. It does join another forced one.
            var joinable = _requestsInFlight.TryGetValue(key, out pending)
                && (!forceRenewal || _forcedRequests.Contains(pending));
            if (!joinable)
            {
                started = new(TaskCreationOptions.RunContinuationsAsynchronously);
                sequence = ++_requestsStarted;
                pending = started.Task;
                _requestsInFlight[key] = pending;
                if (forceRenewal)
                {
                    _forcedRequests.Add(pending);
                }
            }
        }

        Telemetry.Record(Telemetry.CacheMisses, Telemetry.AudienceTag, key.Audience);

        // The request is entered in the table before it starts, so it can remove itself when it ends even if
        // it completes synchronously.
        if (started is not null)
        {
            if (forceRenewal || renewing)
            {
                Telemetry.Record(
                    Telemetry.Renewals,
                    Telemetry.ReasonTag,
                    forceRenewal ? "rejected" : "expired",
                    Telemetry.GrantTypeTag,
                    GrantType);
            }

            _ = RequestAndPublishAsync(key, started, sequence, forceRenewal, rejectedToken);
        }

        var token = await pending!.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.AccessToken;
    }

    /// <param name="key">The token requested.</param>
    /// <param name="completion">Completed with the token, or the failure, for every caller waiting.</param>
    /// <param name="sequence">
    /// When the request started, relative to the others. A request that started earlier never replaces the token of
    /// one that started later: a forced renewal can overtake a slower request that may still return the rejected
    /// token, and that token must not come back into the cache when it finally arrives.
    /// </param>
    /// <param name="forceRenewal">Whether an API rejected the token.</param>
    /// <param name="rejectedToken">The token cached when a forced renewal started: the one the API rejected.</param>
    private async Task RequestAndPublishAsync(
        TokenCacheKey key,
        TaskCompletionSource<CachedAccessToken> completion,
        long sequence,
        bool forceRenewal,
        string? rejectedToken)
    {
        try
        {
            var token = DistributedCache is { } distributed
                ? await GetSharedTokenAsync(distributed, key, forceRenewal, rejectedToken).ConfigureAwait(false)
                : await RequestTokenAsync(key).ConfigureAwait(false);
            lock (_gate)
            {
                // A token that is already due for renewal serves the callers waiting now, and no one after them.
                var superseded = _tokens.TryGetValue(key, out var cached) && cached.Sequence > sequence;
                if (!superseded && token.IsFreshAt(_timeProvider.GetUtcNow()))
                {
                    var stored = token.WithSequence(sequence);
                    _tokens[key] = stored;
                    _lastHit = stored;
                }
                else if (!superseded)
                {
                    _tokens.TryRemove(key, out _);
                    _lastHit = null;
                }

                ForgetRequest(key, completion.Task);
            }

            completion.SetResult(token);
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                ForgetRequest(key, completion.Task);
            }

            completion.SetException(exception);

            // Every caller may have given up already; reading the exception marks it observed, so it does not
            // resurface later through TaskScheduler.UnobservedTaskException.
            _ = completion.Task.Exception;
        }
    }

    /// <summary>
    /// Takes the token from the distributed cache, or from the instance fetching it, or fetches it here and shares
    /// it. A token read from the cache is renewed at its expiry less this provider's own margin.
    /// </summary>
    private async Task<CachedAccessToken> GetSharedTokenAsync(
        DistributedTokenCache distributed,
        TokenCacheKey key,
        bool forceRenewal,
        string? rejectedToken)
    {
        CachedAccessToken? fetched = null;
        var shared = await distributed.GetOrFetchAsync(key, RenewalMargin, rejectedToken, forceRenewal, async () =>
        {
            fetched = await RequestTokenAsync(key).ConfigureAwait(false);
            return new DistributedAccessToken(fetched.AccessToken, fetched.ExpiresAt);
        }).ConfigureAwait(false);
        return fetched ?? new CachedAccessToken(key, shared.AccessToken, shared.ExpiresAt - RenewalMargin, shared.ExpiresAt);
    }

    /// <summary>Removes a finished request from the table, unless a forced renewal has replaced it there.</summary>
    private void ForgetRequest(TokenCacheKey key, Task<CachedAccessToken> request)
    {
        if (_requestsInFlight.TryGetValue(key, out var current) && current == request)
        {
            _requestsInFlight.Remove(key);
        }

        _forcedRequests.Remove(request);
    }

    /// <summary>
    /// Requests a token, retrying transient failures with bounded backoff. Runs once per cache miss, however many
    /// callers wait for it.
    /// </summary>
    private async Task<CachedAccessToken> RequestTokenAsync(TokenCacheKey key)
    {
        using var activity = Telemetry.ActivitySource.StartActivity(Telemetry.AcquireTokenActivityName);
        activity?.SetTag(Telemetry.AudienceTag, key.Audience);
        activity?.SetTag(Telemetry.GrantTypeTag, GrantType);
        try
        {
            return await _retryPolicy
                .RunAsync(() => RequestTokenOnceAsync(key), key.Audience, _logger, activity)
                .ConfigureAwait(false);
        }
        catch (TokenRequestException failure)
        {
            var failureName = TokenRequestRetryPolicy.DescribeFailure(failure);
            Telemetry.Record(Telemetry.Failures, Telemetry.GrantTypeTag, GrantType, Telemetry.ErrorTag, failureName);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failureName);
            throw;
        }
    }

    private async Task<CachedAccessToken> RequestTokenOnceAsync(TokenCacheKey key)
    {
        var audience = key.Audience;
        Log.RequestingAccessToken(_logger, audience, _tokenEndpoint);
        Telemetry.Record(Telemetry.TokenRequests, Telemetry.GrantTypeTag, GrantType, Telemetry.AudienceTag, audience);
        var request = new ClientCredentialsTokenRequest
        {
            Address = _tokenEndpoint.AbsoluteUri,
            ClientId = _clientId,
        };

        // What a failure's text is scrubbed of, should the endpoint echo it: the secret in every form it was
        // sent in, or this assertion.
        string?[] credentials;
        switch (_authentication)
        {
            case Auth0ClientAuthentication.PrivateKeyJwt:
                var assertion = _assertionSigner!.Create(_timeProvider.GetUtcNow());
                credentials = [assertion];
                request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
                request.ClientAssertion = new ClientAssertion
                {
                    Type = OidcConstants.ClientAssertionTypes.JwtBearer,
                    Value = assertion,
                };
                break;
            case Auth0ClientAuthentication.ClientSecretBasic:
                credentials = _basicCredentialSpellings!;
                request.ClientSecret = _clientSecret;
                request.ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader;
                request.AuthorizationHeaderStyle = BasicAuthenticationHeaderStyle.Rfc6749;
                break;
            default:
                credentials = [_clientSecret];
                request.ClientSecret = _clientSecret;
                request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
                break;
        }

        request.Parameters.Add(AudienceParameter, audience);
        if (key.Scope is not null)
        {
            request.Parameters.Add(ScopeParameter, key.Scope);
        }

        if (key.Organization is not null)
        {
            request.Parameters.Add(OrganizationParameter, key.Organization);
        }

        TokenResponse response;
        try
        {
            // Shared by every caller waiting for this token, so no single caller's token may cancel it.
            response = await _getHttpClient()
                .RequestClientCredentialsTokenAsync(request, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            Log.TokenEndpointUnreachable(_logger, _tokenEndpoint, audience, exception);
            throw TokenRequestErrors.TimedOut(_tokenEndpoint, exception);
        }

        var receivedAt = _timeProvider.GetUtcNow();
        using (response.HttpResponse)
        {
            // A client that follows redirects changes the request's address to where the answer came from.
            if (response.HttpResponse?.RequestMessage?.RequestUri is { } answeredFrom && answeredFrom != _tokenEndpoint)
            {
                Log.TokenRequestRedirected(_logger, _tokenEndpoint, audience);
                throw TokenRequestErrors.Redirected(
                    _tokenEndpoint, answeredFrom, response.HttpResponse.StatusCode, credentials);
            }

            // Duende reads every field through the JSON root, which throws unless the root is an object.
            if (response.Json is { ValueKind: not JsonValueKind.Object }
                || response.IsError
                || string.IsNullOrEmpty(response.AccessToken)
                || !TokenRequestErrors.IsUsableBearerToken(response))
            {
                var failure = TokenRequestErrors.FromResponse(
                    response, _tokenEndpoint, audience, _timeProvider.GetUtcNow(), credentials);
                if (failure.StatusCode is { } statusCode)
                {
                    Log.AccessTokenRequestFailed(_logger, audience, (int)statusCode, failure.Error ?? "none");
                }
                else
                {
                    Log.TokenEndpointUnreachable(_logger, _tokenEndpoint, audience, failure);
                }

                throw failure;
            }

            TimeSpan lifetime;
            if (TokenLifetime.ReadExpiresIn(response.Json!.Value) is not { } expiresIn)
            {
                lifetime = AssumedLifetime;
                Log.AccessTokenWithoutExpiry(_logger, audience, lifetime);
            }
            else if (expiresIn <= 0)
            {
                Log.AccessTokenAlreadyExpired(_logger, audience, expiresIn);
                return new CachedAccessToken(key, response.AccessToken, receivedAt, receivedAt);
            }
            else
            {
                lifetime = TimeSpan.FromSeconds(Math.Min(expiresIn, int.MaxValue));
            }

            var renewAt = receivedAt + (lifetime > RenewalMargin ? lifetime - RenewalMargin : TimeSpan.Zero);
            Log.AccessTokenReceived(_logger, audience, renewAt);
            return new CachedAccessToken(key, response.AccessToken, renewAt, receivedAt + lifetime);
        }
    }

    private sealed class CachedAccessToken(
        TokenCacheKey key,
        string accessToken,
        DateTimeOffset renewAt,
        DateTimeOffset expiresAt,
        long sequence = 0)
    {
        public TokenCacheKey Key { get; } = key;

        public string AccessToken { get; } = accessToken;

        /// <summary>When the request that fetched it started, relative to the provider's other requests.</summary>
        public long Sequence { get; } = sequence;

        /// <summary>When the token expires, by the token endpoint's <c>expires_in</c>; what the distributed cache stores.</summary>
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public CachedAccessToken WithSequence(long requestSequence)
            => new(Key, AccessToken, renewAt, ExpiresAt, requestSequence);

        public bool IsFreshAt(DateTimeOffset now) => now < renewAt;
    }
}
