using System.Linq;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>Declarations that must generate a compiling client with no diagnostic.</summary>
public class ShapeTests
{
    [Theory]
    [InlineData("default implementation in a derived interface", """
        public interface IBase
        {
            [Get("/a")] Task<string> A();
            Task<string> Local();
        }

        [Auth0Api]
        public interface IApi : IBase
        {
            Task<string> IBase.Local() => Task.FromResult("local");
        }
        """)]
    [InlineData("re-abstraction in a derived interface", """
        public interface IBase
        {
            [Get("/a")] Task<string> A();
        }

        [Auth0Api]
        public interface IApi : IBase
        {
            abstract Task<string> IBase.A();
        }
        """)]
    [InlineData("dots that are not dot segments", """
        [Auth0Api]
        public interface IApi
        {
            [Get("/.well-known/{name}.json")] Task<string> A(string name);
            [Get("/files/..{name}/...")] Task<string> B(string name);
            [Get("/search?path=../x")] Task<string> C();
        }
        """)]
    [InlineData("re-abstraction of a default implementation two levels up", """
        public interface IBase { [Get("/a")] Task<string> A() => Task.FromResult("local"); }
        public interface IMiddle : IBase { abstract Task<string> IBase.A(); }

        [Auth0Api]
        public interface IApi : IMiddle { }
        """)]
    [InlineData("default implementation of a re-abstraction", """
        public interface IBase { Task<string> A() => Task.FromResult("base"); }
        public interface IMiddle : IBase { abstract Task<string> IBase.A(); }

        [Auth0Api]
        public interface IApi : IMiddle { Task<string> IBase.A() => Task.FromResult("api"); }
        """)]
    [InlineData("keyword namespace", """
        namespace @class.@int
        {
            [Auth0Api]
            public interface IApi { [Get("/a")] Task A(); }
        }
        """)]
    [InlineData("names that differ only in case", """
        [Auth0Api]
        public interface IFooApi { [Get("/a")] Task A(); }

        [Auth0Api]
        public interface IFOOApi { [Get("/b")] Task B(); }
        """)]
    [InlineData("partial interface in two declarations", """
        [Auth0Api]
        public partial interface IApi { [Get("/a")] Task A(); }

        public partial interface IApi { [Get("/b")] Task B(); }
        """)]
    [InlineData("obsolete types in the signature", """
        [System.Obsolete("old")]
        public sealed class OldDto { }

        [Auth0Api]
        public interface IApi
        {
            [System.Obsolete("old")]
            [Post("/a")] Task<OldDto> A([Body] OldDto dto);
        }
        """)]
    [InlineData("a partial class that adds members", """
        public partial class ApiClient { public string Describe() => "api"; }

        [Auth0Api]
        public interface IApi { [Get("/a")] Task A(); }
        """)]
    [InlineData("generic methods constrained to a class type", """
        public class Widget { }

        [Auth0Api]
        public interface IApi
        {
            [Get("/w")] Task<T> GetAsync<T>() where T : Widget, new();
            [Get("/n")] Task<T?> FindAsync<T>() where T : Widget?;
            [Get("/h")] Task<T> GetHandlerAsync<T>() where T : System.Delegate;
            [Get("/c")] Task<TOut> ConvertAsync<TIn, TOut>() where TIn : class where TOut : TIn;
        }
        """)]
    [InlineData("a parameter named like the enum formatter", """
        public enum Sort { Up, [System.Text.Json.Serialization.JsonStringEnumMemberName("down")] Down }

        [Auth0Api]
        public interface IApi
        {
            [Get("/items")] Task<string> ListAsync([Query] Sort FormatEnumValue);
        }
        """)]
    [InlineData("an enum with two members of one value", """
        public enum Kind { A = 1, [System.Runtime.Serialization.EnumMember(Value = "bee")] B = 1, C = 2 }

        [Auth0Api]
        public interface IApi
        {
            [Get("/k")] Task<string> GetAsync(Kind kind);
        }
        """)]
    [InlineData("nullable-oblivious interface", """
        #nullable disable
        [Auth0Api]
        public interface IApi
        {
            [Get("/a/{id}")] Task<string> A(string id, string filter);
            [Get("/b")] Task<System.Collections.Generic.List<string>> B();
        }
        #nullable restore
        """)]
    public void Generates(string shape, string declaration)
    {
        var run = GeneratorHarness.Run(Usings + declaration);

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileErrors.Count == 0, shape + ":\n" + run.Describe());
        Assert.NotEmpty(run.GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning
            && d.Location.SourceTree?.FilePath.EndsWith(".g.cs") == true));
    }

    [Fact]
    public void TheAttributeOnTwoPartsOfAPartialInterfaceGeneratesOneClient()
    {
        // CS0579 (duplicate attribute) is the user's error to fix; the generator must add nothing to it.
        var run = GeneratorHarness.Run(Usings + """
            [Auth0Api]
            public partial interface IApi { [Get("/a")] Task A(); }

            [Auth0Api]
            public partial interface IApi { [Get("/b")] Task B(); }
            """);

        Assert.Single(run.GeneratedSources);
        Assert.Equal("CS0579", Assert.Single(run.CompileErrors).Id);
    }

    private const string Usings = """
        using System.Threading.Tasks;
        using Auth0ClientGen;

        """;
}
