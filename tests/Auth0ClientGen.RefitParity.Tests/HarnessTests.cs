using System.Linq;
using System.Threading.Tasks;
using Auth0ClientGen.RefitParity.Tests.Corpus;
using Auth0ClientGen.RefitParity.Tests.Harness;

namespace Auth0ClientGen.RefitParity.Tests;

/// <summary>Checks that the comparison compares what it claims to: both real generators, every method.</summary>
public class HarnessTests
{
    private static readonly ParityClients Clients = ParityClients.Instance;

    [Fact]
    public void CorpusMethodNamesAreUnique()
        => Assert.Equal(ParityCorpus.All.Count, ParityCorpus.All.Select(method => method.Name).Distinct().Count());

    [Fact]
    public void RefitsGeneratorBuildsEveryRequestInGeneratedCode()
    {
        var generated = string.Join("\n", Clients.Refit.GeneratedSources);

        // The name is recorded on each request by the code generated for that method, not by a reflection fallback.
        var missing = ParityCorpus.All
            .Where(method => !generated.Contains($"HttpRequestMessageOptions.MethodName, \"{method.Name}\")"))
            .Select(method => method.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void OurGeneratorImplementsEveryMethod()
    {
        var generated = string.Join("\n", Clients.Ours.GeneratedSources);

        var missing = ParityCorpus.All
            .Where(method => !generated.Contains($"{CorpusCompiler.NameOf(method.Interface)}.{method.Name}(")
                && !generated.Contains($"{CorpusCompiler.NameOf(method.Interface)}.{method.Name}<"))
            .Select(method => method.Name);
        Assert.Empty(missing);
        Assert.DoesNotContain("NotSupportedException", generated);
    }

    [Fact]
    public async Task OnlyOurClientSendsAnAccessTokenAndTheComparisonLeavesItOut()
    {
        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find("GetWidget"));
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find("GetWidget"));

        Assert.Null(refit.SentRequest.Authorization);
        Assert.Equal($"Bearer {ParityClients.AccessToken}", ours.SentRequest.Authorization);
        Assert.DoesNotContain(ParityClients.AccessToken, ours.SentRequest.ToString());
    }
}
