using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>
/// Sits in front of the token endpoint and keeps the form body of every token request, so a test can search
/// messages and logs for what the request carried (a client assertion, a secret).
/// </summary>
internal sealed class TokenRequestRecorder : DelegatingHandler
{
    public TokenRequestRecorder()
        : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
    }

    public ConcurrentQueue<string> Bodies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        // Token request bodies are forms held in memory, so reading one leaves it to be sent as it is.
        if (request.Content is { } content)
        {
            Bodies.Enqueue(await content.ReadAsStringAsync(cancellationToken));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
