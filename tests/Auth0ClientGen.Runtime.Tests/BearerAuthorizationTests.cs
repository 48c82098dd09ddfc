using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Runtime.Tests.Support;
using static Auth0ClientGen.Runtime.Tests.Support.AuthorizedCalls;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// The access token goes on each request as the text <c>Bearer</c> and the token, built once per token: it is the
/// token the provider returned for that request, it replaces any Authorization header already there, and a token
/// that cannot be sent as it is stops the call before anything goes out.
/// </summary>
public sealed class BearerAuthorizationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_request_carries_the_token_the_provider_returned_for_it(bool throughTheClientsOwnCache)
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var provider = new SequenceProvider("first.token", "first.token", "second.token", "first.token");
        var credentials = Wrap(provider, throughTheClientsOwnCache);

        foreach (var _ in provider.Tokens)
        {
            await SendAsync(handler, credentials);
        }

        Assert.Equal(
            ["Bearer first.token", "Bearer first.token", "Bearer second.token", "Bearer first.token"],
            handler.Requests.Select(request => request.RawAuthorization));
    }

    [Fact]
    public async Task An_equal_token_in_a_new_string_is_sent_as_well()
    {
        // Providers that read their cache from storage return a new string each time.
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var token = "abc.def";
        var provider = new SequenceProvider(token, new string(token.AsSpan()), "ghi");
        var credentials = Wrap(provider, throughTheClientsOwnCache: true);

        foreach (var _ in provider.Tokens)
        {
            await SendAsync(handler, credentials);
        }

        Assert.Equal(["Bearer abc.def", "Bearer abc.def", "Bearer ghi"], handler.Requests.Select(request => request.RawAuthorization));
    }

    [Fact]
    public async Task Clients_the_container_makes_for_one_registration_reuse_one_header_text()
    {
        // Typed clients are made anew for each resolution; the text belongs to the registration, so a client made
        // for a new scope does not build it again.
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var services = new ServiceCollection();
        services.AddAuth0ApiClient<IOrdersApi>(_ => new StaticCredentialsProvider("static.token"))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IOrdersApi>();
        var second = provider.GetRequiredService<IOrdersApi>();
        await first.GetAsync("/orders");
        await second.GetAsync("/orders");

        Assert.NotSame(first, second);
        Assert.Equal("Bearer static.token", handler.Requests[0].RawAuthorization);
        Assert.Same(handler.Requests[0].RawAuthorization, handler.Requests[1].RawAuthorization);
    }

    [Fact]
    public async Task The_token_replaces_an_authorization_header_already_on_the_request()
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        using var httpClient = new HttpClient(handler) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "orders"));
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await GeneratedClientHelpers.SendAsync(
            httpClient, new StaticCredentialsProvider("the.token"), request, new AccessTokenRequest("https://api"), default);

        Assert.Equal("Bearer the.token", Assert.Single(handler.Requests).RawAuthorization);
    }

    [Theory]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("abc\nX-Injected: 1")]
    [InlineData("two words")]
    [InlineData("tab\tbed")]
    [InlineData("nul\0led")]
    [InlineData("say \"hi\"")]
    [InlineData("comma,separated")]
    [InlineData("back\\slash")]
    [InlineData("tökén")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_token_that_cannot_be_sent_as_it_is_stops_the_call_before_anything_goes_out(string? token)
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var provider = new SequenceProvider(token);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => SendAsync(handler, Wrap(provider, throughTheClientsOwnCache: true)));

        Assert.Equal(0, handler.Count);
        Assert.Contains("The credentials provider of Shop.IOrdersApi returned an access token that cannot be sent", exception.Message);
        Assert.Contains("without the Bearer prefix", exception.Message);
        if (!string.IsNullOrEmpty(token))
        {
            Assert.DoesNotContain(token, exception.Message);
        }
    }

    [Theory]
    [InlineData("Bearer abc.def", "it starts with the Bearer prefix")]
    [InlineData(" bearer\tabc.def", "it starts with the Bearer prefix")]
    [InlineData("abc.def\n", "it holds a line break")]
    [InlineData("abc\r\nX-Injected: 1", "it holds a line break")]
    [InlineData(" abc.def", "it starts or ends with whitespace")]
    [InlineData("abc.def\u2028", "it starts or ends with whitespace")]
    [InlineData("Bearerish token", "it holds a space")]
    [InlineData("abc,def", "it holds a quote, a comma or a backslash")]
    [InlineData("abc\u007Fdef", "it holds a control character")]
    [InlineData("abc\0def", "it holds a control character")]
    [InlineData("abcdéf", "it holds a character outside ASCII")]
    [InlineData("", "it is empty")]
    public async Task The_message_says_what_is_wrong_with_the_token(string token, string problem)
    {
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => SendAsync(handler, Wrap(new SequenceProvider(token), throughTheClientsOwnCache: true)));

        Assert.Contains($"cannot be sent: {problem}", exception.Message);
    }

    [Fact]
    public async Task A_refused_token_is_refused_again_on_the_next_call()
    {
        // The check runs when the text is built; a refused token must not be remembered as if it had passed.
        var handler = new RecordingHandler(_ => TokenResponses.Api("ok"));
        var credentials = Wrap(new SequenceProvider("bad token", "bad token"), throughTheClientsOwnCache: true);

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(handler, credentials));
        }

        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("Bearer abc.def", "abc.def")]
    [InlineData("bearer abc.def", "abc.def")]
    [InlineData("Bearer a=\"b,c", "a=\"b,c")]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    public void The_sent_token_is_read_from_the_header_text_even_when_a_parser_refuses_it(string header, string? expected)
    {
        // Error messages redact the sent token; a value the header parser refuses must not escape that.
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        Assert.Equal(expected, BearerAuthorization.SentToken(request));
    }

    [Fact]
    public void A_request_without_the_header_has_no_sent_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress);

        Assert.Null(BearerAuthorization.SentToken(request));
    }

    /// <summary>Returns the given tokens in turn, one per call, as they are, without any check of its own.</summary>
    private sealed class SequenceProvider(params string?[] tokens) : ICredentialsProvider
    {
        private int _next;

        public IReadOnlyList<string?> Tokens => tokens;

        public ValueTask<string> GetAccessTokenAsync(AccessTokenRequest request, CancellationToken cancellationToken = default)
            => new(tokens[_next++]!);
    }
}
