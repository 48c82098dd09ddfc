using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;
using Auth0ClientGen.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>
/// API clients follow redirects themselves: the token stays on the original scheme, host and port, https never
/// becomes http, and the number of redirects is bounded.
/// </summary>
public sealed class AuthorizationRedirectTests : IAsyncLifetime
{
    private const string AccessToken = "eyJ.redirect-token.NEVER-print-me";

    private LoopbackServer _api = null!;
    private LoopbackServer _elsewhere = null!;
    private string? _apiRedirectTarget;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _apiAuthorizations = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _elsewhereAuthorizations = new();

    public async Task InitializeAsync()
    {
        _elsewhere = await LoopbackServer.StartAsync(async context =>
        {
            _elsewhereAuthorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
            await context.Response.WriteAsync("elsewhere");
        });
        _api = await LoopbackServer.StartAsync(async context =>
        {
            _apiAuthorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
            if (context.Request.Path == "/start" && _apiRedirectTarget is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = target;
                return;
            }

            if (context.Request.Path.StartsWithSegments("/loop"))
            {
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = "/loop";
                return;
            }

            await context.Response.WriteAsync("api");
        });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task A_redirect_to_another_host_arrives_without_the_token()
    {
        _apiRedirectTarget = new Uri(_elsewhere.Origin, "/landing").AbsoluteUri;
        var client = CreateClient();

        var body = await client.GetAsync("/start");

        Assert.Equal("elsewhere", body);
        Assert.Equal($"Bearer {AccessToken}", Assert.Single(_apiAuthorizations));
        Assert.Null(Assert.Single(_elsewhereAuthorizations));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_redirect_on_the_same_host_keeps_the_token_whatever_the_primary_handler(bool autoRedirectingPrimary)
    {
        // SocketsHttpHandler drops Authorization on every redirect it follows, so a kept token shows that the
        // primary handler's redirects are off and ours followed it.
        _apiRedirectTarget = "/landing";
        var client = CreateClient(autoRedirectingPrimary);

        var body = await client.GetAsync("/start");

        Assert.Equal("api", body);
        Assert.Equal([$"Bearer {AccessToken}", $"Bearer {AccessToken}"], _apiAuthorizations);
    }

    [Fact]
    public async Task Redirects_are_bounded()
    {
        var client = CreateClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/loop"));

        Assert.Equal(AuthorizationRedirectHandler.MaxRedirects + 1, _api.RequestCount);
        Assert.Contains($"redirected more than {AuthorizationRedirectHandler.MaxRedirects} times", exception.Message);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused()
    {
        var primary = new RecordingHandler(_ => Redirect(HttpStatusCode.Found, "http://localhost:9/downgraded"));
        using var invoker = new HttpMessageInvoker(new AuthorizationRedirectHandler(null) { InnerHandler = primary });

        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => invoker.SendAsync(Authorized(HttpMethod.Get, "https://api.example.com/start"), default));

        Assert.Contains("redirect to plain http", exception.Message);
        Assert.Single(primary.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.SeeOther, "POST", "GET", null)]
    [InlineData(HttpStatusCode.Found, "POST", "GET", null)]
    [InlineData(HttpStatusCode.MovedPermanently, "POST", "GET", null)]
    [InlineData(HttpStatusCode.Found, "PUT", "PUT", "{\"id\":1}")]
    [InlineData(HttpStatusCode.TemporaryRedirect, "POST", "POST", "{\"id\":1}")]
    [InlineData(HttpStatusCode.PermanentRedirect, "POST", "POST", "{\"id\":1}")]
    public async Task The_method_and_body_change_as_the_status_says(
        HttpStatusCode status,
        string method,
        string expectedMethod,
        string? expectedBody)
    {
        var primary = new RecordingHandler(request => request.RequestUri.AbsolutePath == "/start"
            ? Redirect(status, "/next")
            : TokenResponses.Api("ok"));
        using var invoker = new HttpMessageInvoker(new AuthorizationRedirectHandler(null) { InnerHandler = primary });
        var request = Authorized(new HttpMethod(method), "https://api.example.com/start");
        request.Content = new StringContent("{\"id\":1}", Encoding.UTF8, "application/json");

        using var response = await invoker.SendAsync(request, default);

        var followed = primary.Requests[1];
        Assert.Equal(expectedMethod, followed.Method.Method);
        Assert.Equal(expectedBody, followed.Body);
        Assert.Equal(new Uri("https://api.example.com/next"), followed.RequestUri);
        Assert.Equal(AccessToken, followed.Authorization?.Parameter);
    }

    [Fact]
    public async Task A_307_whose_body_cannot_be_sent_again_is_handed_back_unfollowed()
    {
        var primary = new RecordingHandler(_ => Redirect(HttpStatusCode.TemporaryRedirect, "/next"));
        using var invoker = new HttpMessageInvoker(new AuthorizationRedirectHandler(null) { InnerHandler = primary });
        var request = Authorized(HttpMethod.Post, "https://api.example.com/start");
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("once")));

        using var response = await invoker.SendAsync(request, default);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Single(primary.Requests);
    }

    [Fact]
    public async Task A_token_dropped_on_leaving_the_host_stays_dropped_when_a_redirect_comes_back()
    {
        var primary = new RecordingHandler(request => request.RequestUri.AbsolutePath switch
        {
            "/start" => Redirect(HttpStatusCode.Found, "https://other.example.com/bounce"),
            "/bounce" => Redirect(HttpStatusCode.Found, "https://api.example.com/back"),
            _ => TokenResponses.Api("ok"),
        });
        using var invoker = new HttpMessageInvoker(new AuthorizationRedirectHandler(null) { InnerHandler = primary });

        using var response = await invoker.SendAsync(Authorized(HttpMethod.Get, "https://api.example.com/start"), default);

        Assert.Equal([AccessToken, null, null], primary.Requests.Select(request => request.Authorization?.Parameter));
    }

    [Fact]
    public async Task A_header_its_parser_refuses_is_still_dropped_on_leaving_the_host()
    {
        // Headers.Authorization reads null for this text, so a check through it would let it travel on.
        string? sentElsewhere = "(no request)";
        var primary = new RecordingHandler(request =>
        {
            if (request.RequestUri.Host == "other.example.com")
            {
                sentElsewhere = request.RawAuthorization;
            }

            return request.RequestUri.AbsolutePath == "/start"
                ? Redirect(HttpStatusCode.Found, "https://other.example.com/landing")
                : TokenResponses.Api("ok");
        });
        using var invoker = new HttpMessageInvoker(new AuthorizationRedirectHandler(null) { InnerHandler = primary });
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/start");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer secret=\"quoted");
        Assert.Null(request.Headers.Authorization);

        using var response = await invoker.SendAsync(request, default);

        Assert.Equal("Bearer secret=\"quoted", primary.Requests[0].RawAuthorization);
        Assert.Null(sentElsewhere);
    }

    private IFakeApi CreateClient(bool autoRedirectingPrimary = false)
    {
        var services = new ServiceCollection();
        var builder = services.AddAuth0ApiClient<IBillingApi>(
            _ => new StaticCredentialsProvider(AccessToken),
            options => options.BaseUrl = _api.Origin.AbsoluteUri);
        if (autoRedirectingPrimary)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
        }

        return services.BuildServiceProvider().GetRequiredService<IBillingApi>();
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string address)
        => new(method, address) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", AccessToken) } };

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
        => new(status) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };
}
