using System.Threading;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// Counts requests that reach an endpoint needing an access token, whatever they are answered, so a test can tell
/// how often a client called the API, retries included.
/// </summary>
internal sealed class ProtectedApiRequestCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Counts after routing, which knows the endpoint, and before authentication, which may turn the request away.
    /// </summary>
    public void UseCounting(IApplicationBuilder application) =>
        application.Use((context, next) =>
        {
            var metadata = context.GetEndpoint()?.Metadata;
            if (metadata?.GetMetadata<AuthorizationPolicy>() is not null
                || metadata?.GetMetadata<IAuthorizeData>() is not null)
            {
                Interlocked.Increment(ref _count);
            }

            return next(context);
        });
}
