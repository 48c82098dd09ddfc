using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen;

/// <summary>
/// Keeps a user's <see cref="StoredCredentials"/> for <see cref="Auth0RefreshTokenProvider"/>: in memory, in a
/// file protected by the operating system, in a key vault, wherever the application keeps secrets.
/// </summary>
/// <remarks>
/// <para>
/// The provider reads the store on every call, so a store backed by slow storage should keep a copy in memory.
/// It saves whole snapshots, and saves a rotated refresh token before handing out the access token that came with
/// it: a store that loses a save loses the only refresh token Auth0 still accepts.
/// </para>
/// <para>
/// One provider per store. The provider serializes its own renewals, but cannot coordinate with another process
/// or provider renewing from the same store; two of them would present the same refresh token, and with rotation
/// Auth0 treats that as reuse and revokes the refresh token.
/// </para>
/// </remarks>
public interface ICredentialsStore
{
    /// <summary>Reads the stored credentials.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credentials, or null when none are stored.</returns>
    ValueTask<StoredCredentials?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored credentials with <paramref name="credentials"/>.</summary>
    /// <param name="credentials">The new snapshot.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SaveAsync(StoredCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored credentials, as when the user logs out.</summary>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
