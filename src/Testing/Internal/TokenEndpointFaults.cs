using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Auth0ClientGen.Testing.Internal;

/// <summary>
/// The queue of injected <see cref="TokenEndpointFault"/>s, each taken by exactly one request in arrival order, and
/// how each one answers. Faults only ever change the answer; the grants never know about them.
/// </summary>
internal sealed class TokenEndpointFaults
{
    private readonly ConcurrentQueue<TokenEndpointFault> _pending = new();

    public int PendingCount => _pending.Count;

    public void Enqueue(TokenEndpointFault fault, int times)
    {
        for (var time = 0; time < times; time++)
        {
            _pending.Enqueue(fault);
        }
    }

    public void Clear() => _pending.Clear();

    public bool TryTake(out TokenEndpointFault fault) => _pending.TryDequeue(out fault!);

    /// <summary>
    /// The answer under <paramref name="fault"/>, from <paramref name="answer"/> where the fault lets the grant run;
    /// <see langword="null"/> when the fault left nothing to write: the connection was aborted, by the fault itself or
    /// because the client gave up, or the tenant stopped, during a delay.
    /// </summary>
    public static async Task<TokenEndpointResponse?> ApplyAsync(
        TokenEndpointFault fault,
        HttpContext context,
        Func<TokenEndpointResponse> answer)
    {
        switch (fault.Kind)
        {
            case TokenEndpointFaultKind.Delay:
                return await DelayAsync(fault.DelayDuration, context) ? answer() : null;
            case TokenEndpointFaultKind.Error:
                return TokenEndpointResponse.Error(fault.StatusCode, fault.ErrorCode!, fault.Description!);
            case TokenEndpointFaultKind.RateLimited:
                return RateLimited(fault);
            case TokenEndpointFaultKind.Html:
                return TokenEndpointResponse.Raw(
                    fault.StatusCode, "text/html; charset=utf-8", HtmlPage(fault.StatusCode));
            case TokenEndpointFaultKind.TruncatedJson:
                return TokenEndpointResponse.Raw(
                    StatusCodes.Status200OK, "application/json", """{"token_type":"Bearer","expires_in":86400,"acc""");
            case TokenEndpointFaultKind.MalformedJson:
                return TokenEndpointResponse.Raw(
                    StatusCodes.Status200OK, "application/json", "token_type=Bearer; this is not JSON");
            case TokenEndpointFaultKind.MissingAccessToken:
                return TokenEndpointResponse.Json(
                    StatusCodes.Status200OK, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 86400 });
            case TokenEndpointFaultKind.MissingExpiresIn:
            {
                var response = answer();
                if (response.IssuedAccessToken)
                {
                    response.Body!.Remove("expires_in");
                }

                return response;
            }

            case TokenEndpointFaultKind.TokenType:
            {
                var response = answer();
                if (response.IssuedAccessToken)
                {
                    response.Body!["token_type"] = fault.TokenTypeValue;
                }

                return response;
            }

            case TokenEndpointFaultKind.Abort:
                context.Abort();
                return null;
            default:
                throw new InvalidOperationException($"Unknown token endpoint fault {fault}.");
        }
    }

    /// <summary>Waits; <see langword="false"/>, with the connection aborted, when the wait was cut short.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, HttpContext context)
    {
        // A stopping tenant ends the wait too; else disposing it would wait out the host's shutdown timeout.
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(delay, cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return false;
        }
    }

    private static TokenEndpointResponse RateLimited(TokenEndpointFault fault)
    {
        var response = TokenEndpointResponse.Error(fault.StatusCode, fault.ErrorCode!, fault.Description!);
        if (fault.RetryAfter is { } retryAfter)
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response
            .WithHeader("x-ratelimit-limit", fault.Limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-remaining", fault.Remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-reset", fault.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    private static string HtmlPage(int statusCode)
    {
        var title = WebUtility.HtmlEncode($"{statusCode} {ReasonPhrases.GetReasonPhrase(statusCode)}");
        return $"<!DOCTYPE html>\n<html><head><title>{title}</title></head>"
            + $"<body><h1>{title}</h1><p>The server could not handle the request.</p></body></html>\n";
    }
}
