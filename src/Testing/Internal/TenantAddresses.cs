using System;
using System.Threading;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>The addresses of a tenant, all derived from the loopback port that Kestrel picked.</summary>
internal sealed record TenantAddresses
{
    public TenantAddresses(int port)
    {
        Domain = $"http://127.0.0.1:{port}";
        Issuer = Domain + "/";
        BaseAddress = new Uri(Issuer);
        ManagementApiAudience = Issuer + "api/v2/";
        TokenEndpoint = Issuer + "oauth/token";
        JwksUri = Issuer + ".well-known/jwks.json";
        MetadataAddress = Issuer + ".well-known/openid-configuration";
    }

    public Uri BaseAddress { get; }

    public string Domain { get; }

    public string Issuer { get; }

    public string ManagementApiAudience { get; }

    public string TokenEndpoint { get; }

    public string JwksUri { get; }

    public string MetadataAddress { get; }
}

/// <summary>
/// Holds the tenant's addresses once the server is listening. The port is only known after Kestrel has bound port 0,
/// while the endpoints and JwtBearer options are wired before that; they read the addresses lazily through this holder.
/// </summary>
internal sealed class TenantAddressHolder
{
    private TenantAddresses? _addresses;

    public TenantAddresses Current =>
        Volatile.Read(ref _addresses) ?? throw new InvalidOperationException("The tenant is not listening yet.");

    public void Set(TenantAddresses addresses)
    {
        if (Interlocked.CompareExchange(ref _addresses, addresses, null) is not null)
        {
            throw new InvalidOperationException("The tenant's addresses are already set.");
        }
    }
}
