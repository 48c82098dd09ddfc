using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

/// <summary>Problem details and Bearer challenges are read into ApiException's properties and message.</summary>
public sealed class ApiProblemAndChallengeTests
{
    private const string AccessToken = "eyJ.problem-token.NEVER-print-me";
    private static readonly Uri Address = new("https://api.example.com/v2/orders");

    [Fact]
    public async Task A_problem_details_body_is_parsed_with_its_extensions_and_the_token_redacted()
    {
        var body = $$"""
            {"type":"https://example.com/probs/out-of-credit","title":"Out of credit","status":403,
             "detail":"Your balance is 30, but that costs 50","instance":"/account/12345/msgs/abc",
             "balance":30,"accounts":["/account/12345"],"echo":"{{AccessToken}}"}
            """;
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/problem+json"),
        });

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler));

        var problem = Assert.IsType<ApiProblem>(exception.Problem);
        Assert.Equal("https://example.com/probs/out-of-credit", problem.Type);
        Assert.Equal("Out of credit", problem.Title);
        Assert.Equal(403, problem.Status);
        Assert.Equal("Your balance is 30, but that costs 50", problem.Detail);
        Assert.Equal("/account/12345/msgs/abc", problem.Instance);
        Assert.Equal(30, problem.Extensions["balance"].GetInt32());
        Assert.Equal("/account/12345", problem.Extensions["accounts"][0].GetString());
        Assert.Equal("[redacted]", problem.Extensions["echo"].GetString());
        Assert.Contains(": \"Out of credit: Your balance is 30, but that costs 50\".", exception.Message);
        Assert.DoesNotContain(AccessToken, exception.ToString());
    }

    [Theory]
    [InlineData("""{"error":"invalid_request","message":"bad"}""")]
    [InlineData("""{"status":"400"}""")]
    [InlineData("""[{"title":"in an array"}]""")]
    [InlineData("""{"title":"cut""")]
    [InlineData("<html>title</html>")]
    [InlineData(null)]
    public void A_body_without_problem_members_has_no_problem(string? body)
    {
        var exception = new ApiException(HttpMethod.Get, Address, HttpStatusCode.BadRequest, null, body);

        Assert.Null(exception.Problem);
    }

    [Fact]
    public void A_problem_with_only_a_status_is_still_a_problem_and_has_no_extensions()
    {
        var exception = new ApiException(HttpMethod.Get, Address, HttpStatusCode.BadRequest, null, """{"status":400}""");

        Assert.Equal(400, exception.Problem?.Status);
        Assert.Empty(exception.Problem!.Extensions);
    }

    [Fact]
    public async Task An_insufficient_scope_challenge_names_the_scope_and_says_how_to_grant_it()
    {
        var handler = new RecordingHandler(_ => Challenge(
            HttpStatusCode.Forbidden,
            "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"Needs \\\"write\\\" access\", scope=\"write:orders read:orders\""));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler));

        Assert.Equal("insufficient_scope", exception.AuthenticateError);
        Assert.Equal("Needs \"write\" access", exception.AuthenticateErrorDescription);
        Assert.Equal("write:orders read:orders", exception.RequiredScope);
        Assert.Contains("\"Needs \"write\" access\" (insufficient_scope)", exception.Message);
        Assert.Contains("lacks the scope this endpoint needs (\"write:orders read:orders\")", exception.Message);
        Assert.Contains("Auth0 dashboard", exception.Message);
        Assert.Contains("[Scopes(...)]", exception.Message);
    }

    [Fact]
    public async Task An_invalid_token_challenge_is_read_on_a_401()
    {
        var handler = new RecordingHandler(_ => Challenge(
            HttpStatusCode.Unauthorized, "Bearer error=invalid_token, error_description=\"The token expired\""));

        var exception = await Assert.ThrowsAsync<ApiException>(() => SendAsync(handler));

        Assert.Equal("invalid_token", exception.AuthenticateError);
        Assert.Equal("The token expired", exception.AuthenticateErrorDescription);
        Assert.Null(exception.RequiredScope);
        Assert.Contains("The API rejected the access token", exception.Message);
    }

    [Fact]
    public void Challenges_are_ignored_on_other_statuses_and_other_schemes()
    {
        var challenges = new[] { new AuthenticationHeaderValue("Bearer", "error=\"insufficient_scope\"") };
        var basic = new[] { new AuthenticationHeaderValue("Basic", "realm=\"api\"") };

        var notFound = new ApiException(HttpMethod.Get, Address, HttpStatusCode.NotFound, null, null, false, challenges);
        var otherScheme = new ApiException(HttpMethod.Get, Address, HttpStatusCode.Forbidden, null, null, false, basic);

        Assert.Null(notFound.AuthenticateError);
        Assert.Null(otherScheme.AuthenticateError);
        Assert.DoesNotContain("[Scopes(...)]", otherScheme.Message);
    }

    private static async Task<HttpResponseMessage> SendAsync(RecordingHandler handler)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Address);
        return await GeneratedClientHelpers.SendAsync(
            new HttpClient(handler), new StaticCredentialsProvider(AccessToken), request, new AccessTokenRequest(null), default);
    }

    private static HttpResponseMessage Challenge(HttpStatusCode status, string challenge)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        return response;
    }
}
