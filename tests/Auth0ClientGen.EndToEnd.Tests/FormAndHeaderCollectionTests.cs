using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public sealed class NewsletterForm
{
    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    [AliasAs("plan_code")]
    public int? Plan { get; set; }

    public List<string>? Topics { get; set; }
}

[Auth0Api(BaseUrl = "https://forms.example")]
[Headers("X-Source: sdk")]
public interface IFormsApi
{
    [Post("/subscribe")]
    Task SubscribeAsync([Body(BodySerializationMethod.UrlEncoded)] NewsletterForm form);

    [Post("/revoke")]
    Task RevokeAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string?> fields);

    [Get("/profile")]
    Task<string> GetProfileAsync([HeaderCollection] IDictionary<string, string> headers, [Header("X-Trace")] string? trace = null);

    [Post("/upload")]
    Task UploadAsync([Body] string text, [HeaderCollection] IDictionary<string, string> headers);
}

/// <summary>Form bodies and header collections, checked on the wire.</summary>
public class FormAndHeaderCollectionTests
{
    private readonly CapturingHandler _handler = new();
    private readonly IFormsApi _client;

    public FormAndHeaderCollectionTests()
        => _client = new FormsApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));

    [Fact]
    public async Task AnObjectFormHasOneFieldPerPropertyNamedLikeTheQuery()
    {
        await _client.SubscribeAsync(new NewsletterForm { Email = "a+b@example.com", Plan = 3, Topics = ["news", "offers"] });

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("email=a%2Bb%40example.com&plan_code=3&Topics=news%2Coffers", request.Body);
    }

    [Fact]
    public async Task ADictionaryFormHasOneFieldPerEntryAndLeavesOutNulls()
    {
        await _client.RevokeAsync(new Dictionary<string, string?> { ["token"] = "abc def", ["hint"] = null });

        Assert.Equal("token=abc+def", Assert.Single(_handler.Requests).Body);
    }

    [Fact]
    public async Task AHeaderCollectionAddsItsEntriesAndReplacesFixedHeaders()
    {
        await _client.GetProfileAsync(new Dictionary<string, string> { ["X-Source"] = "override", ["X-Tenant"] = "acme" }, trace: "t-1");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("override", request.Headers["X-Source"]);
        Assert.Equal("acme", request.Headers["X-Tenant"]);
        Assert.Equal("t-1", request.Headers["X-Trace"]);
    }

    [Fact]
    public async Task AHeaderCollectionSetsContentHeadersOnTheBody()
    {
        await _client.UploadAsync("hello", new Dictionary<string, string> { ["Content-Language"] = "en" });

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("hello", request.Body);
        Assert.Equal("en", request.ContentHeaders["Content-Language"]);
        Assert.False(request.Headers.ContainsKey("Content-Language"));
    }

    [Fact]
    public async Task ANullEntryInAHeaderCollectionLeavesOutTheFixedHeaderToo()
    {
        await _client.GetProfileAsync(new Dictionary<string, string> { ["X-Source"] = null! });

        Assert.False(Assert.Single(_handler.Requests).Headers.ContainsKey("X-Source"));
    }

    [Theory]
    [InlineData("Authorization", "Bearer other")]
    [InlineData("X Bad", "1")]
    [InlineData("X-Line", "a\r\nX-Evil: 1")]
    [InlineData("Content-Type", "text/plain")]
    public async Task AHeaderCollectionRefusesWhatWouldBeUnsafeBeforeSending(string name, string value)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => _client.GetProfileAsync(new Dictionary<string, string> { [name] = value }));

        Assert.DoesNotContain(value, exception.Message);
        Assert.Empty(_handler.Requests);
    }
}
