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

    /// <summary>
    /// Whether each request's Authorization header and address are noted. On only while the setup checks that the
    /// contenders send the same requests: noting costs each contender something different (a header set as text has
    /// to be parsed to be read as <see cref="HttpRequestHeaders.Authorization"/>, a parsed one has to be written out
    /// to be read as text), and the measured calls should pay for the answer alone.
    /// </summary>
    public bool Recording { get; set; }

    /// <summary>The Authorization header of the last request, as the text a transport would send.</summary>
    public string? LastAuthorization { get; private set; }

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

        if (Recording)
        {
            LastAuthorization = request.Headers.NonValidated.TryGetValues("Authorization", out var authorization)
                ? authorization.ToString()
                : null;
            LastRequestUri = request.RequestUri?.OriginalString;
        }

        var body = new ByteArrayContent(_body);
        body.Headers.ContentType = JsonMediaType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
    }
}
