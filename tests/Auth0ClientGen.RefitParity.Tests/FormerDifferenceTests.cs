using System.Threading.Tasks;
using Auth0ClientGen.RefitParity.Tests.Corpus;
using Auth0ClientGen.RefitParity.Tests.Harness;

namespace Auth0ClientGen.RefitParity.Tests;

/// <summary>
/// Cases where we once sent something other than Refit and Refit was right: templates ending in "?" or "&amp;",
/// enums in JSON bodies and responses, and a base address ending in "//". Each asserts Refit's behavior.
/// </summary>
public class FormerDifferenceTests
{
    private const string Api = ParityClients.BaseAddress;

    private static readonly ParityClients Clients = ParityClients.Instance;

    [Theory]
    [InlineData("SearchAfterBareQuestionMark", Api + "/search?q=x")]
    public async Task ATemplateEndingInAQuestionMarkTakesTheFirstQueryValueDirectly(string name, string refitSends)
        => await AssertSameRequestAsync(name, refitSends);

    [Theory]
    [InlineData("SearchAfterTrailingAmpersand", Api + "/search?type=all&q=x")]
    public async Task ATemplateEndingInAnAmpersandIsNotGivenASecondOne(string name, string refitSends)
        => await AssertSameRequestAsync(name, refitSends);

    [Fact]
    public async Task EnumPropertiesOfAJsonBodyAreSentByName()
    {
        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find("PostSwatch"));
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find("PostSwatch"));

        Assert.Equal("""{"name":"x","shade":"darkBlue"}""", refit.SentRequest.Body);
        Assert.Equal(refit.SentRequest.Body, ours.SentRequest.Body);
    }

    [Fact]
    public async Task EnumNamesInAJsonResponseAreRead()
    {
        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find("GetNamedSwatch"));
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find("GetNamedSwatch"));

        Assert.Null(refit.Exception);
        Assert.Null(ours.Exception);
        Assert.Equal(refit.Result, ours.Result);
    }

    [Fact]
    public async Task ABaseAddressEndingInTwoSlashesGivesOneSlashBeforeTheRoute()
    {
        var options = CallOptions.Default with { BaseAddress = "https://api.example.com/v1//" };

        var refit = await Clients.CallAsync(Side.Refit, "GetWidget", [42], options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, "GetWidget", [42], options);

        Assert.Equal(Api + "/widgets/42", refit.SentRequest.Uri);
        Assert.Equal(refit.SentRequest.Uri, ours.SentRequest.Uri);
    }

    private static async Task AssertSameRequestAsync(string name, string refitSends)
    {
        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find(name));
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find(name));

        Assert.Equal(refitSends, refit.SentRequest.Uri);
        Assert.Equal(refit.SentRequest.ToString(), ours.SentRequest.ToString());
    }
}
