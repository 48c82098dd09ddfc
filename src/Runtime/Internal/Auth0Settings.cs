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

    private const string TokenPath = "oauth/token";

    /// <summary>Lists what is wrong with the credential settings; empty when they are usable.</summary>
    public static List<string> FindCredentialProblems(string? domain, string? clientId, string? clientSecret)
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

        if (string.IsNullOrWhiteSpace(clientSecret))
        {
            problems.Add(Missing(ClientSecretKey, "the client secret of the Machine to Machine application"));
        }

        return problems;
    }

    /// <summary>Checks an optional base address: when present it must be an absolute http or https address.</summary>
    public static string? FindBaseUrlProblem(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"{BaseUrlKey} is not an absolute http:// or https:// address. Set it to the API's base address,"
                + " such as https://api.example.com/, or remove it to use the interface's declared BaseUrl.";
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

    private static bool IsLoopback(Uri origin)
    {
        if (origin.HostNameType == UriHostNameType.Dns)
        {
            return string.Equals(origin.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        // IdnHost drops the brackets around an IPv6 address, which IPAddress cannot parse.
        return IPAddress.TryParse(origin.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }
}
