using System;
using System.ComponentModel;
using System.Net.Http;
using System.Runtime.CompilerServices;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen;

/// <summary>
/// Creates generated clients from their interface type, without reflection. Each generated client
/// registers itself here when its assembly loads.
/// </summary>
public static class Auth0ApiClient
{
    /// <summary>Creates the generated client for <typeparamref name="TApi"/>.</summary>
    /// <param name="httpClient">The client that sends the requests.</param>
    /// <param name="credentials">Supplies the access tokens.</param>
    /// <remarks>
    /// The client sends its access token only to the host of its base address (the HttpClient's, or else the
    /// declared <see cref="Auth0ApiAttribute.BaseUrl"/>), and refuses plain http to any host but loopback; see
    /// <see cref="TokenDestinationException"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No client was generated for <typeparamref name="TApi"/>.</exception>
    public static TApi Create<TApi>(HttpClient httpClient, ICredentialsProvider credentials)
        where TApi : class
    {
        var registration = GetRegistration<TApi>();
        if (credentials is not null and not ApiCredentialsProvider)
        {
            var declared = registration.Metadata.BaseUrl is { } baseUrl
                && Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) ? address : null;
            credentials = new ApiCredentialsProvider(
                credentials,
                new TokenDestinations(declared, []),
                typeof(TApi).FullName ?? typeof(TApi).Name,
                null,
                new BearerAuthorization());
        }

        return registration.Factory(httpClient, credentials!);
    }

    /// <summary>Returns what the <see cref="Auth0ApiAttribute"/> on <typeparamref name="TApi"/> declared.</summary>
    /// <exception cref="InvalidOperationException">No client was generated for <typeparamref name="TApi"/>.</exception>
    public static Auth0ApiMetadata GetMetadata<TApi>()
        where TApi : class
        => GetRegistration<TApi>().Metadata;

    /// <summary>Called by generated code to make a client known. Not meant to be called by hand.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register<TApi>(Func<HttpClient, ICredentialsProvider, TApi> factory, Auth0ApiMetadata metadata)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(metadata);
        Registration<TApi>.Value = new RegisteredClient<TApi>(factory, metadata);
    }

    private static RegisteredClient<TApi> GetRegistration<TApi>()
        where TApi : class
    {
        if (Registration<TApi>.Value is { } registered)
        {
            return registered;
        }

        // Generated clients register from a module initializer, which the runtime may not have run yet
        // when only the interface's metadata has been touched. Running it here is idempotent.
        RuntimeHelpers.RunModuleConstructor(typeof(TApi).Module.ModuleHandle);
        return Registration<TApi>.Value ?? throw new InvalidOperationException(
            $"No Auth0ClientGen client was generated for {typeof(TApi).FullName}. Mark the interface with"
            + " [Auth0Api], check the build for ACG diagnostics, and make sure the Auth0ClientGen generator"
            + " runs in the project that declares the interface.");
    }

    private sealed record RegisteredClient<TApi>(
        Func<HttpClient, ICredentialsProvider, TApi> Factory,
        Auth0ApiMetadata Metadata);

    // One static field per interface type: lookups cost a field read, with no dictionary and no lock.
    private static class Registration<TApi>
        where TApi : class
    {
        public static volatile RegisteredClient<TApi>? Value;
    }
}
