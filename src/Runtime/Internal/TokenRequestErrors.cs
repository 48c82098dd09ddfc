using System;
using System.Linq;
using System.Net.Http;
using System.Net;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Turns a failed token request into a <see cref="TokenRequestException"/> whose message says what to do.
/// Nothing here reads the request, and text from the endpoint has the client secret removed, so neither the
/// secret nor a token can reach a message.
/// </summary>
internal static partial class TokenRequestErrors
{
    private const string SettingsAdvice =
        "Check Auth0:Domain, Auth0:ClientId, Auth0:ClientSecret and the audience.";

    /// <summary>Explains a token response that carries no usable access token.</summary>
    /// <param name="response">The token endpoint's answer.</param>
    /// <param name="endpoint">The token endpoint, named in the message.</param>
    /// <param name="audience">The audience the token was requested for.</param>
    /// <param name="now">The provider's clock when the answer arrived, to turn a Retry-After date into a delay.</param>
    /// <param name="secrets">
    /// Removed from the error text the endpoint sent, should the endpoint echo them: the client secret, and the
    /// refresh token for a refresh token grant.
    /// </param>
    public static TokenRequestException FromResponse(
        TokenResponse response,
        Uri endpoint,
        string audience,
        DateTimeOffset now,
        params ReadOnlySpan<string?> secrets)
    {
        if (response.HttpResponse is not { } httpResponse)
        {
            return Unreachable(endpoint, response.Exception);
        }

        // Everything the endpoint wrote that reaches a message (reason phrase, Location, token_type, error text)
        // has the secrets taken out first: a server may echo any of them.
        var statusCode = httpResponse.StatusCode;
        var status = MessageText.WithoutSecrets(
            $"{(int)statusCode} {httpResponse.ReasonPhrase ?? statusCode.ToString()}", secrets)!;
        if ((int)statusCode is >= 300 and < 400)
        {
            var location = httpResponse.Headers.Location is { } target
                ? " to " + MessageText.WithoutSecrets(
                    MessageText.Address(target.IsAbsoluteUri ? target : new Uri(endpoint, target)), secrets)
                : string.Empty;
            return new TokenRequestException(
                $"The Auth0 token endpoint {endpoint} answered {status}, redirecting{location}, so no access token"
                + $" was requested for audience '{audience}'. Token requests carry the client secret and are never"
                + $" sent on to another address. Set {Auth0Settings.DomainKey} to the address the tenant actually"
                + " serves its token endpoint at.",
                error: null,
                errorDescription: null,
                statusCode);
        }

        if (response.Json is { ValueKind: not JsonValueKind.Object } json)
        {
            return new TokenRequestException(
                $"The Auth0 token endpoint {endpoint} answered {status} with JSON that is not an object (a JSON"
                + $" {json.ValueKind.ToString().ToLowerInvariant()}), so no access token could be read for audience"
                + $" '{audience}'. {AdviceForStatus(statusCode)}",
                error: null,
                errorDescription: null,
                statusCode);
        }

        if (response.Json is null)
        {
            var mediaType = httpResponse.Content.Headers.ContentType?.MediaType ?? "no content type";
            var body = string.IsNullOrEmpty(response.Raw) ? "an empty body" : $"a body that is not JSON ({mediaType})";
            return new TokenRequestException(
                $"The Auth0 token endpoint {endpoint} answered {status} with {body}, so no access token could be"
                + $" read for audience '{audience}'. {AdviceForStatus(statusCode)}",
                error: null,
                errorDescription: null,
                statusCode,
                response.Exception);
        }

        var error = MessageText.WithoutSecrets(response.TryGet("error"), secrets);
        var description = MessageText.WithoutSecrets(response.TryGet("error_description"), secrets);
        if (error is null && httpResponse.IsSuccessStatusCode && HasAccessTokenField(response.Json!.Value))
        {
            // A success with an access token is refused for its shape or its type, never quoted: either could be
            // the token itself.
            var problem = !IsWellFormedAccessToken(response)
                ? "an access_token that cannot be sent as a bearer token (it must be a JSON string of visible ASCII"
                    + " characters without spaces, quotes, commas or backslashes)"
                : $"an access token of type '{MessageText.Quote(MessageText.WithoutSecrets(response.TokenType, secrets) ?? string.Empty, 40)}',"
                    + " while generated clients send only Bearer tokens";
            return new TokenRequestException(
                $"The Auth0 token endpoint {endpoint} answered {status} with {problem}, for audience '{audience}'."
                + $" Check that the API in Auth0 issues Bearer tokens and that {Auth0Settings.DomainKey} points at an"
                + " Auth0 tenant.",
                error: null,
                errorDescription: null,
                statusCode);
        }

        if (error is null && httpResponse.IsSuccessStatusCode)
        {
            return new TokenRequestException(
                $"The Auth0 token endpoint {endpoint} answered {status} without an access_token for audience"
                + $" '{audience}'. Check that {Auth0Settings.DomainKey} points at an Auth0 tenant.",
                error: null,
                errorDescription: null,
                statusCode);
        }

        var detail = (error, description) switch
        {
            (null, null) => string.Empty,
            (_, null) => $", {MessageText.Quote(error, 100)}",
            (null, _) => $": {MessageText.Quote(description, 300)}",
            _ => $", {MessageText.Quote(error, 100)}: {MessageText.Quote(description, 300)}",
        };
        var retryAfterDelay = httpResponse.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        var retryAfter = retryAfterDelay is { } delay
            ? $" Auth0 asks to retry after {Math.Max(0, delay.TotalSeconds):0} s."
            : string.Empty;
        var message = $"Auth0 refused the access token request for audience '{audience}' ({status}{detail})."
            + $" {AdviceForError(error, description, statusCode)}{retryAfter}";
        if (statusCode == HttpStatusCode.TooManyRequests)
        {
            var reset = HeaderNumber(httpResponse, "x-ratelimit-reset");
            return new TokenRateLimitException(
                message,
                error,
                description,
                retryAfterDelay,
                HeaderNumber(httpResponse, "x-ratelimit-limit"),
                HeaderNumber(httpResponse, "x-ratelimit-remaining"),
                reset is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
        }

        return new TokenRequestException(message, error, description, statusCode) { RetryAfterHint = retryAfterDelay };
    }

    private static long? HeaderNumber(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number
                : null;

    /// <summary>
    /// Whether a successful token response carries an access token that can be sent as
    /// <c>Authorization: Bearer</c>: a JSON string of visible ASCII without quotes, commas or backslashes, with a
    /// <c>token_type</c> of Bearer, in any case, or none. Anything
    /// else (a number, an object, text with spaces or line breaks, a proof-of-possession token) would be a silently
    /// wrong request, or a broken header on every call until it expired.
    /// </summary>
    public static bool IsUsableBearerToken(TokenResponse response)
        => IsWellFormedAccessToken(response)
            && (string.IsNullOrEmpty(response.TokenType)
                || string.Equals(response.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase));

    private static bool HasAccessTokenField(JsonElement json) => json.TryGetProperty("access_token", out _);

    private static bool IsWellFormedAccessToken(TokenResponse response)
    {
        if (response.Json is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("access_token", out var field)
            || field.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        return BearerAuthorization.IsWellFormed(field.GetString());
    }

    /// <summary>
    /// Explains a token request that the HTTP client sent on to another address after the token endpoint
    /// redirected it. The client secret has gone there with it, so the answer is not used.
    /// </summary>
    public static TokenRequestException Redirected(
        Uri endpoint,
        Uri finalAddress,
        HttpStatusCode statusCode,
        params ReadOnlySpan<string?> secrets)
        => new(
            $"The Auth0 token endpoint {endpoint} redirected the token request to"
            + $" {MessageText.WithoutSecrets(MessageText.Address(finalAddress), secrets)},"
            + " and the HttpClient followed the redirect, so its answer was refused. The HttpClient used for the"
            + " token endpoint must not follow redirects (set AllowAutoRedirect to false on its handler), since"
            + " following one re-sends the client secret to the new address; consider rotating the secret. Set"
            + $" {Auth0Settings.DomainKey} to the address the tenant actually serves its token endpoint at.",
            error: null,
            errorDescription: null,
            statusCode);

    /// <summary>Explains a token endpoint that could not be reached at all.</summary>
    public static TokenRequestException Unreachable(Uri endpoint, Exception? cause)
    {
        // HTTP client exceptions often say only "see the inner exception"; the innermost one names the cause.
        var innermost = cause;
        while (innermost?.InnerException is { } inner)
        {
            innermost = inner;
        }

        var reason = innermost is null ? string.Empty : $": {innermost.Message.Trim().TrimEnd('.')}";
        var plainHttpHint = endpoint.Scheme == Uri.UriSchemeHttps && Auth0Settings.IsLoopback(endpoint)
            ? $" A local tenant usually serves plain http: set {Auth0Settings.DomainKey} to"
                + $" http://{endpoint.Authority}."
            : string.Empty;
        return new TokenRequestException(
            $"The Auth0 token endpoint {endpoint} could not be reached{reason}. Check {Auth0Settings.DomainKey}"
            + $" and that this machine can open HTTPS connections to the tenant.{plainHttpHint}",
            error: null,
            errorDescription: null,
            statusCode: null,
            cause);
    }

    /// <summary>Explains a token request that outlived the HTTP client's timeout.</summary>
    public static TokenRequestException TimedOut(Uri endpoint, Exception cause)
        => new(
            $"The Auth0 token endpoint {endpoint} did not answer before the HTTP client's timeout. Check"
            + $" {Auth0Settings.DomainKey} and the network, or raise the timeout of the token endpoint's HttpClient.",
            error: null,
            errorDescription: null,
            statusCode: null,
            cause);

    private static string AdviceForError(string? error, string? description, HttpStatusCode statusCode)
    {
        if (statusCode == HttpStatusCode.TooManyRequests || error == "too_many_requests")
        {
            return AdviceForStatus(HttpStatusCode.TooManyRequests);
        }

        return error switch
        {
            // Auth0 answers 401 access_denied for a wrong client secret, and 403 access_denied when the
            // application is not authorized for the API or the audience is unknown.
            "access_denied" when statusCode == HttpStatusCode.Unauthorized =>
                $"Check {Auth0Settings.ClientIdKey} and {Auth0Settings.ClientSecretKey}: the tenant did not accept"
                + " the application's credentials.",
            // Auth0 refuses, rather than drops, a requested scope the application was not granted for the API.
            "access_denied" when description?.StartsWith("Client has not been granted scopes", StringComparison.Ordinal) == true =>
                "Grant the missing scopes to the application for this API in Auth0 (Applications > APIs > the API >"
                + " Machine to Machine Applications), or remove them from the method's or interface's [Scopes].",
            // A token on behalf of an organization needs the organization, the application's membership of it,
            // and a client grant for the API that allows organization access; Auth0 names the organization.
            "access_denied" when description?.Contains("organization", StringComparison.OrdinalIgnoreCase) == true =>
                "Check the organization ID (Auth0:Organization, or AccessTokenRequest.Organization): the organization"
                + " must exist, the application must be able to access it (Organizations > the organization >"
                + " Machine to Machine Access), and the application's grant for this API must allow organization"
                + " access (Applications > APIs > the API > Machine to Machine Applications).",
            // A 403 means the credentials were accepted: the grant for this API is what is missing.
            "access_denied" =>
                "Authorize the application for this API in Auth0 (Applications > APIs > the API > Machine to"
                + " Machine Applications), and check that the audience is the API's identifier.",
            "invalid_client" =>
                $"Check {Auth0Settings.ClientIdKey} and {Auth0Settings.ClientSecretKey}: the tenant did not accept"
                + " the application's credentials.",
            "unauthorized_client" =>
                "Allow the Client Credentials grant for the application in Auth0 (Applications > the application"
                + " > Advanced Settings > Grant Types) and authorize it for this API.",
            "invalid_request" =>
                $"Check {Auth0Settings.ClientIdKey} and that the audience ({Auth0Settings.AudienceKey} or the"
                + " interface's declared Audience) is the identifier of an API in this tenant.",
            _ => AdviceForStatus(statusCode),
        };
    }

    private static string AdviceForStatus(HttpStatusCode statusCode) => statusCode switch
    {
        HttpStatusCode.TooManyRequests =>
            "Auth0 is rate-limiting token requests for this application. Tokens are cached per audience and"
            + " scopes, so this usually means many processes share the application; retry after a delay.",
        >= HttpStatusCode.InternalServerError =>
            $"The tenant or a proxy in front of it failed; retry later, and check {Auth0Settings.DomainKey} if it"
            + " persists.",
        HttpStatusCode.NotFound =>
            $"Check that {Auth0Settings.DomainKey} is the tenant's domain: the address has no token endpoint.",
        _ when (int)statusCode is >= 200 and < 300 =>
            $"Check that {Auth0Settings.DomainKey} points at the Auth0 tenant and that no proxy rewrites the answer.",
        _ => SettingsAdvice,
    };
}
