using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Records every request a client sends and answers with a canned response, with no network.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public List<CapturedRequest> Requests { get; } = [];

    public HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public string ResponseBody { get; set; } = "\"ok\"";

    public Action? OnSend { get; set; }

    /// <summary>Builds the response content; a string body of <see cref="ResponseBody"/> by default.</summary>
    public Func<HttpContent>? ResponseContent { get; set; }

    /// <summary>Adjusts each response before it is returned, such as adding headers.</summary>
    public Action<HttpResponseMessage>? ConfigureResponse { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OnSend?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add(new CapturedRequest(
            request.Method,
            request.RequestUri!.AbsoluteUri,
            request.Headers.Authorization?.ToString(),
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)));
        var response = new HttpResponseMessage(StatusCode) { Content = ResponseContent?.Invoke() ?? new StringContent(ResponseBody) };
        ConfigureResponse?.Invoke(response);
        return response;
    }
}

internal sealed record CapturedRequest(
    HttpMethod Method,
    string Uri,
    string? Authorization,
    Dictionary<string, string> Headers,
    string? Body,
    string? ContentType,
    Dictionary<string, string> ContentHeaders);
