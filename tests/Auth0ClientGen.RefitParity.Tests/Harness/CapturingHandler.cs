using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.RefitParity.Tests.Harness;

/// <summary>
/// Records the request a client would put on the wire and answers it locally; nothing reaches a network.
/// </summary>
internal sealed class CapturingHandler(HttpStatusCode status, string responseBody, string responseMediaType)
    : HttpMessageHandler
{
    private readonly List<CapturedRequest> _requests = [];

    public IReadOnlyList<CapturedRequest> Requests => _requests;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        _requests.Add(await CapturedRequest.ReadAsync(request, cancellationToken));
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(responseBody, Encoding.UTF8, responseMediaType),
            RequestMessage = request,
        };
    }
}

/// <summary>The parts of a request that reach the server, in a form that compares and prints well.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute address, escaped the way it goes on the wire.</param>
/// <param name="Headers">Request headers other than Authorization, as sorted <c>Name: value</c> lines.</param>
/// <param name="ContentHeaders">Content headers as sorted <c>Name: value</c> lines; empty without a body.</param>
/// <param name="Body">The body as UTF-8 text, or null without a body.</param>
/// <param name="Authorization">The Authorization header, kept apart because only our client sends one.</param>
internal sealed record CapturedRequest(
    string Method,
    string Uri,
    IReadOnlyList<string> Headers,
    IReadOnlyList<string> ContentHeaders,
    string? Body,
    string? Authorization)
{
    public static async Task<CapturedRequest> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The Authorization header is ours alone (Refit is given no token), so it is left out of the comparison.
        var headers = Lines(request.Headers.Where(header => header.Key != "Authorization"));

        string? body = null;
        IReadOnlyList<string> contentHeaders = [];
        if (request.Content is { } content)
        {
            // Read the length before the body, as the transport does: reading buffers the content, after which
            // every body has a length, and a body that would go out chunked could no longer be told apart.
            _ = content.Headers.ContentLength;
            contentHeaders = Lines(content.Headers);
            body = Encoding.UTF8.GetString(await content.ReadAsByteArrayAsync(cancellationToken));
        }

        return new CapturedRequest(
            request.Method.Method,
            request.RequestUri!.AbsoluteUri,
            headers,
            contentHeaders,
            body,
            request.Headers.Authorization?.ToString());
    }

    /// <summary>The request as text, without Authorization; equal text means an equal request.</summary>
    public override string ToString()
        => string.Join(
            Environment.NewLine,
            new[] { $"{Method} {Uri}" }.Concat(Headers).Concat(ContentHeaders).Append(Body ?? "(no body)"));

    private static IReadOnlyList<string> Lines(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        => headers
            .Select(header => $"{header.Key}: {string.Join(", ", header.Value)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
