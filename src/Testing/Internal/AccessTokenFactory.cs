using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>An access token as the token endpoint hands it out.</summary>
internal readonly record struct IssuedAccessToken(string Value, long ExpiresInSeconds, IReadOnlyList<string> Scopes);

/// <summary>
/// What an access token says: who it is for (<c>aud</c>), on whose behalf (<c>sub</c>: <c>client_id@clients</c> for a
/// machine, the user id for a user), which client holds it (<c>azp</c>), and which grant made it (<c>gty</c>, which
/// Auth0 sets for client credentials and leaves out for user tokens), and the organization it acts for, if any.
/// </summary>
internal sealed record AccessTokenClaims(string ClientId, string Subject, string Audience, IReadOnlyList<string> Scopes)
{
    public string? GrantType { get; init; }

    public TenantOrganization? Organization { get; init; }
}

/// <summary>
/// Makes RS256 JWT access tokens with the claims Auth0 puts in its access tokens, each with a unique <c>jti</c> that
/// <see cref="IssuedAccessTokens"/> remembers.
/// </summary>
internal sealed class AccessTokenFactory(
    SigningKey signingKey,
    TenantAddressHolder addresses,
    TimeProvider timeProvider,
    IssuedAccessTokens issuedAccessTokens,
    long lifetimeSeconds)
{
    private readonly string _encodedHeader = EncodeHeader(signingKey);
    private long _lifetimeSeconds = lifetimeSeconds;

    /// <summary>The lifetime of tokens issued from now on, in seconds; tokens issued before keep theirs.</summary>
    public long LifetimeSeconds
    {
        get => Interlocked.Read(ref _lifetimeSeconds);
        set => Interlocked.Exchange(ref _lifetimeSeconds, value);
    }

    public IssuedAccessToken Create(AccessTokenClaims claims)
    {
        var now = timeProvider.GetUtcNow();
        var issuedAt = now.ToUnixTimeSeconds();
        var lifetime = LifetimeSeconds;

        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", addresses.Current.Issuer);
            writer.WriteString("sub", claims.Subject);
            writer.WriteString("aud", claims.Audience);
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("exp", issuedAt + lifetime);
            if (claims.Scopes.Count > 0)
            {
                writer.WriteString("scope", string.Join(' ', claims.Scopes));
            }

            if (claims.GrantType is not null)
            {
                writer.WriteString("gty", claims.GrantType);
            }

            writer.WriteString("azp", claims.ClientId);
            if (claims.Organization is { } organization)
            {
                writer.WriteString("org_id", organization.Id);
                writer.WriteString("org_name", organization.Name);
            }

            writer.WriteString("jti", issuedAccessTokens.Record(now));
            writer.WriteEndObject();
        }

        var signingInput = _encodedHeader + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = signingKey.Sign(Encoding.ASCII.GetBytes(signingInput));
        return new IssuedAccessToken(signingInput + "." + signature, lifetime, claims.Scopes);
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
