using System;
using System.Text;
using System.Text.Json;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Reads the claims of an access token the local tenant issued, without checking its signature.</summary>
internal static class JwtClaims
{
    /// <summary>The payload of a compact JWT, as JSON.</summary>
    public static JsonElement Read(string accessToken)
    {
        var parts = accessToken.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return document.RootElement.Clone();
    }

    /// <summary>The payload of the token in an <c>Authorization: Bearer</c> header value.</summary>
    public static JsonElement ReadBearer(string? authorization)
    {
        Assert.StartsWith("Bearer ", authorization);
        return Read(authorization!["Bearer ".Length..]);
    }

    /// <summary>A string claim, or null when the token does not carry it.</summary>
    public static string? GetString(this JsonElement claims, string name)
        => claims.TryGetProperty(name, out var value) ? value.GetString() : null;
}
