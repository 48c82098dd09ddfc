using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>An in-memory store whose saves wait until the test releases them.</summary>
internal sealed class GatedCredentialsStore(StoredCredentials credentials) : ICredentialsStore
{
    private readonly InMemoryCredentialsStore _inner = new(credentials);
    private readonly TaskCompletionSource _saveStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SaveStarted => _saveStarted.Task;

    public void ReleaseSaves() => _release.TrySetResult();

    public ValueTask<StoredCredentials?> GetAsync(CancellationToken cancellationToken = default)
        => _inner.GetAsync(cancellationToken);

    public async ValueTask SaveAsync(StoredCredentials credentials, CancellationToken cancellationToken = default)
    {
        _saveStarted.TrySetResult();
        await _release.Task;
        await _inner.SaveAsync(credentials, cancellationToken);
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken = default) => _inner.ClearAsync(cancellationToken);
}
