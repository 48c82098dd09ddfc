using System.Globalization;
using System.Text.Json;

namespace Auth0ClientGen.Internal;

/// <summary>Reads how long a token response says its access token lives.</summary>
internal static class TokenLifetime
{
    private const string ExpiresInField = "expires_in";

    /// <summary>
    /// Reads <c>expires_in</c> from the token response, as a number or a numeric string; null when it is missing or
    /// unreadable. Duende's <c>TokenResponse.ExpiresIn</c> cannot be used: it gives 0 for a missing value.
    /// </summary>
    public static double? ReadExpiresIn(JsonElement response)
    {
        if (!response.TryGetProperty(ExpiresInField, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var seconds) => seconds,
            JsonValueKind.String when double.TryParse(
                value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) => seconds,
            _ => null,
        };
    }
}
