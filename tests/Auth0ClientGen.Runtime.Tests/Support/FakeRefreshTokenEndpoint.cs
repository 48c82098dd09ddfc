using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>
/// An in-memory token endpoint for the refresh token grant that behaves like Auth0's with rotation: each refresh
/// token is accepted once, and presenting a spent one is reuse, answered with invalid_grant.
/// </summary>
internal sealed class FakeRefreshTokenEndpoint
{
    public const string InitialRefreshToken = "rt-initial-NEVER-print-me";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _spent = [];
    private string? _current = InitialRefreshToken;
    private int _issued;
    private int _inFlight;

    /// <summary>Whether each answer carries a new refresh token.</summary>
    public bool Rotate { get; set; } = true;

    public int ExpiresIn { get; set; } = 3600;

    /// <summary>Yields before answering, so concurrent callers get the chance to overlap.</summary>
    public bool Yield { get; set; }

    /// <summary>When set, requests wait for it before they are answered.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completes when the first request arrives.</summary>
    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ReuseCount { get; private set; }

    public int MaxConcurrentRequests { get; private set; }

    public int Issued => Volatile.Read(ref _issued);

    public async Task<HttpResponseMessage> RespondAsync(RecordedRequest request)
    {
        var concurrent = Interlocked.Increment(ref _inFlight);
        try
        {
            lock (_gate)
            {
                MaxConcurrentRequests = Math.Max(MaxConcurrentRequests, concurrent);
            }

            FirstRequest.TrySetResult();
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            if (Yield)
            {
                await Task.Yield();
            }

            return Answer(request.Form);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private HttpResponseMessage Answer(IReadOnlyDictionary<string, string> form)
    {
        lock (_gate)
        {
            var presented = form["refresh_token"];
            if (_spent.Contains(presented))
            {
                // Auth0 revokes the whole family when a spent refresh token comes back.
                ReuseCount++;
                _current = null;
                return InvalidGrant();
            }

            if (presented != _current)
            {
                return InvalidGrant();
            }

            var number = ++_issued;
            var audience = form["audience"];
            var body = new Dictionary<string, object>
            {
                ["access_token"] = $"at-{number}-{audience}",
                ["token_type"] = "Bearer",
                ["expires_in"] = ExpiresIn,
            };
            if (form.TryGetValue("scope", out var scope))
            {
                body["scope"] = scope;
            }

            if (Rotate)
            {
                _spent.Add(presented);
                _current = $"rt-{number}-NEVER-print-me";
                body["refresh_token"] = _current;
            }

            return TokenResponses.Json(HttpStatusCode.OK, JsonSerializer.Serialize(body));
        }
    }

    private static HttpResponseMessage InvalidGrant()
        => TokenResponses.Error(HttpStatusCode.Forbidden, "invalid_grant", "Unknown or invalid refresh token.");
}
