using System;
using System.Net;
using System.Net.Http;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class ApiExceptionTests
{
    private static readonly Uri Address = new("https://api.example.com/v2/users?q=email:ada@example.com");

    [Theory]
    [InlineData(
        """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: create:users","errorCode":"insufficient_scope"}""",
        ": \"Insufficient scope, expected any of: create:users\" (insufficient_scope).")]
    [InlineData(
        """{"statusCode":404,"error":"Not Found","message":"The user does not exist."}""",
        ": \"The user does not exist.\".")]
    [InlineData(
        """{"error":"invalid_token","error_description":"The access token expired"}""",
        ": \"The access token expired\" (invalid_token).")]
    [InlineData("""{"error":"invalid_request"}""", ": \"invalid_request\".")]
    [InlineData(
        """{"type":"https://example.com/probs/name","title":"Invalid name","status":400,"detail":"Name is required"}""",
        ": \"Invalid name: Name is required\".")]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400}""", ": \"Bad Request\".")]
    public void A_json_error_body_puts_the_api_cause_in_the_message(string body, string expected)
    {
        var exception = new ApiException(HttpMethod.Post, Address, HttpStatusCode.BadRequest, "Bad Request", body);

        Assert.StartsWith(
            "POST https://api.example.com/v2/users answered 400 (Bad Request)" + expected,
            exception.Message);
        Assert.Equal(body, exception.Content);
    }

    [Theory]
    [InlineData("<html><body>message: \"Insufficient scope\"</body></html>")]
    [InlineData("Insufficient scope")]
    [InlineData("""["message"]""")]
    [InlineData("""{"message":42,"detail":{"text":"nested"}}""")]
    [InlineData("{\"message\":\"\"}")]
    [InlineData("""{"message":"cut off""")]
    [InlineData("")]
    [InlineData(null)]
    public void A_body_without_a_known_json_error_field_leaves_the_message_alone(string? body)
    {
        var exception = new ApiException(HttpMethod.Get, Address, HttpStatusCode.InternalServerError, null, body);

        Assert.Equal("GET https://api.example.com/v2/users answered 500 (InternalServerError).", exception.Message);
    }

    [Fact]
    public void A_long_or_multi_line_cause_is_cut_and_kept_on_one_line()
    {
        var cause = "First line\r\nsecond line " + new string('x', 500);
        var body = System.Text.Json.JsonSerializer.Serialize(new { message = cause });

        var exception = new ApiException(HttpMethod.Get, Address, HttpStatusCode.BadRequest, "Bad Request", body);

        var quoted = exception.Message[(exception.Message.IndexOf('"') + 1)..exception.Message.LastIndexOf('"')];
        Assert.StartsWith("First line  second line xxx", quoted);
        Assert.EndsWith("…", quoted);
        Assert.InRange(quoted.Length, 150, 201);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void The_message_leaves_out_user_information_query_and_fragment()
    {
        var address = new Uri("http://admin:hunter2@api.example.com:8080/v2/users?key=private#part");

        var exception = new ApiException(HttpMethod.Delete, address, HttpStatusCode.NotFound, "Not Found", null);

        Assert.Equal("DELETE http://api.example.com:8080/v2/users answered 404 (Not Found).", exception.Message);
        Assert.Equal(address, exception.RequestUri);
    }

    [Fact]
    public void A_relative_address_loses_its_query_and_fragment()
    {
        var address = new Uri("/v2/users?key=private#part", UriKind.Relative);

        var exception = new ApiException(HttpMethod.Get, address, HttpStatusCode.NotFound, "Not Found", null);

        Assert.Equal("GET /v2/users answered 404 (Not Found).", exception.Message);
    }
}
