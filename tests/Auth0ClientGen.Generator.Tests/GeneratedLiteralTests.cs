using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// The emitter quotes plain text itself and leaves anything else to Roslyn's literal formatting; a value with a
/// quote, a backslash, a control character or non-ASCII text must still come out as the same string.
/// </summary>
public class GeneratedLiteralTests
{
    [Theory]
    [InlineData("https://orders.example.com/")]
    [InlineData("https://orders.example.com/\"quoted\"")]
    [InlineData("https://orders.example.com/back\\slash")]
    [InlineData("https://orders.example.com/tab\there")]
    [InlineData("https://orders.example.com/née")]
    public void An_audience_is_written_as_a_literal_of_the_same_string(string audience)
    {
        var run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Shop;

            [Auth0Api(Audience = {{SymbolDisplay.FormatLiteral(audience, quote: true)}})]
            public interface IOrdersApi
            {
                [Get("/orders")]
                Task<string> ListAsync();
            }
            """);

        Assert.Empty(run.CompileErrors);
        var client = Assert.Single(run.GeneratedSources.Values);
        Assert.Contains($"new global::Auth0ClientGen.AccessTokenRequest({SymbolDisplay.FormatLiteral(audience, quote: true)})", client);
    }
}
