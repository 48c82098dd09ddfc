using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Benchmarks.Support;

/// <summary>
/// Answers every request in memory with the same JSON body, the way a server would: it reads the request body to
/// the end first, so a contender that serializes lazily pays for serializing just as one that serializes up front.
/// </summary>
public sealed class CannedResponseHandler(string json) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _body = Encoding.UTF8.GetBytes(json);

    /// <summary>The Authorization header of the last request, for the checks that every contender sent one.</summary>
    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    /// <summary>The address of the last request, for the checks that every contender built the same one.</summary>
    public string? LastRequestUri { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        LastAuthorization = request.Headers.Authorization;
        LastRequestUri = request.RequestUri?.OriginalString;
        var body = new ByteArrayContent(_body);
        body.Headers.ContentType = JsonMediaType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
    }
}
