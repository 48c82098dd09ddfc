using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>An access token as the token endpoint hands it out.</summary>
internal readonly record struct IssuedAccessToken(string Value, long ExpiresInSeconds, IReadOnlyList<string> Scopes);

/// <summary>
/// Makes RS256 JWT access tokens with the claims Auth0 puts in a client-credentials token:
/// iss, sub (<c>client_id@clients</c>), aud, iat, exp, scope, azp and gty.
/// </summary>
internal sealed class AccessTokenFactory(
    SigningKey signingKey,
    TenantAddressHolder addresses,
    TimeProvider timeProvider,
    long lifetimeSeconds)
{
    private readonly string _encodedHeader = EncodeHeader(signingKey);

    public IssuedAccessToken Create(string clientId, string audience, IReadOnlyList<string> scopes)
    {
        var issuedAt = timeProvider.GetUtcNow().ToUnixTimeSeconds();

        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", addresses.Current.Issuer);
            writer.WriteString("sub", clientId + "@clients");
            writer.WriteString("aud", audience);
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("exp", issuedAt + lifetimeSeconds);
            if (scopes.Count > 0)
            {
                writer.WriteString("scope", string.Join(' ', scopes));
            }

            writer.WriteString("gty", "client-credentials");
            writer.WriteString("azp", clientId);
            writer.WriteEndObject();
        }

        var signingInput = _encodedHeader + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = signingKey.Sign(Encoding.ASCII.GetBytes(signingInput));
        return new IssuedAccessToken(signingInput + "." + signature, lifetimeSeconds, scopes);
    }

    private static string EncodeHeader(SigningKey signingKey)
    {
        var header = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", signingKey.Algorithm);
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", signingKey.KeyId);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(header.WrittenSpan);
    }
}
