using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The tenant's RSA signing key. Each tenant makes a fresh one, so a token from one tenant never validates at another.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Lock _signingGate = new();
    private readonly string _modulus;
    private readonly string _exponent;

    public SigningKey()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        _modulus = Base64Url.EncodeToString(parameters.Modulus);
        _exponent = Base64Url.EncodeToString(parameters.Exponent);
        KeyId = ComputeThumbprint(_modulus, _exponent);
    }

    /// <summary>The <c>kid</c>: the key's RFC 7638 thumbprint, stable for the key and unique across keys.</summary>
    public string KeyId { get; }

    public string Algorithm => "RS256";

    /// <summary>Signs <paramref name="signingInput"/> with RS256 and returns the base64url signature.</summary>
    public string Sign(ReadOnlySpan<byte> signingInput)
    {
        byte[] signature;
        lock (_signingGate)
        {
            signature = _rsa.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        return Base64Url.EncodeToString(signature);
    }

    /// <summary>The public half as a JSON Web Key Set, as Auth0 serves it at <c>/.well-known/jwks.json</c>.</summary>
    public JsonObject ToJsonWebKeySet() => new()
    {
        ["keys"] = new JsonArray
        {
            new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = Algorithm,
                ["kid"] = KeyId,
                ["n"] = _modulus,
                ["e"] = _exponent,
            },
        },
    };

    public void Dispose() => _rsa.Dispose();

    private static string ComputeThumbprint(string modulus, string exponent)
    {
        // RFC 7638: the required members in lexicographic order, with no whitespace.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("e", exponent);
            writer.WriteString("kty", "RSA");
            writer.WriteString("n", modulus);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(SHA256.HashData(buffer.WrittenSpan));
    }
}
