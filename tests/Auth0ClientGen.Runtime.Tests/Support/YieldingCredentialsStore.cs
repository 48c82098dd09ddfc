using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>An in-memory store that never answers synchronously, like one backed by a file or a vault.</summary>
internal sealed class YieldingCredentialsStore(StoredCredentials credentials) : ICredentialsStore
{
    private readonly InMemoryCredentialsStore _inner = new(credentials);

    public int Reads { get; private set; }

    public async ValueTask<StoredCredentials?> GetAsync(CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        Reads++;
        return await _inner.GetAsync(cancellationToken);
    }

    public async ValueTask SaveAsync(StoredCredentials credentials, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.SaveAsync(credentials, cancellationToken);
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.ClearAsync(cancellationToken);
    }
}
