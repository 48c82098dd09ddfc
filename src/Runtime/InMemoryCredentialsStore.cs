using System;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen;

/// <summary>
/// An <see cref="ICredentialsStore"/> that keeps the credentials in memory only; they are gone when the process
/// ends, so the user logs in again at the next start.
/// </summary>
public sealed class InMemoryCredentialsStore : ICredentialsStore
{
    private StoredCredentials? _credentials;

    /// <summary>Creates a store, holding <paramref name="credentials"/> when given.</summary>
    /// <param name="credentials">What the store starts with, such as the refresh token from a login.</param>
    public InMemoryCredentialsStore(StoredCredentials? credentials = null) => _credentials = credentials;

    /// <inheritdoc />
    public ValueTask<StoredCredentials?> GetAsync(CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<StoredCredentials?>(cancellationToken)
            : new ValueTask<StoredCredentials?>(Volatile.Read(ref _credentials));

    /// <inheritdoc />
    public ValueTask SaveAsync(StoredCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Volatile.Write(ref _credentials, credentials);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Volatile.Write(ref _credentials, null);
        return ValueTask.CompletedTask;
    }

    /// <summary>Says whether credentials are held, without showing any of them.</summary>
    public override string ToString()
        => Volatile.Read(ref _credentials) is null
            ? $"{nameof(InMemoryCredentialsStore)} {{ empty }}"
            : $"{nameof(InMemoryCredentialsStore)} {{ holds credentials }}";
}
