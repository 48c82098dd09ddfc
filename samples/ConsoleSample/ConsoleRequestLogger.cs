using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ConsoleSample;

/// <summary>
/// Prints each request line and the status code it got. It prints the method and address only: never a
/// header, so the Authorization header and the client secret in token requests stay out of the console.
/// </summary>
internal sealed class ConsoleRequestLogger : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bearer = request.Headers.Authorization?.Scheme == "Bearer" ? " (Bearer token)" : string.Empty;
        var response = await base.SendAsync(request, cancellationToken);
        Console.WriteLine($"    {request.Method} {request.RequestUri?.AbsoluteUri}{bearer} -> {(int)response.StatusCode} {response.ReasonPhrase}");
        return response;
    }
}
