using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Signs the short-lived JWTs that authenticate a client with <c>private_key_jwt</c> instead of a client secret.
/// Each assertion is new (its own <c>jti</c>, <c>iat</c> and <c>exp</c>), since Auth0 refuses one it has seen.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> and <see cref="RSA"/> alone, so it needs no JWT library and stays
/// trimming- and AOT-safe. Only RSA keys are supported, which are what Auth0 accepts for client assertions.
/// </remarks>
internal sealed class ClientAssertionSigner : IDisposable
{
    /// <summary>
    /// How long an assertion is valid. It is used at once, so a minute covers clock skew while keeping a captured
    /// assertion useless soon after.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly RSA _key;
    private readonly string _algorithm;
    private readonly string? _keyId;
    private readonly string _clientId;
    private readonly string _audience;
    private readonly HashAlgorithmName _hash;
    private readonly RSASignaturePadding _padding;

    private ClientAssertionSigner(
        RSA key,
        string algorithm,
        string? keyId,
        string clientId,
        string audience)
    {
        _key = key;
        _algorithm = algorithm;
        _keyId = keyId;
        _clientId = clientId;
        _audience = audience;
        (_hash, _padding) = algorithm switch
        {
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        };
    }

    /// <summary>The algorithms Auth0 accepts for client assertions.</summary>
    public static bool IsSupportedAlgorithm(string? algorithm) => algorithm is null or "RS256" or "RS384" or "PS256";

    /// <summary>
    /// Loads the PEM private key; null with a problem that names the setting, never its value, when it cannot be
    /// used.
    /// </summary>
    /// <param name="privateKeyPem">A PKCS#1 or PKCS#8 RSA private key in PEM form.</param>
    /// <param name="algorithm">RS256 (the default), RS384 or PS256.</param>
    /// <param name="keyId">The <c>kid</c> to put in the header, such as the credential id Auth0 shows.</param>
    /// <param name="clientId">Both the issuer and the subject of the assertion.</param>
    /// <param name="tenantOrigin">The tenant's origin; with a trailing slash it is the assertion's audience.</param>
    /// <param name="problem">Why the key cannot be used.</param>
    public static ClientAssertionSigner? TryCreate(
        string privateKeyPem,
        string? algorithm,
        string? keyId,
        string clientId,
        string tenantOrigin,
        out string problem)
    {
        problem = string.Empty;
        if (!IsSupportedAlgorithm(algorithm))
        {
            problem = $"{Auth0Settings.ClientAssertionSigningAlgorithmKey} must be RS256, RS384 or PS256.";
            return null;
        }

        var key = RSA.Create();
        try
        {
            key.ImportFromPem(privateKeyPem);

            // A public key imports too, but cannot sign; find out now rather than at the first token request.
            key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();

            // The exception's own message could quote part of the key, so it is not passed on.
            problem = $"{Auth0Settings.ClientAssertionSigningKeyKey} is not an RSA private key in PEM form"
                + " (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----). Use the private key whose"
                + " public half is registered with the application in Auth0.";
            return null;
        }

        if (key.KeySize < 2048)
        {
            key.Dispose();
            problem = $"{Auth0Settings.ClientAssertionSigningKeyKey} is an RSA key of fewer than 2048 bits, which"
                + " Auth0 does not accept. Create a key of at least 2048 bits.";
            return null;
        }

        return new ClientAssertionSigner(
            key, algorithm ?? "RS256", keyId, clientId, tenantOrigin.TrimEnd('/') + "/");
    }

    /// <summary>Creates a signed assertion valid from <paramref name="now"/> for <see cref="Lifetime"/>.</summary>
    public string Create(DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteSegment(buffer, WriteHeader);
        buffer.Write("."u8);
        WriteSegment(buffer, writer => WritePayload(writer, now));

        var signature = _key.SignData(buffer.WrittenSpan, _hash, _padding);
        buffer.Write("."u8);
        Base64Url.EncodeToUtf8(signature, buffer.GetSpan(Base64Url.GetEncodedLength(signature.Length)), out _, out var written);
        buffer.Advance(written);
        return System.Text.Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    public void Dispose() => _key.Dispose();

    private void WriteHeader(Utf8JsonWriter writer)
    {
        writer.WriteString("alg", _algorithm);
        writer.WriteString("typ", "JWT");
        if (_keyId is not null)
        {
            writer.WriteString("kid", _keyId);
        }
    }

    private void WritePayload(Utf8JsonWriter writer, DateTimeOffset now)
    {
        writer.WriteString("iss", _clientId);
        writer.WriteString("sub", _clientId);
        writer.WriteString("aud", _audience);
        writer.WriteNumber("iat", now.ToUnixTimeSeconds());
        writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
        writer.WriteString("jti", Guid.NewGuid().ToString("N"));
    }

    /// <summary>Writes one JSON object, base64url-encoded, as a segment of the JWT.</summary>
    private static void WriteSegment(ArrayBufferWriter<byte> destination, Action<Utf8JsonWriter> writeProperties)
    {
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        var encoded = destination.GetSpan(Base64Url.GetEncodedLength(json.WrittenCount));
        Base64Url.EncodeToUtf8(json.WrittenSpan, encoded, out _, out var written);
        destination.Advance(written);
    }
}
