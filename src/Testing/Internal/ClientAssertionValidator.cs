using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Checks a private_key_jwt client assertion (RFC 7523) as Auth0 does: signed with the client's registered key by RSA
/// (RS256, RS384, RS512, PS256, PS384 or PS512), issued by and about the client, addressed to the tenant, short-lived,
/// and never presented before.
/// Known shortcoming: the ids of used assertions are kept for the tenant's lifetime, not only until they expire.
/// </summary>
internal sealed class ClientAssertionValidator(TenantAddressHolder addresses, TimeProvider timeProvider)
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Auth0 turns away assertions meant to live longer than about five minutes, against replay.</summary>
    private const long MaximumLifetimeSeconds = 300;

    private readonly ConcurrentDictionary<(string ClientId, string TokenId), byte> _usedTokenIds = new();

    /// <summary>
    /// The <c>sub</c> of an assertion, unverified, to find the client by when the request has no <c>client_id</c>.
    /// </summary>
    public static string? ReadSubject(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || !TryParseJson(parts[1], out var payload))
        {
            return null;
        }

        using (payload)
        {
            return ReadString(payload.RootElement, "sub");
        }
    }

    /// <summary>Returns <see langword="null"/> when the assertion is good, otherwise why it is not.</summary>
    public string? Validate(string assertion, RegisteredClient client)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || !TryParseJson(parts[0], out var header))
        {
            return "Invalid client_assertion: it is not a JWT.";
        }

        using (header)
        {
            var signatureError = CheckSignature(header.RootElement, parts, client);
            if (signatureError is not null)
            {
                return signatureError;
            }
        }

        if (!TryParseJson(parts[1], out var payload))
        {
            return "Invalid client_assertion: it is not a JWT.";
        }

        using (payload)
        {
            return CheckClaims(payload.RootElement, client.ClientId);
        }
    }

    private static string? CheckSignature(JsonElement header, string[] parts, RegisteredClient client)
    {
        var algorithm = ReadString(header, "alg");
        if (!TryMapAlgorithm(algorithm, out var hash, out var padding))
        {
            return $"Invalid client_assertion: the algorithm \"{algorithm}\" is not supported.";
        }

        var keyId = ReadString(header, "kid");
        if (client.KeyId is not null && keyId is not null && keyId != client.KeyId)
        {
            return $"Invalid client_assertion: no credential of the client has the key id \"{keyId}\".";
        }

        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return "Invalid client_assertion signature.";
        }

        using var key = RSA.Create(client.PublicKey!.Value);
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        return key.VerifyData(signingInput, signature, hash, padding) ? null : "Invalid client_assertion signature.";
    }

    private string? CheckClaims(JsonElement payload, string clientId)
    {
        if (ReadString(payload, "iss") != clientId || ReadString(payload, "sub") != clientId)
        {
            return "Invalid client_assertion: iss and sub must both be the client_id.";
        }

        var current = addresses.Current;
        if (!HasAudience(payload, current.Issuer) && !HasAudience(payload, current.TokenEndpoint))
        {
            return $"Invalid client_assertion: aud must be \"{current.Issuer}\".";
        }

        if (!TryReadSeconds(payload, "exp", out var expires))
        {
            return "Invalid client_assertion: exp is missing.";
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (expires <= now)
        {
            return "Invalid client_assertion: it has expired.";
        }

        var issuedAt = TryReadSeconds(payload, "iat", out var iat) ? iat : now;
        if (expires - issuedAt > MaximumLifetimeSeconds)
        {
            return "Invalid client_assertion: exp must be at most 5 minutes after iat.";
        }

        var tokenId = ReadString(payload, "jti");
        if (string.IsNullOrEmpty(tokenId))
        {
            return "Invalid client_assertion: jti is missing.";
        }

        // Checked last, so an assertion turned away for another reason does not use up its jti.
        return _usedTokenIds.TryAdd((clientId, tokenId), 0)
            ? null
            : "Invalid client_assertion: its jti has already been used.";
    }

    private static bool TryMapAlgorithm(string? algorithm, out HashAlgorithmName hash, out RSASignaturePadding padding)
    {
        (hash, padding) = algorithm switch
        {
            "RS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "PS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
            "PS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
            _ => (default, RSASignaturePadding.Pkcs1),
        };
        return hash != default;
    }

    private static bool HasAudience(JsonElement payload, string audience)
    {
        if (!payload.TryGetProperty("aud", out var value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() == audience;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == audience)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadSeconds(JsonElement payload, string name, out long seconds)
    {
        seconds = 0;
        return payload.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out seconds);
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryParseJson(string encoded, out JsonDocument document)
    {
        document = null!;
        try
        {
            document = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        document.Dispose();
        return false;
    }
}
