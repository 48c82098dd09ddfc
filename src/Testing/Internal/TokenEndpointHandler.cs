using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// <c>POST /oauth/token</c>: counts the request, reads it, counts it again under its grant type, lets
/// <see cref="TokenGrants"/> decide, and writes the answer. An injected fault comes between counting and the grant:
/// it sees the counted request and may answer in place of the grant (a 5xx, a 429, a broken body), after it (a delay)
/// or not at all (an abort), without the grants knowing about faults.
/// </summary>
internal sealed class TokenEndpointHandler(TokenGrants grants)
{
    private readonly TokenEndpointFaults _faults = new();
    private readonly ConcurrentDictionary<string, int> _requestCountsByGrantType = new(StringComparer.Ordinal);
    private int _requestCount;
    private int _issuedTokenCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public int IssuedTokenCount => Volatile.Read(ref _issuedTokenCount);

    /// <summary>
    /// Requests by <c>grant_type</c> as sent; those without one, or whose body could not be read, under "".
    /// </summary>
    public int GetRequestCount(string grantType) => _requestCountsByGrantType.GetValueOrDefault(grantType);

    public TokenEndpointFaults Faults => _faults;

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);

        var cancellationToken = context.RequestAborted;
        var (request, readError) = await TokenRequestReader.ReadAsync(context.Request, cancellationToken);
        _requestCountsByGrantType.AddOrUpdate(request?.GrantType ?? string.Empty, 1, (_, count) => count + 1);

        TokenEndpointResponse Answer() => readError ?? grants.Handle(request!);
        var response = _faults.TryTake(out var fault)
            ? await TokenEndpointFaults.ApplyAsync(fault, context, Answer)
            : Answer();
        if (response is null)
        {
            return;
        }

        if (response.IssuedAccessToken)
        {
            Interlocked.Increment(ref _issuedTokenCount);
        }

        await response.WriteAsync(context.Response, cancellationToken);
    }
}
