using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// <c>POST /oauth/token</c>: counts the request, reads it, lets <see cref="TokenGrants"/> decide, and
/// writes the answer. Fault injection belongs between counting and reading: a fault sees the counted request and
/// may answer in place of the grant (a delay, a 5xx, a 429, a broken body) without touching the grant logic.
/// </summary>
internal sealed class TokenEndpointHandler(TokenGrants grants)
{
    private int _requestCount;
    private int _issuedTokenCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public int IssuedTokenCount => Volatile.Read(ref _issuedTokenCount);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);

        var cancellationToken = context.RequestAborted;
        var (request, readError) = await TokenRequestReader.ReadAsync(context.Request, cancellationToken);
        var response = readError ?? grants.Handle(request!);

        if (response.IssuedAccessToken)
        {
            Interlocked.Increment(ref _issuedTokenCount);
        }

        await response.WriteAsync(context.Response, cancellationToken);
    }
}
