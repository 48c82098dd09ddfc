using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Runtime.Tests.Support;
using static Auth0ClientGen.Runtime.Tests.Support.AuthorizedCalls;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// The request path under hostile or unusual input: the bearer header added as text, its per-client and shared
/// caches, the redaction of sent tokens, foreign 401s, and the synchronous quick path of ReadJsonAsync.
/// </summary>
public sealed class RequestPathHardeningTests
{
    private const string First = "eyJ.first-token.NEVER-print-me";
    private const string Second = "eyJ.second-token.NEVER-print-me";

    // ---------------------------------------------------------------- tokens

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_rejection_the_retry_carries_the_new_token_and_the_error_redacts_both(bool throughTheClientsOwnCache)
    {
        var calls = 0;
        var handler = new RecordingHandler(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return TokenResponses.InvalidToken();
            }

            var failed = new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                ReasonPhrase = $"saw {First} then {Second}",
                Content = new StringContent($"{{\"a\":\"{First}\",\"b\":\"{Second}\"}}", Encoding.UTF8, "application/json"),
            };
            failed.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer", $"error_description=\"{First} {Second}\""));
            return failed;
        });
        var credentials = Wrap(
            new DelegateCredentialsProvider((request, _) => ValueTask.FromResult(request.ForceRenewal ? Second : First)),
            throughTheClientsOwnCache);

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler, credentials, withBody: true));

        Assert.Equal(["Bearer " + First, "Bearer " + Second], handler.Requests.Select(r => r.RawAuthorization));
        foreach (var token in new[] { First, Second })
        {
            Assert.DoesNotContain(token, exception.Message);
            Assert.DoesNotContain(token, exception.ToString());
            Assert.DoesNotContain(token, exception.Content ?? string.Empty);
            Assert.DoesNotContain(token, exception.AuthenticateErrorDescription ?? string.Empty);
        }
    }

    [Fact]
    public async Task After_a_rejection_an_ApiResponse_error_redacts_both_tokens()
    {
        var calls = 0;
        var handler = new RecordingHandler(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return TokenResponses.InvalidToken();
            }

            return new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                ReasonPhrase = $"saw {First} then {Second}",
                Content = new StringContent($"{{\"a\":\"{First}\",\"b\":\"{Second}\"}}", Encoding.UTF8, "application/json"),
            };
        });
        var credentials = Wrap(
            new DelegateCredentialsProvider((request, _) => ValueTask.FromResult(request.ForceRenewal ? Second : First)),
            throughTheClientsOwnCache: true);

        using var httpClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "orders"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        var response = await GeneratedClientHelpers.SendAsync(
            httpClient, credentials, request, new AccessTokenRequest("https://api"), acceptErrorStatus: true, default);
        using var result = await GeneratedClientHelpers.ReadApiResponseAsync<JsonElement>(
            response, GeneratedClientHelpers.DefaultJsonOptions, default);

        var error = Assert.IsType<ApiException>(result.Error);
        foreach (var token in new[] { First, Second })
        {
            Assert.DoesNotContain(token, error.Message);
            Assert.DoesNotContain(token, error.Content ?? string.Empty);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_calls_with_different_tokens_each_carry_their_own(bool throughTheClientsOwnCache)
    {
        // The provider returns a token chosen by the request's marker; the handler checks the pair.
        var mismatches = new ConcurrentQueue<string>();
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var checking = new CheckingHandler(mismatches) { InnerHandler = handler };
        var providers = Enumerable.Range(0, 4)
            .Select(i => Wrap(new ThreadTokenProvider(), throughTheClientsOwnCache))
            .ToArray();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            using var httpClient = new HttpClient(checking, disposeHandler: false) { BaseAddress = BaseAddress };
            for (var i = 0; i < 200; i++)
            {
                var token = $"tok-{worker}-{i % 3}";
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "orders"));
                request.Headers.TryAddWithoutValidation("X-Expected", token);
                ThreadTokenProvider.Current.Value = token;
                using var response = await GeneratedClientHelpers.SendAsync(
                    httpClient, providers[worker % providers.Length], request, new AccessTokenRequest("https://api"), default);
            }
        })));

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task A_very_long_token_is_sent_whole_and_redacted()
    {
        var token = "eyJ." + new string('a', 200_000) + ".NEVER";
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("you sent " + token, Encoding.UTF8, "text/plain"),
        });

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => SendAsync(handler, Wrap(new StaticCredentialsProvider(token), true), withBody: false));

        Assert.Equal("Bearer " + token, Assert.Single(handler.Requests).RawAuthorization);
        Assert.DoesNotContain(token, exception.Content ?? string.Empty);
    }

    [Theory]
    [InlineData("abc\u2028def")]
    [InlineData("abc\u0085def")]
    [InlineData("abc\rdef")]
    [InlineData("abc\u007Fdef")]
    [InlineData("abc\uFF0Cdef")]
    [InlineData(" abc")]
    [InlineData("abc ")]
    public async Task Other_unsendable_tokens_are_refused_too(string token)
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => SendAsync(handler, Wrap(new DelegateCredentialsProvider((_, _) => ValueTask.FromResult(token)), false), withBody: false));
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_token_that_was_valid_then_a_bad_one_on_the_shared_instance_is_still_refused()
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var tokens = new[] { "good.token", "bad\r\nX-Injected: 1", "good.token" };
        var next = 0;
        var credentials = new DelegateCredentialsProvider((_, _) => ValueTask.FromResult(tokens[next++]));

        await SendAsync(handler, credentials, withBody: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(handler, credentials, withBody: false));
        await SendAsync(handler, credentials, withBody: false);

        Assert.Equal(["Bearer good.token", "Bearer good.token"], handler.Requests.Select(r => r.RawAuthorization));
    }

    [Fact]
    public async Task Over_a_real_socket_the_server_sees_exactly_one_authorization_header_with_the_token()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            seen.Enqueue(string.Join("|", context.Request.Headers.Authorization.ToArray()));
            context.Response.StatusCode = 200;
            return context.Response.WriteAsync("{}");
        });
        var baseAddress = new Uri(server.Origin, "/api/");
        using var httpClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "ZGVmYXVsdDpkZWZhdWx0");
        var credentials = new ApiCredentialsProvider(
            new StaticCredentialsProvider("a.b-c_d~e+f/g=h!#$%&'()*:;<>?@[]^`{|}"),
            TokenDestinations.BaseAddressOnly,
            "Shop.IOrdersApi",
            null,
            new BearerAuthorization());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "orders"));

        using var response = await GeneratedClientHelpers.SendAsync(
            httpClient, credentials, request, new AccessTokenRequest("https://api"), default);

        Assert.Equal(["Bearer a.b-c_d~e+f/g=h!#$%&'()*:;<>?@[]^`{|}"], seen);
    }

    [Fact]
    public async Task Through_the_registered_pipeline_a_same_origin_redirect_carries_the_token_unchanged_and_nothing_logs_it()
    {
        const string token = "eyJ.a-b_c~d+e/f=g!#$%&'()*:;<>?@[]^`{|}.NEVER-print-me";
        var seen = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            seen.Enqueue(context.Request.Path + " " + string.Join("|", context.Request.Headers.Authorization.ToArray()));
            if (context.Request.Path == "/start")
            {
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = "/landing";
                return Task.CompletedTask;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("bad " + token);
        });
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddAuth0ApiClient<IBillingApi>(
            _ => new StaticCredentialsProvider(token),
            options => options.BaseUrl = server.Origin.AbsoluteUri);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBillingApi>();

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("/start"));

        Assert.Equal(["/start Bearer " + token, "/landing Bearer " + token], seen);
        Assert.DoesNotContain(token, exception.ToString());
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.All(logs, record => Assert.DoesNotContain(token, record.ToString()));
    }

    [Fact]
    public async Task A_401_from_an_origin_that_never_saw_the_token_does_not_force_a_renewal()
    {
        // The token was taken off on leaving the origin, so the other origin's 401 says nothing about it and must not
        // make the provider renew it (a call to the token endpoint) on that origin's word.
        var forced = 0;
        var primary = new RecordingHandler(request =>
        {
            if (request.RequestUri.Host == "api.example.com")
            {
                return new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://other.example.com/x") } };
            }

            return TokenResponses.InvalidToken();
        });
        using var httpClient = new HttpClient(new AuthorizationRedirectHandler(null) { InnerHandler = primary }) { BaseAddress = BaseAddress };
        var credentials = new DelegateCredentialsProvider((request, _) =>
        {
            if (request.ForceRenewal)
            {
                Interlocked.Increment(ref forced);
            }

            return ValueTask.FromResult(First);
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "orders"));

        await Assert.ThrowsAsync<ApiException>(() => GeneratedClientHelpers.SendAsync(
            httpClient, credentials, request, new AccessTokenRequest("https://api"), default));

        Assert.Equal([("api.example.com", "Bearer " + First), ("other.example.com", null)],
            primary.Requests.Take(2).Select(r => (r.RequestUri.Host, r.RawAuthorization)));
        Assert.Equal(0, forced);
    }

    [Fact]
    public async Task Through_the_registered_pipeline_a_rejected_token_is_renewed_and_neither_token_is_logged_or_quoted()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var sent = string.Join("|", context.Request.Headers.Authorization.ToArray());
            seen.Enqueue(sent);
            if (sent == "Bearer " + First)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{First}\"";
                return Task.CompletedTask;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", error_description=\"{First} {Second}\"";
            return context.Response.WriteAsync($"first {First} second {Second}");
        });
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddAuth0ApiClient<IBillingApi>(
            _ => new DelegateCredentialsProvider((request, _) => ValueTask.FromResult(request.ForceRenewal ? Second : First)),
            options => options.BaseUrl = server.Origin.AbsoluteUri);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBillingApi>();

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync("/orders"));

        Assert.Equal(["Bearer " + First, "Bearer " + Second], seen);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        foreach (var token in new[] { First, Second })
        {
            Assert.DoesNotContain(token, exception.ToString());
            Assert.DoesNotContain(token, exception.Content ?? string.Empty);
            Assert.DoesNotContain(token, exception.AuthenticateErrorDescription ?? string.Empty);
            Assert.All(logs, record => Assert.DoesNotContain(token, record.ToString() + record.Exception));
        }
    }

    // ---------------------------------------------------------------- ReadJsonAsync

    [Fact]
    public void ReadJsonAsync_does_not_throw_synchronously_when_closing_the_body_fails()
    {
        // An async method never throws from the call itself; callers such as ReadApiResponseAsync rely on that.
        var response = Body(new ThrowingDisposalStream(Encoding.UTF8.GetBytes("""{"name":"Ada","padding":"xxxxxxxxxx"}""")));

        var thrown = Record.Exception(() =>
        {
            _ = GeneratedClientHelpers.ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, default);
        });

        Assert.Null(thrown);
    }

    [Fact]
    public async Task ReadApiResponseAsync_disposes_the_response_when_closing_the_body_fails()
    {
        var content = new StreamBodyContent(new ThrowingDisposalStream(Encoding.UTF8.GetBytes("""{"name":"Ada","padding":"xxxxxxxxxx"}""")));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress);

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            using var result = await GeneratedClientHelpers.ReadApiResponseAsync<Person>(
                response, GeneratedClientHelpers.DefaultJsonOptions, default);
        });

        Assert.True(content.WasDisposed, "the response (and its content) was left open");
    }

    [Fact]
    public async Task A_read_that_faults_synchronously_keeps_its_type_and_closes_the_body()
    {
        var stream = new FaultingStream(Encoding.UTF8.GetBytes(new string(' ', 40)));
        var response = Body(stream);
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress);

        await Assert.ThrowsAsync<IOException>(() => GeneratedClientHelpers
            .ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, default).AsTask());
        Assert.True(stream.WasDisposed);
    }

    [Fact]
    public async Task A_cancelled_token_before_reading_a_buffered_body_cancels_and_closes_the_body()
    {
        var stream = new TrackingStream(Encoding.UTF8.GetBytes("""{"name":"Ada","padding":"xxxxxxxxxx"}"""));
        var response = Body(stream);
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GeneratedClientHelpers
            .ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, cancelled.Token).AsTask());
        Assert.True(stream.WasDisposed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_padded_json_null_for_a_value_type_follows_the_documented_null_rule(bool allowNull)
    {
        // Documented: with allowNull a JSON null gives default, without it an InvalidOperationException, whatever the
        // whitespace around it (System.Text.Json itself fails on null for a value type, as on malformed JSON).
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("null" + new string(' ', 40), Encoding.UTF8, "application/json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress),
        };

        var reading = GeneratedClientHelpers.ReadJsonAsync<int>(response, GeneratedClientHelpers.DefaultJsonOptions, allowNull, default).AsTask();

        if (allowNull)
        {
            Assert.Equal(0, await reading);
        }
        else
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => reading);
        }
    }

    [Fact]
    public async Task A_HEAD_answer_over_a_real_socket_with_a_long_content_length_has_no_body()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 100;
            return Task.CompletedTask;
        });
        using var httpClient = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(server.Origin, "/x"));
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Null(await GeneratedClientHelpers.ReadJsonAsync<Person?>(response, GeneratedClientHelpers.DefaultJsonOptions, true, default));
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => GeneratedClientHelpers
            .ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, default).AsTask());
        Assert.Contains("had no body", exception.Message);
    }

    [Fact]
    public async Task Cancelling_while_a_read_waits_cancels_and_closes_the_body()
    {
        var stream = new GatedStream(Encoding.UTF8.GetBytes("""{"name":"Ada","padding":"xxxxxxxxxx"}"""));
        var response = Body(stream);
        using var cancelling = new CancellationTokenSource();

        var reading = GeneratedClientHelpers.ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, cancelling.Token).AsTask();
        Assert.False(reading.IsCompleted);
        cancelling.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(stream.WasDisposed);
    }

    [Fact]
    public async Task A_disposal_that_faults_without_throwing_from_the_call_keeps_its_type()
    {
        var stream = new FaultedDisposalStream(Encoding.UTF8.GetBytes("""{"name":"Ada","padding":"xxxxxxxxxx"}"""));
        var response = Body(stream);

        var reading = GeneratedClientHelpers.ReadJsonAsync<Person>(response, GeneratedClientHelpers.DefaultJsonOptions, false, default);

        await Assert.ThrowsAsync<IOException>(() => reading.AsTask());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("   null   ")]
    public async Task A_nullable_value_type_reads_a_missing_or_null_body_as_null(string body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress),
        };

        Assert.Null(await GeneratedClientHelpers.ReadJsonAsync<int?>(response, GeneratedClientHelpers.DefaultJsonOptions, true, default));
        using var noContent = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress) };
        Assert.Null(await GeneratedClientHelpers.ReadJsonAsync<int?>(noContent, GeneratedClientHelpers.DefaultJsonOptions, true, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => GeneratedClientHelpers
            .ReadJsonAsync<int>(noContent, GeneratedClientHelpers.DefaultJsonOptions, false, default).AsTask());
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponseMessage Body(Stream body)
    {
        var content = new StreamBodyContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = new HttpRequestMessage(HttpMethod.Get, BaseAddress) };
    }

    public sealed record Person(string Name);

    private sealed class ThreadTokenProvider : ICredentialsProvider
    {
        public static readonly AsyncLocal<string> Current = new();

        public async ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
        {
            if (Random.Shared.Next(4) == 0)
            {
                await Task.Yield();
            }

            return new string(Current.Value.AsSpan());
        }
    }

    private sealed class CheckingHandler(ConcurrentQueue<string> mismatches) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var expected = request.Headers.GetValues("X-Expected").Single();
            var sent = request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? values.ToString() : null;
            if (sent != "Bearer " + expected)
            {
                mismatches.Enqueue($"{expected} -> {sent}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private class TrackingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public bool WasDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            WasDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A body whose DisposeAsync throws from the call, as a hand-written non-async override does.</summary>
    private sealed class ThrowingDisposalStream(byte[] bytes) : TrackingStream(bytes)
    {
        public override ValueTask DisposeAsync()
        {
            Dispose();
            throw new IOException("closing the body failed");
        }
    }

    private sealed class GatedStream(byte[] bytes) : TrackingStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    private sealed class FaultedDisposalStream(byte[] bytes) : TrackingStream(bytes)
    {
        public override ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.FromException(new IOException("closing the body failed"));
        }
    }

    private sealed class FaultingStream(byte[] bytes) : TrackingStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromException<int>(new IOException("connection reset"));

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");
    }
}
