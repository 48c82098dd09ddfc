using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// Declarations that once gave uncompilable code without an ACG diagnostic, or a build that passed while the
/// request was not the one declared: a re-abstracted inherited method, attributes on a CancellationToken, dot
/// segments in a template, a property path that matches two properties. DiagnosticTests checks the exact spans
/// of ACG0004, ACG0018, ACG0029 and ACG0030.
/// </summary>
public class HostileDeclarationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Auth0ClientGen;

        namespace Shop;

        """;

    [Fact]
    public void A_reabstracted_inherited_method_with_an_HTTP_method_attribute_is_implemented_by_the_client()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IBase { [Get("/a")] Task<string> GetAsync() => Task.FromResult("x"); }

            [Auth0Api]
            public interface IApi : IBase { abstract Task<string> IBase.GetAsync(); }
            """);

        // Before the fix: no ACG diagnostic, and CS0535 "'ApiClient' does not implement interface member
        // 'IBase.GetAsync()'". The re-abstraction hides the body, and the base method declares a call, so the
        // client sends it; a base method without an HTTP method attribute gets ACG0029 (see DiagnosticTests).
        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompileErrors.Count == 0, run.Describe());
        var client = run.GeneratedSources.Values.Single();
        Assert.Contains("global::Shop.IBase.GetAsync()", client, StringComparison.Ordinal);
        Assert.DoesNotContain("NotSupportedException", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CancellationToken_marked_as_body_or_header_is_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Auth0Api]
            public interface IApi
            {
                [Post("/a")] Task<string> PostAsync([Body] CancellationToken body);
                [Get("/b")] Task<string> GetAsync([Header("X-Request-Id")] CancellationToken id);
            }
            """);

        Assert.Empty(run.CompileErrors);
        var client = run.GeneratedSources.Values.Single();
        var declaredButNotSent = !client.Contains("Content =", StringComparison.Ordinal)
            && !client.Contains("X-Request-Id", StringComparison.Ordinal);

        // Either the generator reports the declaration (ACG0006 or ACG0012), or it sends what was declared.
        Assert.True(
            run.GeneratorDiagnostics.Any(d => d.Id.StartsWith("ACG", StringComparison.Ordinal)) || !declaredButNotSent,
            "The body and the header were declared, silently dropped, and the build passed.");
    }

    [Fact]
    public void Dot_segments_in_the_route_template_are_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Auth0Api]
            public interface IApi
            {
                [Get("/users/{id}/../admin")] Task<string> GetAsync(string id);
                [Get("/files/%2e%2e/secrets/{name}")] Task<string> GetFileAsync(string name);
            }
            """);

        // What the generated code builds for id = "42": the value is gone, and the request goes to /users/admin.
        Assert.Equal("/users/admin", new Uri("https://127.0.0.1/users/42/../admin").AbsolutePath);
        Assert.Equal("/secrets/x", new Uri("https://127.0.0.1/files/%2e%2e/secrets/x").AbsolutePath);

        // README: "Route values ... '.' and '..' are refused, because they would address another resource"; a
        // template that does the same is not reported.
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "ACG0004"));
    }

    [Fact]
    public void An_ambiguous_route_property_path_is_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            public class F { public string Id { get; set; } = ""; public string ID { get; set; } = ""; }

            [Auth0Api]
            public interface IApi { [Get("/a/{f.id}")] Task<string> GetAsync(F f); }
            """);

        Assert.Empty(run.CompileErrors);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id.StartsWith("ACG", StringComparison.Ordinal));
    }

    // Found by GeneratorFuzzTests: declarations that are already compiler errors, where the client repeated the
    // declaration and added errors of another kind on top (CS0229, CS1001, CS0409, CS0539).
    [Theory]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync(string value, string value);", "CS0100")]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync(string );", "CS1001")]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync(Nullable<Nullable<int>> value);", "CS0453")]
    [InlineData("[Post(\"/a\")] Task<TResult> PostAsync<TBody, TBody, TResult>([Body] TBody body);", "CS0692")]
    [InlineData("[Get(\"/a\")] abstract sealed Task<string> GetAsync();", "CS0238")]
    public void A_declaration_the_compiler_refuses_gets_no_error_of_another_kind_from_the_client(
        string declaration, string userError)
    {
        var source = Usings + $"[Auth0Api] public interface IApi {{ {declaration} }}";

        var run = GeneratorHarness.Run(source);

        var inputErrors = GeneratorHarness.CreateCompilation(source).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id)
            .ToHashSet();
        Assert.Contains(userError, inputErrors);
        Assert.Single(run.GeneratedSources);
        Assert.All(run.CompileErrors, error => Assert.Contains(error.Id, inputErrors));
    }

    [Fact]
    public void An_interface_in_a_namespace_without_a_name_gets_no_client()
    {
        var source = Usings + """
            namespace ;

            [Auth0Api] public interface IApi { [Get("/a")] Task<string> GetAsync(); }
            """;

        var run = GeneratorHarness.Run(source);

        // Found by GeneratorFuzzTests (seed 1): the client was written into "Shop." and added CS0538 and CS0118.
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompileErrors, error => error.Id == "CS1001");
    }

    [Theory]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync([Query] List<, string> values);")]
    [InlineData("[Get(\"/a\")] Task<(int, , string)> GetAsync();")]
    [InlineData("[Delete(\"/a\")] Task DeleteAsync([Body Widget widget);")]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync(int id, );")]
    public void A_signature_with_a_missing_type_gets_no_client_and_no_error_of_another_kind(string declaration)
    {
        var source = Usings + $"public sealed class Widget {{ }} [Auth0Api] public interface IApi {{ {declaration} }}";

        var run = GeneratorHarness.Run(source);

        // Found by GeneratorFuzzTests (seed 1): the client wrote the type as Roslyn displays it ("List<, string>",
        // or nothing at all), which added CS1525, CS0119, CS0535 and CS0539 to the user's syntax error.
        var inputErrors = GeneratorHarness.CreateCompilation(source).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        Assert.NotEmpty(inputErrors);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            inputErrors.Select(d => d.ToString()).Order(),
            run.CompileErrors.Select(d => d.ToString()).Order());
    }

    [Theory]
    [InlineData("[Get(\"/a\")] Task<int*[]> GetAsync();", "ACG0002")]
    [InlineData("[Get(\"/a\")] Task<string> GetAsync([Query] int*[] ids);", "ACG0009")]
    [InlineData("[Post(\"/a\")] Task PostAsync([Body] List<int*[]> body);", "ACG0009")]
    public void A_pointer_inside_another_type_is_reported(string declaration, string expectedId)
    {
        var run = GeneratorHarness.Run(Usings + $"[Auth0Api] public unsafe interface IApi {{ {declaration} }}");

        // Found by GeneratorFuzzTests (seed 1): only a pointer at the top of a type was recognised, so
        // Task<int*[]> was read as JSON, and the client, which is not unsafe, failed with CS0214 and no diagnostic.
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == expectedId);
    }
}
