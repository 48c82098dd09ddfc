using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Checks Auth0 settings and turns the domain into the token endpoint. Messages name the configuration key
/// that is wrong and never repeat a value, since a misplaced secret would otherwise end up in a log.
/// </summary>
internal static class Auth0Settings
{
    public const string SectionName = "Auth0";
    public const string DomainKey = "Auth0:Domain";
    public const string ClientIdKey = "Auth0:ClientId";
    public const string ClientSecretKey = "Auth0:ClientSecret";
    public const string AudienceKey = "Auth0:Audience";
    public const string BaseUrlKey = "Auth0:BaseUrl";
    public const string ClientAssertionSigningKeyKey = "Auth0:ClientAssertionSigningKey";
    public const string ClientAssertionSigningAlgorithmKey = "Auth0:ClientAssertionSigningAlgorithm";

    /// <summary>The most retries a token request may be given; more would hold waiting calls for minutes.</summary>
    public const int MaxTokenRequestRetries = 10;
    public const string AllowedHostsKey = "Auth0:AllowedHosts";

    /// <summary>The configuration section of named credentials, followed by their name.</summary>
    public const string NamedCredentialsSection = "Auth0:Credentials";

    /// <summary>Added to a missing setting's message when the options could not have come from configuration.</summary>
    public const string NoConfigurationNote =
        "No IConfiguration is registered, so the Auth0 configuration section was not read: register one (as"
        + " hosted applications do), or set the options in code with the configure delegate of AddAuth0ApiClient.";

    private const string TokenPath = "oauth/token";

    /// <summary>
    /// Lists what is wrong with credential settings bound from <paramref name="section"/> (<c>Auth0</c>, or named
    /// credentials such as <c>Auth0:Credentials:billing</c>), naming each key under it; empty when they are usable.
    /// </summary>
    public static List<string> FindCredentialProblems(Auth0CredentialSettings options, string section = SectionName)
    {
        var problems = FindApplicationProblems(options.Domain, options.ClientId, section);

        var signingKeyKey = section + ":ClientAssertionSigningKey";
        var authentication = GetClientAuthentication(options);
        if (authentication == Auth0ClientAuthentication.PrivateKeyJwt)
        {
            if (string.IsNullOrWhiteSpace(options.ClientAssertionSigningKey))
            {
                problems.Add(Missing(
                    signingKeyKey,
                    "the PEM private key whose public key is registered with the application, since"
                    + " private_key_jwt authentication is chosen"));
            }
            else
            {
                // Loaded once here, and again by the provider, so a bad key fails validation, not a token request.
                using var signer = ClientAssertionSigner.TryCreate(
                    options.ClientAssertionSigningKey,
                    options.ClientAssertionSigningAlgorithm,
                    options.ClientAssertionKeyId,
                    options.ClientId ?? string.Empty,
                    "https://validation.invalid",
                    out var keyProblem);
                if (signer is null)
                {
                    problems.Add(keyProblem.Replace(SectionName + ":", section + ":", StringComparison.Ordinal));
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add(Missing(
                section + ":ClientSecret",
                "the client secret of the Machine to Machine application, or set"
                + $" {signingKeyKey} to authenticate with a private key instead"));
        }

        if (!Enum.IsDefined(authentication))
        {
            problems.Add(
                $"{section}:ClientAuthentication must be ClientSecretPost, ClientSecretBasic or PrivateKeyJwt.");
        }

        if (options.TokenRequestRetries is < 0 or > MaxTokenRequestRetries)
        {
            problems.Add($"{section}:TokenRequestRetries must be between 0 and {MaxTokenRequestRetries}.");
        }

        return problems;
    }

    /// <summary>
    /// Lists what is wrong with the tenant and application settings that every grant needs: the domain and the
    /// client ID. Public applications, such as native apps using refresh tokens, need nothing more.
    /// </summary>
    public static List<string> FindApplicationProblems(string? domain, string? clientId, string section = SectionName)
    {
        var problems = new List<string>();
        var domainKey = section + ":Domain";
        if (string.IsNullOrWhiteSpace(domain))
        {
            problems.Add(Missing(domainKey, "the Auth0 tenant domain, such as tenant.us.auth0.com"));
        }
        else if (!TryGetTokenEndpoint(domain, out _, out var domainProblem))
        {
            problems.Add(domainProblem.Replace(DomainKey, domainKey, StringComparison.Ordinal));
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            problems.Add(Missing(section + ":ClientId", "the client ID of the application"));
        }

        return problems;
    }

    /// <summary>
    /// Checks <see cref="Auth0ClientOptions.AllowedHosts"/>: each entry must be a host name or IP address with an
    /// optional port. The message names the entry's position, not its text.
    /// </summary>
    public static string? FindAllowedHostsProblem(IList<string>? allowedHosts)
    {
        if (allowedHosts is null)
        {
            return null;
        }

        for (var i = 0; i < allowedHosts.Count; i++)
        {
            if (allowedHosts[i] is not { } entry || !TokenDestinations.TryParseAllowedHost(entry, out _, out _))
            {
                return $"{AllowedHostsKey}:{i} is not a host name with an optional port. Write each allowed host as"
                    + " api.example.com or api.example.com:8443, without a scheme or path.";
            }
        }

        return null;
    }

    /// <summary>Whether any credential setting is missing, as opposed to present but wrong.</summary>
    public static bool AnyCredentialMissing(Auth0CredentialSettings options)
        => string.IsNullOrWhiteSpace(options.Domain)
            || string.IsNullOrWhiteSpace(options.ClientId)
            || (GetClientAuthentication(options) == Auth0ClientAuthentication.PrivateKeyJwt
                ? string.IsNullOrWhiteSpace(options.ClientAssertionSigningKey)
                : string.IsNullOrWhiteSpace(options.ClientSecret));

    /// <summary>
    /// The authentication method in effect: the configured one, else a private key JWT when a signing key is set,
    /// else the secret in the body.
    /// </summary>
    public static Auth0ClientAuthentication GetClientAuthentication(Auth0CredentialSettings options)
        => options.ClientAuthentication
            ?? (string.IsNullOrWhiteSpace(options.ClientAssertionSigningKey)
                ? Auth0ClientAuthentication.ClientSecretPost
                : Auth0ClientAuthentication.PrivateKeyJwt);

    /// <summary>The renewal margin in effect: the configured one clamped to zero or more, else the default.</summary>
    public static TimeSpan GetRenewalMargin(TimeSpan? configured)
        => configured is { } margin
            ? (margin < TimeSpan.Zero ? TimeSpan.Zero : margin)
            : Auth0ClientCredentialsProvider.DefaultRenewalMargin;

    /// <summary>
    /// Checks an optional base address: when present it must be an absolute http or https address without a
    /// query string, fragment or user information, since routes are appended to it.
    /// </summary>
    public static string? FindBaseUrlProblem(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{BaseUrlKey} is not an absolute http:// or https:// address. Set it to the API's base address,"
                + " such as https://api.example.com/, or remove it to use the interface's declared BaseUrl.";
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return $"{BaseUrlKey} has {DescribeExtraParts(uri)}, which cannot be combined with a route. Set it to"
                + " the API's scheme, host and path only, such as https://api.example.com/v2/.";
        }

        return null;
    }

    /// <summary>
    /// Names the parts of an address that a base address must not have, such as "a query string and user
    /// information", without repeating any of them.
    /// </summary>
    public static string DescribeExtraParts(Uri address)
    {
        var parts = new List<string>(3);
        if (address.Query.Length > 0)
        {
            parts.Add("a query string");
        }

        if (address.Fragment.Length > 0)
        {
            parts.Add("a fragment");
        }

        if (address.UserInfo.Length > 0)
        {
            parts.Add("user information");
        }

        return parts.Count switch
        {
            0 => "nothing extra",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }

    /// <summary>
    /// Turns a domain setting into the token endpoint. A bare host gets <c>https://</c>; an origin may carry a
    /// trailing slash but no path, query or user information; <c>http://</c> is allowed only for loopback hosts.
    /// </summary>
    public static bool TryGetTokenEndpoint(string domain, out Uri endpoint, out string problem)
    {
        endpoint = null!;
        problem = string.Empty;
        var text = domain.Trim();
        var hasScheme = text.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? text : "https://" + text, UriKind.Absolute, out var origin)
            || origin.HostNameType == UriHostNameType.Unknown)
        {
            problem = $"{DomainKey} is not a valid host name or origin. Use the tenant's domain, such as"
                + " tenant.us.auth0.com, or an origin such as https://login.example.com.";
            return false;
        }

        if (origin.Scheme == Uri.UriSchemeHttp && !IsLoopback(origin))
        {
            problem = $"{DomainKey} uses http://, but HTTPS is required: the client secret and access tokens"
                + " would travel unencrypted. Use https://, or the bare domain. Plain http:// is accepted only"
                + " for loopback hosts (127.0.0.0/8, ::1, localhost), such as a local test tenant.";
            return false;
        }

        if (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp)
        {
            problem = $"{DomainKey} must use https:// (HTTPS is required), or be a bare domain such as"
                + " tenant.us.auth0.com.";
            return false;
        }

        if (origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.Fragment.Length > 0
            || origin.UserInfo.Length > 0)
        {
            problem = $"{DomainKey} must be the tenant's domain or origin only, without a path, query or user"
                + " information: the token endpoint /oauth/token is added automatically.";
            return false;
        }

        endpoint = new Uri(origin, TokenPath);
        return true;
    }

    /// <summary>
    /// Describes settings for <see cref="object.ToString"/>, showing only whether the secret and the signing key
    /// are set.
    /// </summary>
    public static string Describe(string typeName, Auth0CredentialSettings options, string? baseUrl = null)
    {
        var builder = new StringBuilder(typeName)
            .Append(" { Domain = ").Append(options.Domain)
            .Append(", ClientId = ").Append(options.ClientId)
            .Append(", ClientSecret = ").Append(MessageText.Presence(options.ClientSecret))
            .Append(", Audience = ").Append(options.Audience);
        if (options.ClientAssertionSigningKey is not null)
        {
            builder.Append(", ClientAssertionSigningKey = ").Append(MessageText.Presence(options.ClientAssertionSigningKey));
        }

        if (options.Organization is not null)
        {
            builder.Append(", Organization = ").Append(options.Organization);
        }

        if (baseUrl is not null)
        {
            builder.Append(", BaseUrl = ").Append(baseUrl);
        }

        return builder.Append(" }").ToString();
    }

    /// <summary>Describes the settings of a provider that knows only the application and its secret.</summary>
    public static string Describe(
        string typeName,
        string? domain,
        string? clientId,
        string? clientSecret,
        string? audience)
        => $"{typeName} {{ Domain = {domain}, ClientId = {clientId}, ClientSecret = {MessageText.Presence(clientSecret)},"
            + $" Audience = {audience} }}";

    private static string Missing(string key, string what) => $"{key} is missing: set it to {what}.";

    /// <summary>Whether the address's host is localhost or a loopback IP address.</summary>
    public static bool IsLoopback(Uri origin)
    {
        if (origin.HostNameType == UriHostNameType.Dns)
        {
            return string.Equals(origin.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        // IdnHost drops the brackets around an IPv6 address, which IPAddress cannot parse.
        return IPAddress.TryParse(origin.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }
}
