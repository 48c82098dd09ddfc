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
    public const string DomainKey = "Auth0:Domain";
    public const string ClientIdKey = "Auth0:ClientId";
    public const string ClientSecretKey = "Auth0:ClientSecret";
    public const string AudienceKey = "Auth0:Audience";
    public const string BaseUrlKey = "Auth0:BaseUrl";

    /// <summary>Added to a missing setting's message when the options could not have come from configuration.</summary>
    public const string NoConfigurationNote =
        "No IConfiguration is registered, so the Auth0 configuration section was not read: register one (as"
        + " hosted applications do), or set the options in code with the configure delegate of AddAuth0ApiClient.";

    private const string TokenPath = "oauth/token";

    /// <summary>Lists what is wrong with the credential settings; empty when they are usable.</summary>
    /// <param name="domain">The tenant's domain or origin.</param>
    /// <param name="clientId">The application's client ID.</param>
    /// <param name="clientSecret">The application's client secret.</param>
    /// <param name="requireClientSecret">False for public applications, such as native apps, which have none.</param>
    public static List<string> FindCredentialProblems(
        string? domain,
        string? clientId,
        string? clientSecret,
        bool requireClientSecret = true)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(domain))
        {
            problems.Add(Missing(DomainKey, "the Auth0 tenant domain, such as tenant.us.auth0.com"));
        }
        else if (!TryGetTokenEndpoint(domain, out _, out var domainProblem))
        {
            problems.Add(domainProblem);
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            problems.Add(Missing(ClientIdKey, "the client ID of the Machine to Machine application"));
        }

        if (requireClientSecret && string.IsNullOrWhiteSpace(clientSecret))
        {
            problems.Add(Missing(ClientSecretKey, "the client secret of the Machine to Machine application"));
        }

        return problems;
    }

    /// <summary>Whether any credential setting is missing, as opposed to present but wrong.</summary>
    public static bool AnyCredentialMissing(string? domain, string? clientId, string? clientSecret)
        => string.IsNullOrWhiteSpace(domain)
            || string.IsNullOrWhiteSpace(clientId)
            || string.IsNullOrWhiteSpace(clientSecret);

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

    /// <summary>Describes settings for <see cref="object.ToString"/>, showing only whether a secret is set.</summary>
    public static string Describe(
        string typeName,
        string? domain,
        string? clientId,
        string? clientSecret,
        string? audience,
        string? baseUrl = null)
    {
        var builder = new StringBuilder(typeName)
            .Append(" { Domain = ").Append(domain)
            .Append(", ClientId = ").Append(clientId)
            .Append(", ClientSecret = ").Append(string.IsNullOrEmpty(clientSecret) ? "(not set)" : "(set)")
            .Append(", Audience = ").Append(audience);
        if (baseUrl is not null)
        {
            builder.Append(", BaseUrl = ").Append(baseUrl);
        }

        return builder.Append(" }").ToString();
    }

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
