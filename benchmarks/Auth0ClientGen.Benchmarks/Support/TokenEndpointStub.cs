using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Benchmarks.Apis;

namespace Auth0ClientGen.Benchmarks.Support;

/// <summary>
/// An in-memory Auth0 token endpoint that counts the requests it answers. An optional gate holds every answer back
/// until it is opened, so that a burst of callers can all be waiting before the first token arrives.
/// </summary>
public sealed class TokenEndpointStub : HttpMessageHandler
{
    /// <summary>A well-formed, harmless access token: three base64url parts, as a JWT has.</summary>
    public const string AccessToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaG1hcmtAY2xpZW50cyJ9.c2lnbmF0dXJl";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        $$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":86400}""");

    private int _requests;
    private TaskCompletionSource? _gate;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Holds back the answers to the requests that arrive from now on, until <see cref="Open"/>.</summary>
    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate?.TrySetResult();

    /// <summary>A provider with its own cache, for <see cref="Endpoints.Audience"/>, that asks this endpoint.</summary>
    public Auth0ClientCredentialsProvider CreateProvider()
        => new(
            new HttpClient(this, disposeHandler: false),
            new Auth0ClientCredentialsOptions
            {
                Domain = Endpoints.Domain,
                ClientId = "benchmark-client",
                ClientSecret = "benchmark-secret-that-goes-nowhere",
                Audience = Endpoints.Audience,
            });

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (_gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    /// <summary>Throws unless exactly <paramref name="expected"/> token requests were made since the last reset.
    /// </summary>
    public void ExpectRequestsAndReset(int expected)
    {
        var requests = Interlocked.Exchange(ref _requests, 0);
        if (requests != expected)
        {
            throw new InvalidOperationException($"Expected {expected} token request(s), but {requests} were made.");
        }
    }
}
