using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The parameters of a token request, from a form body, a JSON body or a Basic header. The client proves who it is
/// with <see cref="ClientSecret"/> (in the body or the Basic header), with a signed <see cref="ClientAssertion"/>
/// (private_key_jwt), or not at all when it is a public client.
/// </summary>
internal sealed record TokenRequest(
    string? GrantType,
    string? ClientId,
    string? ClientSecret,
    string? Audience,
    string? Scope,
    string? RefreshToken,
    string? ClientAssertionType,
    string? ClientAssertion,
    string? Organization)
{
    /// <summary>
    /// The scopes of the space-separated <c>scope</c> parameter, or <see langword="null"/> when none were asked for:
    /// a blank parameter counts as no parameter at all.
    /// </summary>
    public string[]? RequestedScopes =>
        string.IsNullOrWhiteSpace(Scope) ? null : Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Reads a <see cref="TokenRequest"/> from HTTP, or says why the request cannot be read.</summary>
internal static class TokenRequestReader
{
    public static async Task<(TokenRequest? Request, TokenEndpointResponse? Error)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        Dictionary<string, string> parameters;
        if (request.HasFormContentType)
        {
            var (formParameters, formError) = await ReadFormAsync(request, cancellationToken);
            if (formError is not null)
            {
                return (null, formError);
            }

            parameters = formParameters!;
        }
        else if (request.HasJsonContentType())
        {
            var (jsonParameters, jsonError) = await ReadJsonAsync(request, cancellationToken);
            if (jsonError is not null)
            {
                return (null, jsonError);
            }

            parameters = jsonParameters!;
        }
        else
        {
            return (null, TokenEndpointResponse.InvalidRequest(
                "The request body must be application/x-www-form-urlencoded or application/json."));
        }

        var clientId = parameters.GetValueOrDefault("client_id");
        var clientSecret = parameters.GetValueOrDefault("client_secret");
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryDecodeBasicCredentials(authorization.Parameter, out var basicClientId, out var basicClientSecret))
            {
                return (null, TokenEndpointResponse.Unauthorized());
            }

            // RFC 6749 section 2.3: a client uses one authentication method per request.
            if (clientSecret is not null
                || parameters.ContainsKey("client_assertion")
                || (clientId is not null && clientId != basicClientId))
            {
                return (null, TokenEndpointResponse.InvalidRequest(
                    "Authenticate the client either with a Basic header or with the body, not both."));
            }

            clientId = basicClientId;
            clientSecret = basicClientSecret;
        }

        var tokenRequest = new TokenRequest(
            parameters.GetValueOrDefault("grant_type"),
            clientId,
            clientSecret,
            parameters.GetValueOrDefault("audience"),
            parameters.GetValueOrDefault("scope"),
            parameters.GetValueOrDefault("refresh_token"),
            parameters.GetValueOrDefault("client_assertion_type"),
            parameters.GetValueOrDefault("client_assertion"),
            parameters.GetValueOrDefault("organization"));
        return (tokenRequest, null);
    }

    private static async Task<(Dictionary<string, string>? Parameters, TokenEndpointResponse? Error)> ReadFormAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, TokenEndpointResponse.InvalidRequest("The form body cannot be read."));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            // RFC 6749 section 3.2: a parameter must not appear more than once.
            if (values.Count != 1)
            {
                return (null, TokenEndpointResponse.InvalidRequest($"The parameter {name} appears more than once."));
            }

            parameters[name] = values[0] ?? string.Empty;
        }

        return (parameters, null);
    }

    private static async Task<(Dictionary<string, string>? Parameters, TokenEndpointResponse? Error)> ReadJsonAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return (null, TokenEndpointResponse.InvalidRequest("The request body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, TokenEndpointResponse.InvalidRequest("The request body must be a JSON object."));
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    var description = $"The parameter {property.Name} must be a string.";
                    return (null, TokenEndpointResponse.InvalidRequest(description));
                }

                parameters[property.Name] = property.Value.GetString()!;
            }

            return (parameters, null);
        }
    }

    private static bool TryDecodeBasicCredentials(string? parameter, out string clientId, out string clientSecret)
    {
        clientId = string.Empty;
        clientSecret = string.Empty;
        if (string.IsNullOrEmpty(parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var separator = decoded.IndexOf(':');
        if (separator <= 0)
        {
            return false;
        }

        // RFC 6749 section 2.3.1: both halves are form-urlencoded before they are joined and base64-encoded.
        clientId = WebUtility.UrlDecode(decoded[..separator]);
        clientSecret = WebUtility.UrlDecode(decoded[(separator + 1)..]);
        return true;
    }
}
