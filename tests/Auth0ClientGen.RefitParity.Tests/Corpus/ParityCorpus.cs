using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

/// <summary>
/// Interface methods in the vocabulary Refit and Auth0ClientGen share, each with the arguments it is called with.
/// Both libraries compile all of them into one interface, once per test run.
/// </summary>
/// <remarks>
/// To cover a new feature, add one line to <see cref="Same"/> when the two libraries must send the same request.
/// When we differ on purpose, add it to <see cref="Different"/> with a test in <c>DeliberateDifferenceTests</c> and
/// a section in <c>docs/refit-differences.md</c>. <see cref="FormerlyDifferent"/> keeps the cases where we once
/// differed and Refit was right; <c>FormerDifferenceTests</c> asserts Refit's behavior for each.
/// </remarks>
internal static class ParityCorpus
{
    private static readonly Guid SessionId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly DateTime Noon = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Morning = new(2026, 12, 4, 10, 30, 15, TimeSpan.FromHours(1));
    private static readonly Widget Gadget = new(7, "gadget", 19.99m, Morning, Note: "fragile & \"boxed\"");
    private static readonly Widget Plain = new(8, "plain", 0m, Morning, Note: null);
    private const string WidgetList = """[{"id":1,"name":"one","price":1,"created":"2026-12-04T10:30:00Z","note":null}]""";

    /// <summary>Methods whose requests, and results, must be identical on both sides.</summary>
    public static IReadOnlyList<CorpusMethod> Same { get; } =
    [
        // Every verb, and every return type.
        new("""[Get("/widgets/{id}")] Task<Widget> GetWidget(int id);""", [42]),
        new("""[Post("/widgets")] Task<Widget> CreateWidget([Body] Widget widget);""", [Gadget]),
        new("""[Put("/widgets/{id}")] Task<Widget> ReplaceWidget(int id, [Body] Widget widget);""", [8, Plain]),
        new("""[Patch("/widgets/{id}")] Task<Widget> PatchWidget(int id, [Body] Dictionary<string, string?> changes);""", [9, new Dictionary<string, string?> { ["name"] = "renamed", ["note"] = null }]),
        new("""[Delete("/widgets/{id}")] Task DeleteWidget(int id);""", [10]),
        new("""[Get("/widgets")] Task<List<Widget>> ListWidgets();""", [], WidgetList),
        new("""[Get("/widgets/{id}/label")] Task<string> GetLabel(int id);""", [11], "a label, not JSON"),
        new("""[Get("/widgets/{id}/raw")] Task<HttpResponseMessage> GetRaw(int id);""", [12]),
        new("""[Delete("/widgets/{id}/raw")] Task<HttpResponseMessage> DeleteRaw(int id);""", [13]),
        new("""[Post("/widgets/{id}/touch")] Task Touch(int id);""", [14]),
        new("""[Get("/widgets/{id}/cancellable")] Task<Widget> GetCancellable(int id, CancellationToken cancellationToken);""", [15, CancellationToken.None]),
        new("""[Get("/widgets/maybe")] Task<Widget?> GetMaybeWidget();""", [], ""),
        new("""[Get("/widgets/count")] Task<int> CountWidgets();""", [], "42"),
        new("""[Get("/widgets/any")] Task<bool> AnyWidgets();""", [], "true"),
        new("""[Get("/swatches/numbered")] Task<Swatch> GetNumberedSwatch();""", [], """{"name":"x","shade":1}"""),
        new("""[Get("/")] Task<string> Root();""", []),

        // Route placeholders.
        new("""[Get("/users/{userId}/orders/{orderId}")] Task<string> GetOrder(string userId, long orderId);""", ["u1", 9007199254740993L]),
        new("""[Get("/files/{name}.{ext}")] Task<string> GetFile(string name, string ext);""", ["report", "pdf"]),
        new("""[Get("/account({id})")] Task<string> GetAccount(string id);""", ["abc"]),
        new("""[Get("/ranges/{from}-{to}/items")] Task<string> GetRange(int from, int to);""", [1, 20]),
        new("""[Get("/people/{PersonId}")] Task<string> GetPersonCaseInsensitive(string personId);""", ["p-1"]),
        new("""[Get("/orgs/{org_id}/members")] Task<string> GetMembers([AliasAs("org_id")] string organizationId);""", ["org_42"]),
        new("""[Get("/pairs/{x}/{y}")] Task<string> GetPairAliased([AliasAs("x")] string first, [AliasAs("y")] string second);""", ["1", "2"]),
        new("""[Get("/keywords/{class}")] Task<string> GetKeywordRoute(string @class);""", ["k"]),
        new("""[Get("/sessions/{id}")] Task<string> GetSession(Guid id);""", [SessionId]),
        new("""[Get("/shades/{shade}")] Task<string> GetByShade(Shade shade);""", [Shade.DarkBlue]),
        new("""[Get("/shades/maybe/{shade}")] Task<string> GetByNullableShade(Shade? shade);""", [Shade.Red]),
        new("""[Get("/prices/{price}")] Task<string> GetByPrice(decimal price);""", [12.50m]),
        new("""[Get("/users/{id}")] Task<string> GetUserEscaped(string id);""", ["auth0|a b/c?d#e&f=g+h%i"]),
        new("""[Get("/names/{name}")] Task<string> GetUnicodeName(string name);""", ["Zoë 日本 😀"]),
        new("""[Get("/marks/{value}")] Task<string> GetMarks(string value);""", ["!*'()~;:@$,"]),
        new("""[Get("/dots/{value}")] Task<string> GetThreeDots(string value);""", ["..."]),
        new("""[Get("/spaces/{value}")] Task<string> GetBlank(string value);""", [" "]),
        new("""[Get("/files/a%20b/{id}")] Task<string> GetUnderEscapedLiteral(string id);""", ["x"]),
        new("""[Get("/café/{id}")] Task<string> GetUnderUnicodeLiteral(string id);""", ["x"]),

        // Query strings.
        new("""[Get("/search?type=all")] Task<string> SearchWithTemplateQuery(string q);""", ["blue widgets"]),
        new("""[Get("/search?type=all")] Task<string> SearchWithTemplateQueryOnly(string? q);""", [null]),
        new("""[Get("/search?flag")] Task<string> SearchAfterBareKey(string q);""", ["x"]),
        new("""[Get("/search?type=a%20b")] Task<string> SearchAfterEscapedValue(string q);""", ["x"]),
        new("""[Get("/search?type=a+b")] Task<string> SearchAfterPlus(string q);""", ["x"]),
        new("""[Get("/search?q=1")] Task<string> SearchRepeatingKey(string q);""", ["2"]),
        new("""[Get("/search?type={kind}")] Task<string> SearchPlaceholderInQuery(string kind);""", ["a b&c"]),
        new("""[Get("/query/string")] Task<string> QueryString(string value);""", ["plain"]),
        new("""[Get("/query/int")] Task<string> QueryInt(int value);""", [-42]),
        new("""[Get("/query/long")] Task<string> QueryLong(long value);""", [long.MinValue]),
        new("""[Get("/query/ulong")] Task<string> QueryULong(ulong value);""", [ulong.MaxValue]),
        new("""[Get("/query/short")] Task<string> QueryShort(short value);""", [(short)-3]),
        new("""[Get("/query/byte")] Task<string> QueryByte(byte value);""", [(byte)255]),
        new("""[Get("/query/decimal")] Task<string> QueryDecimal(decimal value);""", [1234.5678m]),
        new("""[Get("/query/double")] Task<string> QueryDouble(double value);""", [0.1]),
        new("""[Get("/query/double-large")] Task<string> QueryDoubleLarge(double value);""", [1.5e20]),
        new("""[Get("/query/float")] Task<string> QueryFloat(float value);""", [0.1f]),
        new("""[Get("/query/char")] Task<string> QueryChar(char value);""", ['&']),
        new("""[Get("/query/enum")] Task<string> QueryEnum(Shade value);""", [Shade.DarkBlue]),
        new("""[Get("/query/enum-undefined")] Task<string> QueryUndefinedEnum(Shade value);""", [(Shade)42]),
        new("""[Get("/query/guid")] Task<string> QueryGuid(Guid value);""", [SessionId]),
        new("""[Get("/query/nullable-int")] Task<string> QueryNullableInt(int? value);""", [null]),
        new("""[Get("/query/nullable-int-set")] Task<string> QueryNullableIntSet(int? value);""", [5]),
        new("""[Get("/query/nullable-decimal")] Task<string> QueryNullableDecimal(decimal? value);""", [2.5m]),
        new("""[Get("/query/nullable-enum")] Task<string> QueryNullableEnum(Shade? value);""", [Shade.Red]),
        new("""[Get("/query/nullable-guid")] Task<string> QueryNullableGuid(Guid? value);""", [null]),
        new("""[Get("/query/nullable-date")] Task<string> QueryNullableDate(DateTime? value);""", [null]),
        new("""[Get("/query/nullable-bool")] Task<string> QueryNullableBool(bool? value);""", [null]),
        new("""[Get("/query/null-string")] Task<string> QueryNullString(string? value);""", [null]),
        new("""[Get("/query/several")] Task<string> QuerySeveral(string a, int b, Shade c, string? d, long e);""", ["x", 2, Shade.Red, null, 5L]),
        new("""[Get("/query/keyword")] Task<string> QueryKeyword(string @class);""", ["k"]),
        new("""[Get("/query/alias")] Task<string> QueryAlias([AliasAs("page_size")] int pageSize);""", [50]),
        new("""[Get("/query/alias-swap")] Task<string> QueryAliasSwap([AliasAs("b")] string a, [AliasAs("a")] string b);""", ["1", "2"]),
        new("""[Get("/query/explicit")] Task<string> QueryExplicit([Query] string filter);""", ["name:gadget"]),
        new("""[Get("/query/explicit-alias")] Task<string> QueryExplicitAlias([Query, AliasAs("sort_by")] string sortBy);""", ["price"]),
        new("""[Get("/query/escaped-key")] Task<string> QueryEscapedKey([AliasAs("filter[name] x")] string value);""", ["a"]),
        new("""[Get("/query/space")] Task<string> QuerySpace(string value);""", ["two words"]),
        new("""[Get("/query/ampersand")] Task<string> QueryAmpersand(string value);""", ["salt&pepper"]),
        new("""[Get("/query/equals")] Task<string> QueryEquals(string value);""", ["a=b"]),
        new("""[Get("/query/plus")] Task<string> QueryPlus(string value);""", ["1+1"]),
        new("""[Get("/query/slash")] Task<string> QuerySlash(string value);""", ["a/b"]),
        new("""[Get("/query/question")] Task<string> QueryQuestion(string value);""", ["why?"]),
        new("""[Get("/query/hash")] Task<string> QueryHash(string value);""", ["#1"]),
        new("""[Get("/query/percent")] Task<string> QueryPercent(string value);""", ["100%25"]),
        new("""[Get("/query/marks")] Task<string> QueryMarks(string value);""", ["!*'()~;:@$,"]),
        new("""[Get("/query/unicode")] Task<string> QueryUnicode(string value);""", ["Zoë 日本 😀"]),
        new("""[Get("/query/lone-surrogate")] Task<string> QueryLoneSurrogate(string value);""", ["a\uD800b"]),
        new("""[Get("/query/empty")] Task<string> QueryEmpty(string value);""", [""]),

        // Headers.
        new("""[Get("/headers/string")] Task<string> HeaderString([Header("X-Request-Id")] string requestId);""", ["req-1"]),
        new("""[Get("/headers/int")] Task<string> HeaderInt([Header("X-Limit")] int limit);""", [25]),
        new("""[Get("/headers/decimal")] Task<string> HeaderDecimal([Header("X-Price")] decimal price);""", [1.5m]),
        new("""[Get("/headers/null")] Task<string> HeaderNull([Header("X-Trace")] string? trace);""", [null]),
        new("""[Get("/headers/nullable-int")] Task<string> HeaderNullableInt([Header("X-Count")] int? count);""", [null]),
        new("""[Get("/headers/enum")] Task<string> HeaderEnum([Header("X-Shade")] Shade shade);""", [Shade.DarkBlue]),
        new("""[Get("/headers/guid")] Task<string> HeaderGuid([Header("X-Session")] Guid session);""", [SessionId]),
        new("""[Get("/headers/unicode")] Task<string> HeaderUnicode([Header("X-Name")] string name);""", ["Zoë"]),
        new("""[Get("/headers/padded")] Task<string> HeaderPadded([Header("X-Name")] string name);""", ["  padded  "]),
        new("""[Get("/headers/empty")] Task<string> HeaderEmpty([Header("X-Name")] string name);""", [""]),
        new("""[Get("/headers/list")] Task<string> HeaderList([Header("X-Name")] string name);""", ["a, b"]),

        // Bodies, alone and with everything else.
        new("""[Post("/bodies/dictionary")] Task BodyDictionary([Body] Dictionary<string, int> counts);""", [new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }]),
        new("""[Post("/bodies/objects")] Task BodyObjects([Body] Dictionary<string, object?> values);""", [new Dictionary<string, object?> { ["n"] = 1, ["s"] = "x", ["nested"] = new Dictionary<string, object?> { ["when"] = Noon } }]),
        new("""[Post("/bodies/list")] Task BodyList([Body] List<Widget> widgets);""", [new List<Widget> { Gadget, Plain }]),
        new("""[Post("/bodies/numbers")] Task BodyNumbers([Body] int[] numbers);""", [new[] { 1, 2, 3 }]),
        new("""[Post("/bodies/null")] Task BodyNull([Body] Widget? widget);""", [null]),
        new("""[Put("/bodies/text/{id}")] Task BodyText(int id, [Body] string text);""", [7, "plain text, \"not\" JSON"]),
        new("""[Put("/bodies/text-empty/{id}")] Task BodyTextEmpty(int id, [Body] string text);""", [7, ""]),
        new("""[Delete("/bodies/on-delete")] Task BodyOnDelete([Body] Widget widget);""", [Plain]),
        new("""[Put("/bodies/{id}/all")] Task<Widget> BodyWithEverything(string id, [Body] Widget widget, [Header("X-Request-Id")] string requestId, int version);""", ["w 1", Gadget, "req-2", 3]),
    ];

    /// <summary>
    /// Methods where we send something else on purpose. Each has its own test in <c>DeliberateDifferenceTests</c>,
    /// which states exactly what each side sends.
    /// </summary>
    public static IReadOnlyList<CorpusMethod> Different { get; } =
    [
        new("""[Get("/query/bool")] Task<string> QueryBool(bool value);""", [true]),
        new("""[Get("/query/nullable-bool-set")] Task<string> QueryNullableBoolSet(bool? value);""", [false]),
        new("""[Get("/flags/{enabled}")] Task<string> RouteBool(bool enabled);""", [true]),
        new("""[Get("/headers/bool")] Task<string> HeaderBool([Header("X-Flag")] bool flag);""", [true]),
        new("""[Get("/query/datetime")] Task<string> QueryDateTime(DateTime value);""", [Noon]),
        new("""[Get("/query/datetimeoffset")] Task<string> QueryDateTimeOffset(DateTimeOffset value);""", [Morning]),
        new("""[Get("/query/dateonly")] Task<string> QueryDateOnly(DateOnly value);""", [new DateOnly(2026, 12, 4)]),
        new("""[Get("/query/timeonly")] Task<string> QueryTimeOnly(TimeOnly value);""", [new TimeOnly(10, 30, 15)]),
        new("""[Get("/days/{day}")] Task<string> RouteDateOnly(DateOnly day);""", [new DateOnly(2026, 12, 4)]),
        new("""[Get("/headers/date")] Task<string> HeaderDate([Header("X-When")] DateTimeOffset when);""", [Morning]),
        new("""[Get("/items/{id}/details")] Task<string> RouteValue(string? id);""", ["x"]),
        new("""[Get("/raw/failing")] Task<HttpResponseMessage> GetRawFailing();""", []),
    ];

    /// <summary>
    /// Methods where we once differed from Refit and Refit was right. <c>FormerDifferenceTests</c> asserts
    /// Refit's behavior for each, so the difference cannot come back.
    /// </summary>
    public static IReadOnlyList<CorpusMethod> FormerlyDifferent { get; } =
    [
        new("""[Get("/search?")] Task<string> SearchAfterBareQuestionMark(string q);""", ["x"]),
        new("""[Get("/search?type=all&")] Task<string> SearchAfterTrailingAmpersand(string q);""", ["x"]),
        new("""[Post("/swatches")] Task PostSwatch([Body] Swatch swatch);""", [new Swatch("x", Shade.DarkBlue)]),
        new("""[Get("/swatches/named")] Task<Swatch> GetNamedSwatch();""", [], """{"name":"x","shade":"DarkBlue"}"""),
    ];

    /// <summary>Everything that goes into the compiled interface.</summary>
    public static IReadOnlyList<CorpusMethod> All { get; } = [.. Same, .. Different, .. FormerlyDifferent];

    public static CorpusMethod Find(string name) => All.Single(method => method.Name == name);
}
