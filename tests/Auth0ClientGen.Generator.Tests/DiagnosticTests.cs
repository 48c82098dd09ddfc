using System.Linq;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// One test per diagnostic: the id, the exact span it points at, and that the generated code adds no
/// compiler error of its own on top of it.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        """;

    [Fact]
    public void ACG0001_MethodWithoutHttpMethod() => AssertSingleDiagnostic("ACG0001", """
        [Auth0Api]
        public interface IApi
        {
            Task [|PingAsync|]();
        }
        """);

    [Fact]
    public void ACG0001_InheritedMethodWithoutHttpMethodPointsAtTheBaseMember() => AssertSingleDiagnostic("ACG0001", """
        public interface IPingable
        {
            [Get("/ping")]
            Task PingAsync();

            Task [|PongAsync|]();
        }

        [Auth0Api]
        public interface IApi : IPingable
        {
        }
        """);

    [Fact]
    public void ACG0001_MethodWithoutHttpMethodOnAGenericBasePointsAtTheBaseMember() => AssertSingleDiagnostic("ACG0001", """
        public interface IStore<TItem>
        {
            [Get("/items")]
            Task<List<TItem>> ListAsync();

            Task<TItem> [|FindAsync|](string id);
        }

        [Auth0Api]
        public interface IApi : IStore<string>
        {
            [Delete("/items/{id}")]
            Task DeleteAsync(string id);
        }
        """);

    [Theory]
    [InlineData("void")]
    [InlineData("string")]
    [InlineData("Task<string>[]")]
    [InlineData("IEnumerable<int>")]
    [InlineData("Task<ApiResponse<System.IO.Stream>>")]
    [InlineData("ValueTask<ApiResponse<HttpResponseMessage>>")]
    [InlineData("IAsyncEnumerable<HttpContent>")]
    [InlineData("Task<IAsyncEnumerable<int>[]>[]")]
    public void ACG0002_UnsupportedReturnType(string returnType) => AssertSingleDiagnostic("ACG0002", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/ping")]
            [|{{returnType}}|] Ping();
        }
        """);

    [Fact]
    public void ACG0003_PlaceholderWithoutParameter() => AssertSingleDiagnostic("ACG0003", """
        [Auth0Api]
        public interface IApi
        {
            [Get([|"/orders/{orderId}"|])]
            Task<string> GetAsync(int id);
        }
        """);

    [Fact]
    public void ACG0003_OnAnAsyncIteratorWithACancellationToken() => AssertSingleDiagnostic("ACG0003", """
        [Auth0Api]
        public interface IApi
        {
            [Get([|"/orders/{orderId}"|])]
            IAsyncEnumerable<string> StreamAsync(int id, CancellationToken cancellationToken);
        }
        """);

    [Theory]
    [InlineData("orders/{id}")]
    // An invisible character before the slash: a culture-aware comparison would skip it.
    [InlineData("\u200B/orders/{id}")]
    [InlineData("/orders/{id")]
    [InlineData("/orders/id}")]
    [InlineData("/orders/{}")]
    [InlineData("/orders/{*path}")]
    [InlineData("/orders/{order.}")]
    [InlineData("/orders#top")]
    [InlineData("/users/{id}/../admin")]
    [InlineData("/files/%2e%2E/{id}")]
    [InlineData("/files/.%2e/{id}")]
    [InlineData("/users/./{id}")]
    [InlineData("/users/{id}/.")]
    [InlineData("/users/{id}/..?all=true")]
    [InlineData(@"/users/{id}/..\\admin")]
    public void ACG0004_MalformedRoute(string template) => AssertSingleDiagnostic("ACG0004", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get([|"{{template}}"|])]
            Task<string> GetAsync(string id);
        }
        """);

    [Fact]
    public void ACG0005_TwoBodies() => AssertSingleDiagnostic("ACG0005", """
        [Auth0Api]
        public interface IApi
        {
            [Post("/orders")]
            Task CreateAsync([Body] string first, [Body] string [|second|]);
        }
        """);

    [Theory]
    [InlineData("Dictionary<string, object> map", "map")]
    [InlineData("object filter", "filter")]
    [InlineData("List<List<int>> ids", "ids")]
    public void ACG0006_ParameterThatCannotBeText(string parameter, string name) => AssertSingleDiagnostic(
        "ACG0006",
        $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/orders")]
            Task<string> ListAsync({{parameter.Replace(name, "[|" + name + "|]")}});
        }
        """);

    [Fact]
    public void ACG0007_GenericInterface() => AssertSingleDiagnostic("ACG0007", """
        [Auth0Api]
        public interface [|IApi|]<T>
        {
            [Get("/items")]
            Task<T> GetAsync();
        }
        """);

    [Fact]
    public void ACG0008_PrivateNestedInterface() => AssertSingleDiagnostic("ACG0008", """
        public class Outer
        {
            [Auth0Api]
            private interface [|IApi|]
            {
                [Get("/items")]
                Task GetAsync();
            }
        }
        """);

    [Theory]
    [InlineData("ref int id")]
    [InlineData("out int id")]
    [InlineData("in int id")]
    [InlineData("Span<byte> id")]
    public void ACG0009_ParameterThatAsyncCannotTake(string parameter) => AssertSingleDiagnostic("ACG0009", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items/{id}")]
            Task GetAsync({{parameter.Replace(" id", " [|id|]")}});
        }
        """);

    [Fact]
    public void ACG0010_Property() => AssertSingleDiagnostic("ACG0010", """
        [Auth0Api]
        public interface IApi
        {
            string [|Name|] { get; }
        }
        """);

    [Fact]
    public void ACG0010_Event() => AssertSingleDiagnostic("ACG0010", """
        [Auth0Api]
        public interface IApi
        {
            event EventHandler? [|Changed|];
        }
        """);

    [Fact]
    public void ACG0010_StaticAbstractMethod() => AssertSingleDiagnostic("ACG0010", """
        [Auth0Api]
        public interface IApi
        {
            static abstract IApi [|Create|]();
        }
        """);

    [Fact]
    public void ACG0011_TwoHttpMethods() => AssertSingleDiagnostic("ACG0011", """
        [Auth0Api]
        public interface IApi
        {
            [Get("/items"), [|Post("/items")|]]
            Task SaveAsync();
        }
        """);

    [Theory]
    [InlineData("ACG0001", "Task PingAsync();")]
    [InlineData("ACG0011", "[Get(\"/ping\"), Head(\"/ping\")] Task PingAsync();")]
    public void ACG0001_AndACG0011_NameEveryHttpMethodAttribute(string id, string method)
    {
        var run = GeneratorHarness.Run(Usings + $$"""
            [Auth0Api]
            public interface IApi
            {
                {{method}}
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains("[Get], [Post], [Put], [Patch], [Delete], [Head] or [Options]", diagnostic.GetMessage());
    }

    [Fact]
    public void ACG0012_BodyAndQuery() => AssertSingleDiagnostic("ACG0012", """
        [Auth0Api]
        public interface IApi
        {
            [Post("/items")]
            Task SaveAsync([Body, Query] string [|item|]);
        }
        """);

    [Theory]
    [InlineData("X Request")]
    [InlineData("X-Id:")]
    [InlineData("X-É")]
    public void ACG0013_InvalidHeaderName(string headerName) => AssertSingleDiagnostic("ACG0013", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            Task GetAsync([Header([|"{{headerName}}"|])] string value);
        }
        """);

    [Theory]
    [InlineData("/relative")]
    [InlineData("ftp://files.example.com")]
    [InlineData("not a url")]
    public void ACG0014_InvalidBaseUrl(string baseUrl) => AssertSingleDiagnostic("ACG0014", $$"""
        [Auth0Api([|BaseUrl = "{{baseUrl}}"|])]
        public interface IApi
        {
            [Get("/items")]
            Task GetAsync();
        }
        """);

    [Fact]
    public void ACG0015_ClientNameTaken() => AssertSingleDiagnostic("ACG0015", """
        public class OrdersApiClient { }

        [Auth0Api]
        public interface [|IOrdersApi|]
        {
            [Get("/orders")]
            Task GetAsync();
        }
        """);

    [Fact]
    public void ACG0015_IsNotReportedForAPartialClassThatExtendsTheClient()
    {
        var run = GeneratorHarness.Run(Usings + """
            public partial class OrdersApiClient { public string Describe() => "orders"; }

            [Auth0Api]
            public interface IOrdersApi
            {
                [Get("/orders")]
                Task GetAsync();
            }
            """);
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileErrors.Count == 0, run.Describe());
    }

    [Fact]
    public void ACG0016_TwoCancellationTokens() => AssertSingleDiagnostic("ACG0016", """
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            Task GetAsync(CancellationToken first, CancellationToken [|second|]);
        }
        """);

    [Theory]
    [InlineData("[AliasAs(\"\")] string [|q|]")]
    [InlineData("[Header(\"\")] string [|q|]")]
    public void ACG0017_EmptyName(string parameter) => AssertSingleDiagnostic("ACG0017", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            Task GetAsync({{parameter}});
        }
        """);

    [Fact]
    public void ACG0006_ObjectWithAPropertyThatCannotBeText() => AssertSingleDiagnostic("ACG0006", """
        public sealed class Inner { public int Value { get; set; } }
        public sealed class Filter { public string? Name { get; set; } public Inner? Nested { get; set; } }

        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            Task<string> ListAsync([Query] Filter [|filter|]);
        }
        """);

    [Fact]
    public void ACG0023_PlaceholderPropertyThatDoesNotExist() => AssertSingleDiagnostic("ACG0023", """
        public sealed record Order(int Id);

        [Auth0Api]
        public interface IApi
        {
            [Get([|"/orders/{order.Number}"|])]
            Task<string> GetAsync(Order order);
        }
        """);

    [Fact]
    public void ACG0018_PlaceholderMatchedByTwoParameters() => AssertSingleDiagnostic("ACG0018", """
        [Auth0Api]
        public interface IApi
        {
            [Get("/items/{id}")]
            Task<string> GetAsync(string id, string [|ID|]);
        }
        """);

    [Fact]
    public void ACG0018_PlaceholderPropertyMatchedByTwoProperties() => AssertSingleDiagnostic("ACG0018", """
        public sealed class Filter { public string Id { get; set; } = ""; public string ID { get; set; } = ""; }

        [Auth0Api]
        public interface IApi
        {
            [Get([|"/items/{filter.id}"|])]
            Task<string> GetAsync(Filter filter);
        }
        """);

    [Fact]
    public void ACG0029_ReabstractedDefaultMethodWithoutHttpMethod() => AssertSingleDiagnostic("ACG0029", """
        public interface IBase
        {
            Task<string> GetAsync() => Task.FromResult("local");
        }

        [Auth0Api]
        public interface IApi : IBase
        {
            abstract Task<string> IBase.[|GetAsync|]();
        }
        """);

    [Fact]
    public void ACG0029_ReabstractionWithAnHttpMethodOfItsOwn() => AssertSingleDiagnostic("ACG0029", """
        public interface IBase
        {
            [Get("/a")]
            Task<string> GetAsync();
        }

        [Auth0Api]
        public interface IApi : IBase
        {
            [[|Get("/b")|]]
            abstract Task<string> IBase.GetAsync();
        }
        """);

    [Theory]
    [InlineData("Body")]
    [InlineData("Query")]
    [InlineData("Header(\"X-Request-Id\")")]
    [InlineData("HeaderCollection")]
    [InlineData("AliasAs(\"token\")")]
    public void ACG0030_CancellationTokenMarkedToBeSent(string attribute) => AssertSingleDiagnostic("ACG0030", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Post("/items")]
            Task<string> PostAsync([[|{{attribute}}|]] CancellationToken cancellationToken);
        }
        """);

    [Theory]
    [InlineData("ref Task")]
    [InlineData("ref readonly Task<string>")]
    public void ACG0002_ByReferenceReturn(string returnType) => AssertSingleDiagnostic("ACG0002", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/ping")]
            [|{{returnType}}|] Ping();
        }
        """);

    [Fact]
    public void ACG0008_FileLocalInterface() => AssertSingleDiagnostic("ACG0008", """
        [Auth0Api]
        file interface [|IApi|]
        {
            [Get("/items")]
            Task GetAsync();
        }
        """);

    [Fact]
    public void ACG0015_NamespaceWithTheClientName()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop
            {
                [Auth0Api]
                public interface IOrdersApi
                {
                    [Get("/orders")]
                    Task GetAsync();
                }
            }

            namespace Shop.OrdersApiClient
            {
                public class Marker { }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ACG0015", diagnostic.Id);
        Assert.Equal("IOrdersApi", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void ACG0015_TwoInterfacesWithOneClientNameGetItAndOthersStillGenerate()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static class Outer
            {
                [Auth0Api]
                public interface IFooApi { [Get("/a")] Task A(); }
            }

            [Auth0Api]
            public interface IOuterFooApi { [Get("/b")] Task B(); }

            [Auth0Api]
            public interface IOrdersApi { [Get("/orders")] Task C(); }
            """);

        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "ACG0015"));
        Assert.All(run.GeneratorDiagnostics, d => Assert.True(d.Location.IsInSource));
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Contains("class OrdersApiClient", generated.Value);
        Assert.Empty(run.CompileErrors);
    }

    [Theory]
    [InlineData("public static partial class [|OrdersApiClient|] { }")]
    [InlineData("internal partial class [|OrdersApiClient|] { }")]
    [InlineData("public partial class [|OrdersApiClient|] { private int httpClient; }")]
    [InlineData("public partial class [|OrdersApiClient|] { public OrdersApiClient(System.Net.Http.HttpClient h, ICredentialsProvider c) { } }")]
    public void ACG0019_PartialClientThatConflicts(string partialClass) => AssertSingleDiagnostic("ACG0019", partialClass + """

        [Auth0Api]
        public interface IOrdersApi
        {
            [Get("/orders")]
            Task GetAsync();
        }
        """);

    [Fact]
    public void ACG0020_InheritedMethodsThatCollapse() => AssertSingleDiagnostic("ACG0020", """
        public interface IBase<T>
        {
            [Get("/a/{value}")] Task M(T value);
            [Get("/b/{value}")] Task [|M|](int value);
        }

        [Auth0Api]
        public interface IApi : IBase<int>
        {
        }
        """);

    [Theory]
    [InlineData("Authorization")]
    [InlineData("content-type")]
    [InlineData("Host")]
    public void ACG0021_HeaderTheClientOwns(string header) => AssertSingleDiagnostic("ACG0021", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            Task GetAsync([Header([|"{{header}}"|])] string value);
        }
        """);

    [Theory]
    [InlineData("[|\": no name\"|]")]
    [InlineData("[|\"X Bad: 1\"|]")]
    [InlineData("[|\"X-Line: a\\r\\nX-Evil: 1\"|]")]
    [InlineData("\"Accept: application/json\", [|\"Authorization: Bearer abc\"|]")]
    public void ACG0022_MalformedStaticHeader(string headers) => AssertSingleDiagnostic("ACG0022", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            [Headers({{headers}})]
            Task GetAsync();
        }
        """);

    [Theory]
    [InlineData("Get")]
    [InlineData("Head")]
    public void ACG0024_BodyOnGetOrHead(string verb) => AssertSingleDiagnostic("ACG0024", $$"""
        [Auth0Api]
        public interface IApi
        {
            [{{verb}}("/items")]
            Task<HttpResponseMessage> FindAsync([Body] string [|filter|]);
        }
        """);

    [Theory]
    [InlineData("[HeaderCollection] IDictionary<string, int> [|headers|]")]
    [InlineData("[Body(BodySerializationMethod.UrlEncoded)] string [|form|]")]
    [InlineData("[Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, object> [|form|]")]
    public void ACG0006_HeaderCollectionsAndFormsThatCannotBeText(string parameter) => AssertSingleDiagnostic("ACG0006", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Post("/items")]
            Task SendAsync({{parameter}});
        }
        """);

    [Theory]
    [InlineData("[|\"read:users create:users\"|]")]
    [InlineData("\"read:users\", [|\"\"|]")]
    public void ACG0025_InvalidScope(string scopes) => AssertSingleDiagnostic("ACG0025", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            [Scopes({{scopes}})]
            Task GetAsync();
        }
        """);

    [Fact]
    public void ACG0026_JsonContextThatIsNotAContext() => AssertSingleDiagnostic("ACG0026", """
        public sealed class NotAContext { }

        [Auth0Api([|JsonContext = typeof(NotAContext)|])]
        public interface IApi
        {
            [Get("/items")]
            Task<string> GetAsync();
        }
        """);

    [Theory]
    [InlineData("[|Task<Item>|] GetAsync();")]
    [InlineData("Task CreateAsync([Body] Item [|item|]);")]
    [InlineData("[|Task<TItem>|] GetAsync<TItem>();")]
    public void ACG0027_TypeMissingFromJsonContext(string method) => AssertSingleDiagnostic("ACG0027", $$"""
        public sealed record Item(int Id);

        [System.Text.Json.Serialization.JsonSerializable(typeof(string))]
        [System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
        public sealed class ItemsContext : System.Text.Json.Serialization.JsonSerializerContext
        {
            public ItemsContext() : base(null) { }
            public static ItemsContext Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Auth0Api(JsonContext = typeof(ItemsContext))]
        public interface IApi
        {
            [Post("/items")]
            {{method}}
        }
        """);

    [Theory]
    [InlineData("Task<System.IO.MemoryStream>")]
    [InlineData("ValueTask<HttpContent>")]
    [InlineData("Task<IAsyncEnumerable<int>>")]
    [InlineData("IAsyncEnumerable<ApiResponse<int>>")]
    public void ACG0002_ResultsThatCouldOnlyFailWhenCalled(string returnType) => AssertSingleDiagnostic("ACG0002", $$"""
        [Auth0Api]
        public interface IApi
        {
            [Get("/items")]
            [|{{returnType}}|] GetAsync();
        }
        """);

    [Theory]
    [InlineData("[Query] (int A, string B) [|pair|]")]
    [InlineData("[Body(BodySerializationMethod.UrlEncoded)] FieldsOnly [|form|]")]
    public void ACG0006_ObjectWithoutPropertiesWouldSendNothing(string parameter) => AssertSingleDiagnostic("ACG0006", $$"""
        public sealed class FieldsOnly { public string? Name; }

        [Auth0Api]
        public interface IApi
        {
            [Post("/items")]
            Task SendAsync({{parameter}});
        }
        """);

    [Fact]
    public void ACG0026_JsonContextThatIsNotANamedType() => AssertSingleDiagnostic("ACG0026", """
        [Auth0Api([|JsonContext = typeof(int[])|])]
        public interface IApi
        {
            [Get("/items")]
            Task<string> GetAsync();
        }
        """);

    [Fact]
    public void ACG0028_PrivateJsonContext() => AssertSingleDiagnostic("ACG0028", """
        public partial class Holder
        {
            [System.Text.Json.Serialization.JsonSerializable(typeof(string))]
            private sealed class Context : System.Text.Json.Serialization.JsonSerializerContext
            {
                public Context() : base(null) { }
                public static Context Default { get; } = new();
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            [Auth0Api([|JsonContext = typeof(Context)|])]
            internal interface IApi
            {
                [Get("/items")]
                Task<string> GetAsync();
            }
        }
        """);

    [Theory]
    [InlineData("")]
    [InlineData("[JsonSourceGenerationOptions]")]
    [InlineData("[JsonSourceGenerationOptions(JsonSerializerDefaults.General)]")]
    [InlineData("[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]")]
    [InlineData("[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]")]
    public void ACG0031_JsonContextWithoutNamingPolicy(string options)
        => AssertSingleDiagnostic("ACG0031", JsonContextDeclaredWith(options, "[|JsonContext = typeof(ItemsContext)|]"), DiagnosticSeverity.Warning);

    [Theory]
    [InlineData("[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]")]
    [InlineData("[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]")]
    [InlineData("[JsonSourceGenerationOptions(JsonSerializerDefaults.General, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]")]
    [InlineData("[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]")]
    public void ACG0031_NotReportedForAContextWithANamingPolicy(string options)
    {
        var run = GeneratorHarness.Run(Usings + JsonContextDeclaredWith(options, "JsonContext = typeof(ItemsContext)"));

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileErrors.Count == 0, run.Describe());
    }

    // Using directives inside the file-scoped namespace, so that the attribute reads as a user would write it.
    private static string JsonContextDeclaredWith(string options, string argument) => $$"""
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;

        [JsonSerializable(typeof(string))]
        {{options}}
        public sealed class ItemsContext : JsonSerializerContext
        {
            public ItemsContext() : base(null) { }
            public static ItemsContext Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Auth0Api({{argument}})]
        public interface IApi
        {
            [Get("/items")]
            Task<string> GetAsync();
        }
        """;

    private static void AssertSingleDiagnostic(
        string id,
        string markedSource,
        DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var (source, expectedSpan) = TestMarkup.Parse(Usings + markedSource);
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        // The harness reports every warning as an error, as the repository's builds do; the default is the rule's own.
        Assert.Equal(severity, diagnostic.DefaultSeverity);
        Assert.Equal(source.Substring(expectedSpan.Start, expectedSpan.Length), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        // A location inside the compilation's own tree is what lets #pragma and .editorconfig suppress it.
        Assert.Same(run.Output.SyntaxTrees.First(), diagnostic.Location.SourceTree);
        Assert.Contains("docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.Description.ToString());

        // The generated code must never add a compiler error of its own on top of the diagnostic.
        var generatedErrors = run.CompileErrors.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs") == true);
        Assert.Empty(generatedErrors);
    }
}
