using System.Threading.Tasks;
using Auth0ClientGen.RefitParity.Tests.Corpus;
using Auth0ClientGen.RefitParity.Tests.Harness;

namespace Auth0ClientGen.RefitParity.Tests;

/// <summary>
/// Cases where we once sent something other than Refit and Refit was right: templates ending in "?" or "&amp;",
/// enums in JSON, a base address ending in "//", the default collection format, null header parameters over
/// fixed headers, collection formats on query-object properties, conditional [JsonIgnore], and null elements
/// of joined collections. Each asserts Refit's behavior.
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

    [Fact]
    public async Task ACollectionWithoutAFormatIsJoinedWithCommas()
    {
        await AssertSendsWhatRefitSendsAsync("CollectionDefault", Api + "/collections/default?ids=1%2C2%2C3");
        await AssertSendsWhatRefitSendsAsync("CollectionList", Api + "/collections/list?names=x%2Cy%20z");
        await AssertSendsWhatRefitSendsAsync(
            "CollectionEnumerable",
            Api + "/collections/enumerable?shades=Red%2CDarkBlue");
        await AssertSendsWhatRefitSendsAsync(
            "ObjectCollectionProperty",
            Api + "/objects/collection?page_size=0&Tags=x%2Cy");
    }

    [Fact]
    public async Task ANullHeaderParameterRemovesAFixedHeaderOfTheSameName()
    {
        await AssertSendsWhatRefitSendsAsync("StaticWithNullParameter", Api + "/static/param-null");
        await AssertSendsWhatRefitSendsAsync(
            "NullParameterAndInterfaceHeader",
            Api + "/h/param-null | Accept: application/json | X-Api-Version: 2");
    }

    [Fact]
    public async Task ACollectionFormatOnAPropertyOfAQueryObjectIsHonored()
        => await AssertSendsWhatRefitSendsAsync(
            "ObjectPropertyCollectionFormat",
            Api + "/objects/property-format?Ids=1%2C2");

    [Fact]
    public async Task APropertyJsonAlwaysIgnoresIsLeftOutOfTheQuery()
        => await AssertSendsWhatRefitSendsAsync("ObjectIgnoreAlways", Api + "/objects/ignore-always?Text=t");

    [Fact]
    public async Task APropertyJsonIgnoresWhenDefaultIsLeftOutWhileItHoldsTheDefault()
        => await AssertSendsWhatRefitSendsAsync("ObjectIgnoreWhenWritingDefault", Api + "/objects/ignore-when-default");

    [Fact]
    public async Task ANullElementOfAJoinedCollectionKeepsItsPlace()
        => await AssertSendsWhatRefitSendsAsync(
            "CollectionNullElementCsv",
            Api + "/collections/null-element-csv?names=a%2C%2Cb");

    /// <summary>
    /// Asserts the address and headers Refit sends (as <c>address | header | header</c>), then that our request and
    /// result are the same.
    /// </summary>
    private static async Task AssertSendsWhatRefitSendsAsync(string name, string refitSends)
    {
        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find(name));
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find(name));

        Assert.Equal(refitSends, string.Join(" | ", [refit.SentRequest.Uri, .. refit.SentRequest.Headers]));
        Assert.Equal(ParityTests.Comparable(refit.SentRequest), ParityTests.Comparable(ours.SentRequest));
        Assert.Equal(refit.Result, ours.Result);
    }
}
