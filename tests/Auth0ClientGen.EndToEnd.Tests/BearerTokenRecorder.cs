using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Remembers every bearer token an API client sends, in order, then lets the request go on to the real API; so a
/// test can read the tokens' claims, or search logs and messages for them.
/// </summary>
internal sealed class BearerTokenRecorder(ConcurrentQueue<string> tokens) : DelegatingHandler
{
    public BearerTokenRecorder()
        : this(new ConcurrentQueue<string>())
    {
    }

    public ConcurrentQueue<string> Tokens { get; } = tokens;

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization?.Parameter is { } token)
        {
            Tokens.Enqueue(token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
