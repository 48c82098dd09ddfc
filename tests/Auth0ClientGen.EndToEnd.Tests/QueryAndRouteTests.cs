using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public enum TicketStatus
{
    [JsonStringEnumMemberName("in-progress")]
    InProgress,

    [EnumMember(Value = "done")]
    Done,

    Open,
}

public sealed class TicketFilter
{
    public string? Text { get; set; }

    [JsonPropertyName("page_size")]
    public int PageSize { get; set; }

    [AliasAs("state")]
    public TicketStatus? Status { get; set; }

    public List<string>? Tags { get; set; }

    [JsonIgnore]
    public string? Internal { get; set; }
}

public sealed record Ticket(int Id, string Project);

public sealed class CountFilter
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? Count { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Limit { get; set; }

    [System.Obsolete("Gone.", true)]
    public string? Retired { get; set; }
}

public interface IHasProject
{
    string Project { get; }
}

public interface IProjectTicket : IHasProject
{
    int Id { get; }
}

[Auth0Api(BaseUrl = "https://tickets.example/api/")]
public interface ITicketsApi
{
    [Get("/tickets")]
    Task<string> SearchAsync(
        [Query(CollectionFormat.Csv)] int[]? ids = null,
        IEnumerable<TicketStatus>? statuses = null,
        [Query(CollectionFormat.Pipes)] List<string>? labels = null,
        [Query("_", "f")] TicketFilter? filter = null);

    [Get("/projects/{ticket.Project}/tickets/{ticket.Id}")]
    Task<string> GetAsync(Ticket ticket);

    [Get("/counts")]
    Task<string> CountAsync([Query] CountFilter filter);

    [Get("/projects/{ticket.Project}/items/{ticket.Id}")]
    Task<string> GetByInterfaceAsync(IProjectTicket ticket);

    [Get("/attachments/{**path}")]
    Task<string> GetAttachmentAsync(string path, TicketStatus status);
}

/// <summary>Collections, flattened objects, enum names, property placeholders and catch-all routes on the wire.</summary>
public class QueryAndRouteTests
{
    private readonly CapturingHandler _handler = new();
    private readonly ITicketsApi _client;

    public QueryAndRouteTests()
        => _client = new TicketsApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));

    [Fact]
    public async Task CollectionsAreWrittenInTheirFormats()
    {
        await _client.SearchAsync(
            ids: [1, 2, 3],
            statuses: [TicketStatus.InProgress, TicketStatus.Done, TicketStatus.Open],
            labels: ["a|b", "c"]);

        Assert.Equal(
            "https://tickets.example/api/tickets?ids=1%2C2%2C3"
                + "&statuses=in-progress%2Cdone%2COpen&labels=a%7Cb%7Cc",
            Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task AnObjectIsFlattenedWithItsPrefixAndNamesAndIgnoredPropertiesLeftOut()
    {
        await _client.SearchAsync(filter: new TicketFilter
        {
            Text = "disk full",
            PageSize = 20,
            Status = TicketStatus.InProgress,
            Tags = ["ops", "urgent"],
            Internal = "never sent",
        });

        Assert.Equal(
            "https://tickets.example/api/tickets?f_Text=disk%20full&f_page_size=20&f_state=in-progress"
                + "&f_Tags=ops%2Curgent",
            Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task NullCollectionsAndObjectsAddNothing()
    {
        await _client.SearchAsync(filter: new TicketFilter { PageSize = 5 });

        Assert.Equal("https://tickets.example/api/tickets?f_page_size=5", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task PropertyPlaceholdersReadTheParametersProperties()
    {
        await _client.GetAsync(new Ticket(42, "core/infra"));

        Assert.Equal("https://tickets.example/api/projects/core%2Finfra/tickets/42", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task ANullObjectForAPropertyPlaceholderIsRefusedWithThePath()
    {
        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetAsync(null!));

        Assert.Equal("ticket.Project", exception.ParamName);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task ACatchAllKeepsSlashesAndEscapesEachSegment()
    {
        await _client.GetAttachmentAsync("2026/12/report #1.pdf", TicketStatus.Done);

        Assert.Equal(
            "https://tickets.example/api/attachments/2026/12/report%20%231.pdf?status=done",
            Assert.Single(_handler.Requests).Uri);
    }

    [Theory]
    [InlineData("a/../b")]
    [InlineData("./a")]
    [InlineData("")]
    public async Task ACatchAllRefusesDotSegments(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GetAttachmentAsync(path, TicketStatus.Open));

        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task WhenWritingDefaultLeavesOutOnlyTheDefaultOfTheDeclaredType()
    {
        // The default of int? is null, so 0 is a value and is sent; the default of int is 0, left out.
        await _client.CountAsync(new CountFilter { Count = 0, Limit = 0 });

        Assert.Equal("https://tickets.example/api/counts?Count=0", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task PlaceholderPropertiesAreFoundOnBaseInterfaces()
    {
        await _client.GetByInterfaceAsync(new ProjectTicket(7, "core"));

        Assert.Equal("https://tickets.example/api/projects/core/items/7", Assert.Single(_handler.Requests).Uri);
    }

    private sealed record ProjectTicket(int Id, string Project) : IProjectTicket;
}
