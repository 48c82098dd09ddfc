using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Auth0ClientGen.RefitParity.Tests.Corpus;
using Auth0ClientGen.RefitParity.Tests.Harness;

namespace Auth0ClientGen.RefitParity.Tests;

/// <summary>
/// Where we send or return something other than Refit on purpose. Each test states exactly what both sides do,
/// so a change on either side shows up here. docs/refit-differences.md explains why.
/// </summary>
public class DeliberateDifferenceTests
{
    private const string Api = ParityClients.BaseAddress;

    private static readonly ParityClients Clients = ParityClients.Instance;

    [Theory]
    [InlineData("QueryBool", Api + "/query/bool?value=True", Api + "/query/bool?value=true")]
    [InlineData(
        "QueryNullableBoolSet",
        Api + "/query/nullable-bool-set?value=False",
        Api + "/query/nullable-bool-set?value=false")]
    [InlineData("RouteBool", Api + "/flags/True", Api + "/flags/true")]
    [InlineData("HeaderBool", Api + "/headers/bool | X-Flag: True", Api + "/headers/bool | X-Flag: true")]
    [InlineData(
        "CollectionBools",
        Api + "/collections/bools?flags=True&flags=False",
        Api + "/collections/bools?flags=true&flags=false")]
    [InlineData(
        "CollectionBoolsCsv",
        Api + "/collections/bools-csv?flags=True%2CFalse",
        Api + "/collections/bools-csv?flags=true%2Cfalse")]
    [InlineData(
        "ObjectBool",
        Api + "/objects/bool?page_size=0&InStock=True",
        Api + "/objects/bool?page_size=0&InStock=true")]
    public async Task BooleansAreLowercase(string name, string refitSends, string weSend)
        => await AssertAddressAndHeadersDifferAsync(ParityCorpus.Find(name), refitSends, weSend);

    [Theory]
    [InlineData(
        "QueryDateTime",
        Api + "/query/datetime?value=12%2F04%2F2026%2012%3A00%3A00",
        Api + "/query/datetime?value=2026-12-04T12%3A00%3A00.0000000Z")]
    [InlineData(
        "QueryDateTimeOffset",
        Api + "/query/datetimeoffset?value=12%2F04%2F2026%2010%3A30%3A15%20%2B01%3A00",
        Api + "/query/datetimeoffset?value=2026-12-04T10%3A30%3A15.0000000%2B01%3A00")]
    [InlineData("QueryDateOnly", Api + "/query/dateonly?value=12%2F04%2F2026", Api + "/query/dateonly?value=2026-12-04")]
    [InlineData("QueryTimeOnly", Api + "/query/timeonly?value=10%3A30", Api + "/query/timeonly?value=10%3A30%3A15.0000000")]
    [InlineData("RouteDateOnly", Api + "/days/12%2F04%2F2026", Api + "/days/2026-12-04")]
    [InlineData(
        "CollectionDates",
        Api + "/collections/dates?days=12%2F04%2F2026",
        Api + "/collections/dates?days=2026-12-04")]
    [InlineData(
        "HeaderDate",
        Api + "/headers/date | X-When: 12/04/2026 10:30:15 +01:00",
        Api + "/headers/date | X-When: 2026-12-04T10:30:15.0000000+01:00")]
    public async Task DatesAndTimesAreIso8601(string name, string refitSends, string weSend)
        => await AssertAddressAndHeadersDifferAsync(ParityCorpus.Find(name), refitSends, weSend);

    [Theory]
    [InlineData("HeaderDecimal", "X-Price: 1,5", "X-Price: 1.5")]
    [InlineData("HeaderDate", "X-When: 04.12.2026 10:30:15 +01:00", "X-When: 2026-12-04T10:30:15.0000000+01:00")]
    public async Task HeaderValuesAreFormattedInTheInvariantCulture(string name, string refitSends, string weSend)
    {
        var method = ParityCorpus.Find(name);
        var options = CallOptions.For(method) with { Culture = new CultureInfo("de-DE") };

        var refit = await Clients.CallAsync(Side.Refit, method, options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, method, options);

        // Query values are formatted in the invariant culture on both sides; only Refit's headers follow the caller's.
        Assert.Equal([refitSends], refit.SentRequest.Headers);
        Assert.Equal([weSend], ours.SentRequest.Headers);
    }

    [Fact]
    public async Task ADateTimeKeepsItsFractionOfASecond()
    {
        var method = ParityCorpus.Find("QueryNullableDate") with
        {
            Arguments = [new DateTime(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Unspecified)],
        };

        await AssertAddressAndHeadersDifferAsync(
            method,
            Api + "/query/nullable-date?value=01%2F02%2F2026%2003%3A04%3A05",
            Api + "/query/nullable-date?value=2026-01-02T03%3A04%3A05.6000000");
    }

    public static TheoryData<string, object?[], string, Type> AddressChangingRouteValues => new()
    {
        { "RouteValue", [null], Api + "/items//details", typeof(ArgumentNullException) },
        { "RouteValue", [""], Api + "/items//details", typeof(ArgumentException) },
        { "RouteValue", ["."], Api + "/items/details", typeof(ArgumentException) },
        { "RouteValue", [".."], Api + "/details", typeof(ArgumentException) },
        // The rule is per value, so it holds even where literal text shares the segment and the address would survive.
        { "GetAccount", [""], Api + "/account()", typeof(ArgumentException) },
        { "GetFile", ["report", "."], Api + "/files/report..", typeof(ArgumentException) },
        // A catch-all value keeps its slashes, so each of its segments is held to the same rule.
        { "CatchAllDotSegment", [null], Api + "/blobs-dots/", typeof(ArgumentNullException) },
        { "CatchAllDotSegment", [""], Api + "/blobs-dots/", typeof(ArgumentException) },
        { "CatchAllDotSegment", ["."], Api + "/blobs-dots/", typeof(ArgumentException) },
        { "CatchAllDotSegment", [".."], Api + "/", typeof(ArgumentException) },
        { "CatchAllDotSegment", ["a/./b"], Api + "/blobs-dots/a/b", typeof(ArgumentException) },
        { "CatchAllDotSegment", ["./a"], Api + "/blobs-dots/a", typeof(ArgumentException) },
        { "CatchAllDotSegment", ["a/.."], Api + "/blobs-dots/", typeof(ArgumentException) },
        { "CatchAllDotSegment", ["a/../b"], Api + "/blobs-dots/b", typeof(ArgumentException) },
        { "RouteProperties", [new Order(1, "")], Api + "/regions//orders/1", typeof(ArgumentException) },
        { "RouteProperties", [new Order(1, "..")], Api + "/orders/1", typeof(ArgumentException) },
    };

    [Theory]
    [MemberData(nameof(AddressChangingRouteValues))]
    public async Task RouteValuesThatWouldChangeTheAddressAreRefused(
        string name,
        object?[] arguments,
        string refitSends,
        Type weThrow)
    {
        var refit = await Clients.CallAsync(Side.Refit, name, arguments);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, name, arguments);

        Assert.Equal(refitSends, refit.SentRequest.Uri);
        Assert.Null(ours.Request);
        Assert.IsType(weThrow, ours.Exception);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nb")]
    [InlineData("nul\0byte")]
    public async Task HeaderValuesWithControlCharactersAreRefused(string value)
    {
        var refit = await Clients.CallAsync(Side.Refit, "HeaderString", [value]);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, "HeaderString", [value]);

        // Refit hands the value to HttpClient unchecked; what reaches the wire is then up to the handler.
        Assert.Single(refit.SentRequest.Headers, line => line.StartsWith("X-Request-ID: ", StringComparison.Ordinal));
        Assert.Null(ours.Request);
        Assert.IsType<ArgumentException>(ours.Exception);
    }

    [Theory]
    [InlineData("CreateWidget")]
    [InlineData("BodyDictionary")]
    [InlineData("BodyList")]
    [InlineData("BodyNull")]
    public async Task JsonBodiesAreSerializedBeforeSendingAndCarryTheirLength(string name)
    {
        var method = ParityCorpus.Find(name);

        var refit = (await Clients.CallAsync(Side.Refit, method)).SentRequest;
        var ours = (await Clients.CallAsync(Side.Auth0ClientGen, method)).SentRequest;

        Assert.Equal(refit.Body, ours.Body);
        Assert.Equal(["Content-Type: application/json; charset=utf-8"], refit.ContentHeaders);
        var length = Encoding.UTF8.GetByteCount(ours.Body!);
        Assert.Equal([$"Content-Length: {length}", "Content-Type: application/json; charset=utf-8"], ours.ContentHeaders);
    }

    public static TheoryData<string, object?[]> NullBodiesThatAreNotJson => new()
    {
        { "BodyText", [7, null] },
        { "UploadBytes", [null] },
        { "UploadStream", [null] },
        { "UploadContent", [null] },
    };

    [Theory]
    [MemberData(nameof(NullBodiesThatAreNotJson))]
    public async Task ANullBodyThatIsNotJsonIsRefused(string name, object?[] arguments)
    {
        var refit = await Clients.CallAsync(Side.Refit, name, arguments);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, name, arguments);

        Assert.Equal("null", refit.SentRequest.Body);
        Assert.Equal(["Content-Type: application/json; charset=utf-8"], refit.SentRequest.ContentHeaders);
        Assert.Null(ours.Request);
        Assert.IsType<ArgumentNullException>(ours.Exception);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task AFailureStatusThrowsEvenWhenTheMethodReturnsTheResponse(HttpStatusCode status)
    {
        var options = CallOptions.Default with { Status = status, ResponseBody = """{"message":"nope"}""" };

        var refit = await Clients.CallAsync(Side.Refit, "GetRawFailing", [], options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, "GetRawFailing", [], options);

        Assert.Null(refit.Exception);
        Assert.Equal($"{(int)status} {{\"message\":\"nope\"}}", refit.Result);
        var exception = Assert.IsType<ApiException>(ours.Exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("""{"message":"nope"}""", exception.Content);
    }

    [Theory]
    [InlineData("GetWidget", HttpStatusCode.NoContent, "")]
    [InlineData("GetWidget", HttpStatusCode.OK, "")]
    [InlineData("GetWidget", HttpStatusCode.OK, "null")]
    [InlineData("GetWidgetValueTask", HttpStatusCode.NoContent, "")]
    [InlineData("GetItem", HttpStatusCode.OK, "null")]
    public async Task AMissingResultThrowsWhenTheResultTypeIsNotNullable(
        string name,
        HttpStatusCode status,
        string body)
    {
        var method = ParityCorpus.Find(name);
        var options = CallOptions.Default with { Status = status, ResponseBody = body };

        var refit = await Clients.CallAsync(Side.Refit, method, options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, method, options);

        // Refit hands back null for a Widget result, which the caller's nullable annotations say cannot happen.
        Assert.Null(refit.Exception);
        Assert.Null(refit.Result);
        Assert.IsType<InvalidOperationException>(ours.Exception);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsAJsonExceptionNotAnApiException()
    {
        var options = CallOptions.Default with { ResponseBody = "{not json" };

        var refit = await Clients.CallAsync(Side.Refit, "GetWidget", [1], options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, "GetWidget", [1], options);

        Assert.IsType<JsonException>(Assert.IsType<Refit.ApiException>(refit.Exception).InnerException);
        Assert.IsType<JsonException>(ours.Exception);
    }

    [Theory]
    [InlineData("https://api.example.com/v1?key=1", Api + "/widgets/42")]
    [InlineData("https://api.example.com/v1/#top", Api + "/widgets/42")]
    [InlineData("https://user:secret@api.example.com/v1", "https://user:secret@api.example.com/v1/widgets/42")]
    public async Task ABaseAddressWithAQueryFragmentOrUserInformationIsRefused(string baseAddress, string refitSends)
    {
        var options = CallOptions.Default with { BaseAddress = baseAddress };

        var refit = await Clients.CallAsync(Side.Refit, "GetWidget", [42], options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, "GetWidget", [42], options);

        Assert.Equal(refitSends, refit.SentRequest.Uri);
        Assert.Null(ours.Request);
        Assert.IsType<InvalidOperationException>(ours.Exception);
    }

    [Theory]
    [InlineData("UploadBytes", "Content-Type: application/octet-stream", "aGkA/w==")]
    [InlineData("UploadEmptyBytes", "Content-Type: application/octet-stream", "")]
    [InlineData("UploadBytesTyped", "Content-Type: image/png", "iVA=")]
    public async Task AByteArrayBodyIsSentAsTheBytes(string name, string contentType, string refitsBase64)
    {
        var method = ParityCorpus.Find(name);
        var bytes = (byte[])method.Arguments[0]!;

        var refit = (await Clients.CallAsync(Side.Refit, method)).SentRequest;
        var ours = (await Clients.CallAsync(Side.Auth0ClientGen, method)).SentRequest;

        // Refit serializes the array as a JSON string of Base64, whatever the declared content type says.
        Assert.Equal($"\"{refitsBase64}\"", refit.Body);
        Assert.Equal(Convert.ToBase64String(bytes), refitsBase64);
        Assert.Equal(Encoding.UTF8.GetString(bytes), ours.Body);
        Assert.Equal([$"Content-Length: {bytes.Length}", contentType], ours.ContentHeaders);
        Assert.Equal(refit.Uri, ours.Uri);
    }

    [Theory]
    [InlineData("UploadStream")]
    [InlineData("UploadStreamWithHeader")]
    public async Task AStreamBodyIsLabelledAsOctetStream(string name)
    {
        var refit = (await Clients.CallAsync(Side.Refit, ParityCorpus.Find(name))).SentRequest;
        var ours = (await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find(name))).SentRequest;

        Assert.Equal(["Content-Length: 8"], refit.ContentHeaders);
        Assert.Equal(["Content-Length: 8", "Content-Type: application/octet-stream"], ours.ContentHeaders);
        Assert.Equal("streamed", refit.Body);
        Assert.Equal(refit.Body, ours.Body);
        Assert.Equal(refit.Headers, ours.Headers);
    }

    [Theory]
    [InlineData("StaticEmptyValue", Api + "/static/empty | X-Empty: ", Api + "/static/empty")]
    [InlineData(
        "RemoveInterfaceHeaderWithColon",
        Api + "/h/remove-colon | Accept: application/json | X-Api-Version: 2 | X-Client: ",
        Api + "/h/remove-colon | Accept: application/json | X-Api-Version: 2")]
    public async Task AFixedHeaderWithAColonAndNoValueIsRemoved(string name, string refitSends, string weSend)
        => await AssertAddressAndHeadersDifferAsync(ParityCorpus.Find(name), refitSends, weSend);

    [Theory]
    [InlineData(
        "QueryGrade",
        Api + "/enums/query-json-name?value=TopGrade",
        Api + "/enums/query-json-name?value=top_grade")]
    [InlineData("RouteGrade", Api + "/enums/route-json-name/TopGrade", Api + "/enums/route-json-name/top_grade")]
    [InlineData(
        "CollectionGradesCsv",
        Api + "/collections/grades-csv?grades=TopGrade%2CStandard",
        Api + "/collections/grades-csv?grades=top_grade%2CStandard")]
    [InlineData(
        "HeaderGrade",
        Api + "/enums/header-json-name | X-Grade: TopGrade",
        Api + "/enums/header-json-name | X-Grade: top_grade")]
    [InlineData(
        "HeaderFinish",
        Api + "/enums/header | X-Finish: HighGloss",
        Api + "/enums/header | X-Finish: high-gloss")]
    public async Task EnumMembersGoByTheirDeclaredNamesEverywhere(string name, string refitSends, string weSend)
        => await AssertAddressAndHeadersDifferAsync(ParityCorpus.Find(name), refitSends, weSend);

    [Theory]
    [InlineData("RoutePropertyOtherCase", Api + "/regions/eu/lower?Id=5", Api + "/regions/eu/lower")]
    [InlineData("RoutePropertyAndQuery", Api + "/regions/eu/query?Id=5&page=2", Api + "/regions/eu/query?page=2")]
    public async Task AnObjectThatFillsRoutePlaceholdersAddsNothingToTheQuery(
        string name,
        string refitSends,
        string weSend)
        => await AssertAddressAndHeadersDifferAsync(ParityCorpus.Find(name), refitSends, weSend);

    [Fact]
    public async Task AnEmptyCollectionIsLeftOut()
        => await AssertAddressAndHeadersDifferAsync(
            ParityCorpus.Find("CollectionEmptyCsv"),
            Api + "/collections/empty-csv?ids=",
            Api + "/collections/empty-csv");

    [Fact]
    public async Task APropertyMarkedNeverIgnoredIsSent()
        => await AssertAddressAndHeadersDifferAsync(
            ParityCorpus.Find("ObjectIgnoreNever"),
            Api + "/objects/ignore-never?Text=t",
            Api + "/objects/ignore-never?Text=t&Never=n");

    [Fact]
    public async Task APropertyIgnoredByJsonOnlyWhenNullOrDefaultIsSentWhenItHasAValue()
        => await AssertAddressAndHeadersDifferAsync(
            ParityCorpus.Find("ObjectIgnoreWhenWritingNull"),
            Api + "/objects/ignore-when-null",
            Api + "/objects/ignore-when-null?WhenNull=w&WhenDefault=3");

    [Theory]
    [InlineData("GetWidgetResponse")]
    [InlineData("CountResponse")]
    public async Task AnApiResponseWhoseSuccessBodyIsNotJsonThrowsJsonException(string name)
    {
        var options = CallOptions.Default with { ResponseBody = "{not json" };

        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find(name), options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find(name), options);

        // Refit returns the response with a 200 status and the deserialization failure as its Error.
        Assert.Null(refit.Exception);
        Assert.Equal("ApiResponse 200 content: null error: 200 {not json", refit.Result);
        Assert.IsType<JsonException>(ours.Exception);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent)]
    [InlineData(HttpStatusCode.OK)]
    public async Task AnAsyncSequenceWithoutABodyIsEmpty(HttpStatusCode status)
    {
        var options = CallOptions.Default with { Status = status, ResponseBody = "" };

        var refit = await Clients.CallAsync(Side.Refit, ParityCorpus.Find("StreamWidgets"), options);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, ParityCorpus.Find("StreamWidgets"), options);

        Assert.IsType<JsonException>(refit.Exception);
        Assert.Null(ours.Exception);
        Assert.Equal("sequence: []", ours.Result);
    }

    /// <summary>
    /// Asserts the address and headers each side sends, and that nothing else about the request or the result
    /// differs.
    /// </summary>
    private static async Task AssertAddressAndHeadersDifferAsync(CorpusMethod method, string refitSends, string weSend)
    {
        var refit = await Clients.CallAsync(Side.Refit, method);
        var ours = await Clients.CallAsync(Side.Auth0ClientGen, method);

        Assert.Equal(refitSends, AddressAndHeaders(refit.SentRequest));
        Assert.Equal(weSend, AddressAndHeaders(ours.SentRequest));
        Assert.Equal(refit.SentRequest.Method, ours.SentRequest.Method);
        Assert.Equal(refit.SentRequest.Body, ours.SentRequest.Body);
        Assert.Equal(refit.Result, ours.Result);
    }

    private static string AddressAndHeaders(CapturedRequest request)
        => string.Join(" | ", [request.Uri, .. request.Headers]);
}
