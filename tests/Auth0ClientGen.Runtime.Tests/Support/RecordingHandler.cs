using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>An in-memory handler that records every request and answers with a test-supplied response.</summary>
internal sealed class RecordingHandler(Func<RecordedRequest, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this(request => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int Count => _requests.Count;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);

        // Read as text before Headers.Authorization parses it: parsing replaces the text the client stored.
        var rawAuthorization = request.Headers.NonValidated.TryGetValues("Authorization", out var authorization)
            ? authorization.ToString()
            : null;
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization,
            request.Content?.Headers.ContentType?.MediaType,
            body)
        {
            Marker = request.Headers.TryGetValues("X-Marker", out var marker) ? string.Join(",", marker) : null,
            RawAuthorization = rawAuthorization,
        };
        _requests.Enqueue(recorded);
        return await respond(recorded);
    }
}

/// <summary>What a <see cref="RecordingHandler"/> saw of one request.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri RequestUri,
    AuthenticationHeaderValue? Authorization,
    string? MediaType,
    string? Body)
{
    /// <summary>The X-Marker header a test's own handler put on the request, if any.</summary>
    public string? Marker { get; init; }

    /// <summary>
    /// The Authorization header as the text that went out, several values joined by commas; null when there was none.
    /// Unlike <see cref="Authorization"/> it shows a value its parser refuses, and every value when there are several.
    /// </summary>
    public string? RawAuthorization { get; init; }

    public bool IsTokenRequest => RequestUri.AbsolutePath == "/oauth/token";

    /// <summary>The body parsed as application/x-www-form-urlencoded; a repeated field fails the test.</summary>
    public IReadOnlyDictionary<string, string> Form
    {
        get
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in (Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                fields.Add(Decode(parts[0]), parts.Length == 2 ? Decode(parts[1]) : string.Empty);
            }

            return fields;
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
