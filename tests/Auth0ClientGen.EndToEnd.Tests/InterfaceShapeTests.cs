using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

// Interface shapes the generator must accept, compiled by the real generator in this project's build. The
// same-name interfaces and the nullable-oblivious one are in InterfaceShapes.*.cs, since they need a namespace
// or a nullable context of their own.

public sealed record Part(string Sku, string Name);

public interface IReadableStore<TItem, TKey>
{
    [Get("/items/{key}")]
    Task<TItem> GetAsync(TKey key, CancellationToken cancellationToken = default);

    [Get("/items")]
    IAsyncEnumerable<TItem> ListAsync([Query(CollectionFormat.Csv)] IEnumerable<TKey>? keys = null);
}

[Headers("X-Store: parts")]
public interface IWritableStore<TItem>
{
    [Post("/items")]
    Task<TItem> CreateAsync([Body] TItem item);

    [Delete("/items/{key}")]
    Task DeleteAsync(string key);
}

public interface IPartStore : IReadableStore<Part, string>, IWritableStore<Part>
{
}

/// <summary>Every method is inherited, from generic bases that carry the HTTP attributes.</summary>
[Auth0Api(Audience = "https://parts.example", BaseUrl = "https://parts.example/v1/")]
public interface IPartsApi : IPartStore
{
}

public sealed class ShapeNote
{
    public string Title { get; set; } = "";
}

[Auth0Api(BaseUrl = "https://documents.example")]
public interface IDocumentStoreApi
{
    [Get("/documents/{id}")]
    Task<TDocument?> FindAsync<TDocument>(string id) where TDocument : class;

    [Get("/documents/{id}/size")]
    Task<TSize> GetSizeAsync<TSize>(string id) where TSize : struct;

    [Get("/documents/template")]
    Task<TDocument> GetTemplateAsync<TDocument>() where TDocument : new();

    [Post("/documents")]
    Task<TDocument> CreateAsync<TDocument>([Body] TDocument document) where TDocument : class, new();
}

public enum ShapeLevel
{
    [JsonStringEnumMemberName("low-level")]
    Low,

    High,
}

/// <summary>Keywords as names, and parameters named like what the generated code declares.</summary>
[Auth0Api(BaseUrl = "https://names.example")]
public interface INamesApi
{
    [Get("/namespaces/{namespace}")]
    Task<string> @namespace(string @namespace, [Query] string? @class);

    [Post("/classes/{class}")]
    Task @class(int @class, [Body] string? @namespace);

    [Post("/requests/{request}/{response}/{content}/{url}")]
    Task<string> EveryNameAsync(
        string request,
        string response,
        string content,
        string url,
        [Header("X-Client")] string? client,
        [Query] string? token,
        [Query] string? requestUri,
        [Query] ShapeLevel value,
        [Query] string? httpClient,
        [Query] string? credentials,
        [Body] Stream item,
        CancellationToken cancellationToken);

    [Get("/items")]
    Task<string> CollectionsAsync(
        [Query(CollectionFormat.Csv)] int[] item,
        [Query(CollectionFormat.Pipes)] List<string> item1,
        string request1,
        CancellationToken token);

    [Get("/stream/{request}")]
    IAsyncEnumerable<string> StreamAsync(
        string request,
        string item,
        [Query] string? cancellationToken,
        string EnumerateAsync);
}

public static class ShapeContainers
{
    internal static class Internal
    {
        [Auth0Api(BaseUrl = "https://settings.example")]
        public interface ISettingsApi
        {
            [Get("/settings/{key}")]
            Task<string> GetAsync(string key);
        }
    }

    public sealed class Public
    {
        [Auth0Api(BaseUrl = "https://audit.example")]
        internal interface IAuditApi
        {
            [Post("/audit")]
            Task RecordAsync([Body] string entry);
        }
    }
}

[Auth0Api(BaseUrl = "https://orders.example")]
public interface IPartialOrdersApi
{
    [Get("/orders/{id}")]
    Task<string> GetAsync(int id);
}

/// <summary>The user's own part of the generated client.</summary>
public sealed partial class PartialOrdersApiClient : IDisposable
{
    public bool IsDisposed { get; private set; }

    public static string Describe() => "orders";

    public void Dispose() => IsDisposed = true;
}

public sealed class LedgerEntry
{
    public string? Memo { get; set; }
}

[Auth0Api(BaseUrl = "https://ledger.example")]
public interface IAnnotatedLedgerApi
{
    [Get("/entries/{id}")]
    Task<LedgerEntry?> FindAsync(string id, string? memo, int? page, [Header("X-Tag")] string? tag);

    [Get("/entries/{id}")]
    Task<LedgerEntry> GetAsync(string id);

    [Get("/entries")]
    Task<List<LedgerEntry?>> ListAsync(IEnumerable<string?>? memos);
}

public interface ICachedCatalog
{
    [Get("/catalog/{sku}")]
    Task<string> DescribeAsync(string sku) => Task.FromResult("cached " + sku);
}

/// <summary>Re-abstracts a method whose base has a body, so the client must send its call.</summary>
[Auth0Api(BaseUrl = "https://catalog.example")]
public interface ICatalogApi : ICachedCatalog
{
    abstract Task<string> ICachedCatalog.DescribeAsync(string sku);
}

/// <summary>
/// Interface shapes compiled by the real generator and called through a capturing handler: inheritance,
/// generic methods, keywords and awkward names, nesting, same-name interfaces, partial clients and nullability.
/// </summary>
public class InterfaceShapeTests
{
    private readonly CapturingHandler _handler = new();
    private readonly StaticCredentialsProvider _credentials = new("shape-token");

    [Fact]
    public async Task AnEmptyInterfaceCallsTheMethodsItInheritsFromGenericBases()
    {
        var parts = Auth0ApiClient.Create<IPartsApi>(new HttpClient(_handler), _credentials);
        _handler.ResponseBody = """{"sku":"p/1","name":"bolt"}""";

        var part = await parts.GetAsync("p/1");
        var created = await parts.CreateAsync(new Part("p-2", "nut"));
        await parts.DeleteAsync("p-2");

        Assert.IsType<PartsApiClient>(parts);
        Assert.Equal(new Part("p/1", "bolt"), part);
        Assert.Equal(new Part("p/1", "bolt"), created);
        Assert.Equal(
            [
                (HttpMethod.Get, "https://parts.example/v1/items/p%2F1"),
                (HttpMethod.Post, "https://parts.example/v1/items"),
                (HttpMethod.Delete, "https://parts.example/v1/items/p-2"),
            ],
            _handler.Requests.Select(r => (r.Method, r.Uri)));
        Assert.All(_handler.Requests, r => Assert.Equal("Bearer shape-token", r.Authorization));
        Assert.Equal("""{"sku":"p-2","name":"nut"}""", _handler.Requests[1].Body);
        Assert.False(_handler.Requests[0].Headers.ContainsKey("X-Store"), "The reading base declares no headers.");
        Assert.Equal("parts", _handler.Requests[1].Headers["X-Store"]);
        Assert.Equal("parts", _handler.Requests[2].Headers["X-Store"]);
    }

    [Fact]
    public async Task AReabstractedDefaultMethodSendsTheCallItsBaseDeclares()
    {
        ICachedCatalog catalog = new CatalogApiClient(new HttpClient(_handler), _credentials);
        _handler.ResponseBody = "from the server";

        var description = await catalog.DescribeAsync("b-7");

        Assert.Equal("from the server", description);
        Assert.Equal("https://catalog.example/catalog/b-7", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task AnInheritedIteratorReadsTheTypeArgumentsOfItsBase()
    {
        IPartsApi parts = new PartsApiClient(new HttpClient(_handler), _credentials);
        _handler.ResponseBody = """[{"sku":"a","name":"one"},{"sku":"b","name":"two"}]""";

        var listed = new List<Part>();
        await foreach (var part in parts.ListAsync(["a", "b"]))
        {
            listed.Add(part);
        }

        Assert.Equal([new Part("a", "one"), new Part("b", "two")], listed);
        Assert.Equal("https://parts.example/v1/items?keys=a%2Cb", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task GenericMethodsWithClassStructAndNewConstraintsRoundTripTheirTypeArguments()
    {
        IDocumentStoreApi documents = new DocumentStoreApiClient(new HttpClient(_handler), _credentials);

        _handler.ResponseBody = "null";
        var missing = await documents.FindAsync<ShapeNote>("absent");
        _handler.ResponseBody = "2048";
        var size = await documents.GetSizeAsync<long>("d1");
        _handler.ResponseBody = """{"title":"blank"}""";
        var template = await documents.GetTemplateAsync<ShapeNote>();
        var created = await documents.CreateAsync(new ShapeNote { Title = "draft" });

        Assert.Null(missing);
        Assert.Equal(2048L, size);
        Assert.Equal("blank", template.Title);
        Assert.Equal("blank", created.Title);
        Assert.Equal(
            [
                "https://documents.example/documents/absent",
                "https://documents.example/documents/d1/size",
                "https://documents.example/documents/template",
                "https://documents.example/documents",
            ],
            _handler.Requests.Select(r => r.Uri));
        Assert.Equal("""{"title":"draft"}""", _handler.Requests[3].Body);
        Assert.Equal("application/json; charset=utf-8", _handler.Requests[3].ContentType);
    }

    [Fact]
    public async Task KeywordNamedMethodsAndParametersReachTheWire()
    {
        INamesApi names = new NamesApiClient(new HttpClient(_handler), _credentials);

        await names.@namespace("ns", @class: "c1");
        await names.@class(7, @namespace: "text");

        Assert.Equal("https://names.example/namespaces/ns?class=c1", _handler.Requests[0].Uri);
        Assert.Equal(HttpMethod.Post, _handler.Requests[1].Method);
        Assert.Equal("https://names.example/classes/7", _handler.Requests[1].Uri);
        Assert.Equal("text", _handler.Requests[1].Body);
    }

    [Fact]
    public async Task ParametersNamedLikeTheGeneratedLocalsKeepTheirOwnValues()
    {
        INamesApi names = new NamesApiClient(new HttpClient(_handler), _credentials);
        using var item = new MemoryStream("item bytes"u8.ToArray());

        await names.EveryNameAsync(
            request: "req",
            response: "resp",
            content: "cont",
            url: "https://u",
            client: "the-client",
            token: "tok",
            requestUri: "/elsewhere",
            value: ShapeLevel.Low,
            httpClient: "hc",
            credentials: "creds",
            item: item,
            cancellationToken: CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            "https://names.example/requests/req/resp/cont/https%3A%2F%2Fu"
                + "?token=tok&requestUri=%2Felsewhere&value=low-level&httpClient=hc&credentials=creds",
            request.Uri);
        Assert.Equal("the-client", request.Headers["X-Client"]);
        Assert.Equal("Bearer shape-token", request.Authorization);
        Assert.Equal("item bytes", request.Body);
        Assert.Equal("application/octet-stream", request.ContentType);
    }

    [Fact]
    public async Task CollectionParametersNamedItemAndACancellationTokenNamedTokenStayApart()
    {
        INamesApi names = new NamesApiClient(new HttpClient(_handler), _credentials);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await names.CollectionsAsync([1, 2], ["a", "b"], "r1", CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => names.CollectionsAsync([3], [], "r2", cancelled.Token));

        Assert.Equal(
            "https://names.example/items?item=1%2C2&item1=a%7Cb&request1=r1",
            Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task AnIteratorWithParametersNamedLikeItsLocalsSendsThemAll()
    {
        INamesApi names = new NamesApiClient(new HttpClient(_handler), _credentials);
        _handler.ResponseBody = """["x","y"]""";

        var received = new List<string>();
        await foreach (var text in names.StreamAsync("r", "i", cancellationToken: "c", EnumerateAsync: "e"))
        {
            received.Add(text);
        }

        Assert.Equal(["x", "y"], received);
        Assert.Equal(
            "https://names.example/stream/r?item=i&cancellationToken=c&EnumerateAsync=e",
            Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task InterfacesNestedInClassesGetInternalClientsNamedAfterTheirContainers()
    {
        ShapeContainers.Internal.ISettingsApi settings =
            new ShapeContainersInternalSettingsApiClient(new HttpClient(_handler), _credentials);
        ShapeContainers.Public.IAuditApi audit =
            new ShapeContainersPublicAuditApiClient(new HttpClient(_handler), _credentials);

        await settings.GetAsync("theme");
        await audit.RecordAsync("signed in");

        Assert.False(typeof(ShapeContainersInternalSettingsApiClient).IsPublic);
        Assert.False(typeof(ShapeContainersPublicAuditApiClient).IsPublic);
        Assert.Equal(
            ["https://settings.example/settings/theme", "https://audit.example/audit"],
            _handler.Requests.Select(r => r.Uri));
        Assert.Equal("signed in", _handler.Requests[1].Body);
    }

    [Fact]
    public async Task InterfacesWithOneNameInThreeNamespacesEachGetTheirOwnClientAndAudience()
    {
        var credentials = new RecordingCredentialsProvider();
        Billing.IAccountsApi billing = new Billing.AccountsApiClient(new HttpClient(_handler), credentials);
        Identity.Admin.IAccountsApi identity =
            new Identity.Admin.AccountsApiClient(new HttpClient(_handler), credentials);
        IAccountsApi global = new AccountsApiClient(new HttpClient(_handler), credentials);

        await billing.GetAsync("b1");
        await identity.DeleteAsync("i1");
        await global.ListAsync();

        Assert.Equal(
            [
                (HttpMethod.Get, "https://billing.example/accounts/b1"),
                (HttpMethod.Delete, "https://identity.example/admin/accounts/i1"),
                (HttpMethod.Get, "https://accounts.example/accounts"),
            ],
            _handler.Requests.Select(r => (r.Method, r.Uri)));
        Assert.Equal(["https://billing.example", "https://identity.example", null], credentials.Audiences);
    }

    [Fact]
    public async Task AUserPartialPartAddsMembersAndInterfacesToTheGeneratedClient()
    {
        using var client = new PartialOrdersApiClient(new HttpClient(_handler), _credentials);
        IPartialOrdersApi orders = client;

        await orders.GetAsync(42);
        client.Dispose();

        Assert.Equal("orders", PartialOrdersApiClient.Describe());
        Assert.True(client.IsDisposed);
        Assert.Equal("https://orders.example/orders/42", Assert.Single(_handler.Requests).Uri);
    }

    [Fact]
    public async Task NullableParametersLeaveNullsOutAndANullableResultAcceptsJsonNull()
    {
        IAnnotatedLedgerApi ledger = new AnnotatedLedgerApiClient(new HttpClient(_handler), _credentials);
        _handler.ResponseBody = "null";

        var entry = await ledger.FindAsync("e1", memo: null, page: null, tag: null);
        await ledger.FindAsync("e1", memo: "rent", page: 2, tag: "t");

        Assert.Null(entry);
        Assert.Equal(
            ["https://ledger.example/entries/e1", "https://ledger.example/entries/e1?memo=rent&page=2"],
            _handler.Requests.Select(r => r.Uri));
        Assert.False(_handler.Requests[0].Headers.ContainsKey("X-Tag"));
        Assert.Equal("t", _handler.Requests[1].Headers["X-Tag"]);
    }

    [Fact]
    public async Task ANonNullableResultRefusesJsonNullAndNullableElementsAreKept()
    {
        IAnnotatedLedgerApi ledger = new AnnotatedLedgerApiClient(new HttpClient(_handler), _credentials);

        _handler.ResponseBody = "null";
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.GetAsync("e1"));
        _handler.ResponseBody = """[{"memo":"rent"},null]""";
        var entries = await ledger.ListAsync(["a", null, "b"]);

        Assert.Equal(["rent", null], entries.Select(e => e?.Memo));
        Assert.Equal("https://ledger.example/entries?memos=a%2C%2Cb", _handler.Requests[1].Uri);
    }

    [Fact]
    public async Task ANullableObliviousInterfaceAcceptsNullsEverywhere()
    {
        IObliviousLedgerApi ledger = new ObliviousLedgerApiClient(new HttpClient(_handler), _credentials);

        _handler.ResponseBody = "null";
        var entry = await ledger.FindAsync("e1", memo: null!, tag: null!);
        _handler.ResponseBody = """[null,{"memo":"rent"}]""";
        var streamed = new List<LedgerEntry?>();
        await foreach (var item in ledger.StreamAsync())
        {
            streamed.Add(item);
        }

        Assert.Null(entry);
        Assert.Equal([null, "rent"], streamed.Select(e => e?.Memo));
        Assert.Equal(
            ["https://ledger.example/entries/e1", "https://ledger.example/entries/stream"],
            _handler.Requests.Select(r => r.Uri));
        Assert.False(_handler.Requests[0].Headers.ContainsKey("X-Tag"));
    }

    /// <summary>Hands out a token and records the audience each one was asked for.</summary>
    private sealed class RecordingCredentialsProvider : ICredentialsProvider
    {
        public List<string?> Audiences { get; } = [];

        public ValueTask<string> GetAccessTokenAsync(
            AccessTokenRequest request,
            CancellationToken cancellationToken = default)
        {
            Audiences.Add(request.Audience);
            return ValueTask.FromResult("token-for-" + request.Audience);
        }
    }
}
