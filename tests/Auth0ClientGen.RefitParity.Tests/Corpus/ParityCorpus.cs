using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

/// <summary>
/// Interface methods in the vocabulary Refit and Auth0ClientGen share, each with the arguments it is called with.
/// Both libraries compile all of them into two interfaces, one with fixed headers and one without, once per test run.
/// </summary>
/// <remarks>
/// To cover a new feature, add one line to <see cref="Same"/> when the two libraries must send the same request.
/// When we differ on purpose, add it to <see cref="Different"/> with a test in <c>DeliberateDifferenceTests</c> and
/// a section in <c>docs/refit-differences.md</c>. When we differ and Refit looks right, add it to
/// <see cref="SuspectedBugs"/> with a skipped test that asserts Refit's behavior.
/// <see cref="FormerlyDifferent"/> keeps the cases where we once differed and Refit was right;
/// <c>FormerDifferenceTests</c> asserts Refit's behavior for each.
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

        // HEAD and OPTIONS, value tasks, streamed results and generic methods.
        new("""[Head("/widgets/{id}")] Task HeadWidget(int id);""", [1]),
        new("""[Head("/widgets/{id}/raw")] Task<HttpResponseMessage> HeadWidgetRaw(int id);""", [2]),
        new("""[Options("/widgets")] Task<string> OptionsWidgets();""", [], "GET, POST"),
        new("""[Options("/widgets/{id}")] Task OptionsWidget(int id);""", [3]),
        new("""[Get("/widgets/{id}/value-task")] ValueTask<Widget> GetWidgetValueTask(int id);""", [4]),
        new("""[Get("/widgets/{id}/value-task-label")] ValueTask<string> GetLabelValueTask(int id);""", [5], "label"),
        new("""[Get("/widgets/{id}/value-task-raw")] ValueTask<HttpResponseMessage> GetRawValueTask(int id);""", [6]),
        new("""[Get("/files/{name}")] Task<Stream> Download(string name);""", ["report.pdf"], "file contents"),
        new("""[Get("/files/{name}/cancellable")] Task<Stream> DownloadCancellable(string name, CancellationToken cancellationToken);""", ["a b", CancellationToken.None], "file contents"),
        new("""[Get("/items/{id}")] Task<T> GetItem<T>(int id);""", [1]) { TypeArguments = [typeof(Widget)] },
        new("""[Get("/items/{id}/maybe")] Task<T?> GetMaybeItem<T>(int id) where T : class;""", [2], "") { TypeArguments = [typeof(Widget)] },
        new("""[Post("/items")] Task<TResult> CreateItem<TBody, TResult>([Body] TBody body);""", [Gadget]) { TypeArguments = [typeof(Widget), typeof(Widget)] },
        new("""[Get("/items/count")] Task<T> CountItems<T>() where T : struct;""", [], "42") { TypeArguments = [typeof(int)] },
        new("""[Get("/items/{id}/value-task")] ValueTask<T> GetItemValueTask<T>(int id);""", [3]) { TypeArguments = [typeof(Widget)] },

        // Bodies that are not JSON.
        new("""[Post("/uploads/content")] Task UploadContent([Body] HttpContent content);""", [CorpusArgument.Fresh(() => new StringContent("a,b", Encoding.UTF8, "text/csv"))]),
        new("""[Post("/uploads/bytes-content")] Task UploadByteContent([Body] HttpContent content);""", [CorpusArgument.Fresh(() => new ByteArrayContent([1, 2, 3]))]),
        new("""[Post("/uploads/stream-typed"), Headers("Content-Type: image/png")] Task UploadStreamTyped([Body] Stream data);""", [CorpusArgument.Fresh(() => new MemoryStream([0x89, 0x50]))]),

        // Fixed headers on the method, and on the interface with the method's overriding or removing them.
        new("""[Get("/static/method"), Headers("Accept: text/plain", "X-Static: one")] Task<string> StaticMethodHeaders();""", []),
        new("""[Get("/static/spacing"), Headers("X-Tight:tight", "X-Padded:   padded   ", "X-Time: 10:30:15")] Task<string> StaticHeaderSpacing();""", []),
        new("""[Get("/static/duplicate"), Headers("X-A: 1", "X-A: 2")] Task<string> StaticDuplicate();""", []),
        new("""[Get("/static/user-agent"), Headers("User-Agent: parity/1.0 (test)")] Task<string> StaticUserAgent();""", []),
        new("""[Get("/static/bare"), Headers("X-Bare")] Task<string> StaticBareName();""", []),
        new("""[Get("/static/param"), Headers("X-Name: static")] Task<string> StaticOverriddenByParameter([Header("X-Name")] string name);""", ["dynamic"]),
        new("""[Get("/static/param-empty"), Headers("X-Name: static")] Task<string> StaticOverriddenByEmptyParameter([Header("X-Name")] string name);""", [""]),
        new("""[Post("/static/content-type"), Headers("Content-Type: application/vnd.widget+json")] Task StaticContentType([Body] Widget widget);""", [Plain]),
        new("""[Post("/static/content-type-text"), Headers("Content-Type: text/csv")] Task StaticContentTypeText([Body] string text);""", ["a,b"]),
        new("""[Get("/static/content-type-no-body"), Headers("Content-Type: application/json")] Task<string> StaticContentTypeWithoutBody();""", []),
        new("""[Get("/h/inherited")] Task<string> InheritedHeaders();""", []) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/override"), Headers("Accept: text/csv")] Task<string> OverrideInterfaceHeader();""", []) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/override-case"), Headers("x-client: lower")] Task<string> OverrideInterfaceHeaderOtherCase();""", []) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/remove"), Headers("X-Client")] Task<string> RemoveInterfaceHeader();""", []) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/param")] Task<string> ParameterOverridesInterfaceHeader([Header("X-Client")] string client);""", ["param"]) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/param-case")] Task<string> ParameterOverridesInterfaceHeaderOtherCase([Header("x-client")] string client);""", ["param"]) { Interface = CorpusInterface.WithHeaders },
        new("""[Post("/h/body")] Task<Widget> InterfaceHeadersWithBody([Body] Widget widget);""", [Plain]) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/h/response")] Task<ApiResponse<Widget>> InterfaceHeadersWithApiResponse();""", []) { Interface = CorpusInterface.WithHeaders },

        // Collections in the query string, in an explicit format.
        new("""[Get("/collections/multi")] Task<string> CollectionMulti([Query(CollectionFormat.Multi)] int[] ids);""", [new[] { 1, 2, 3 }]),
        new("""[Get("/collections/csv")] Task<string> CollectionCsv([Query(CollectionFormat.Csv)] int[] ids);""", [new[] { 1, 2, 3 }]),
        new("""[Get("/collections/ssv")] Task<string> CollectionSsv([Query(CollectionFormat.Ssv)] string[] words);""", [new[] { "a b", "c,d" }]),
        new("""[Get("/collections/tsv")] Task<string> CollectionTsv([Query(CollectionFormat.Tsv)] string[] words);""", [new[] { "a", "b&c" }]),
        new("""[Get("/collections/pipes")] Task<string> CollectionPipes([Query(CollectionFormat.Pipes)] List<string> words);""", [new List<string> { "a|b", "c" }]),
        new("""[Get("/collections/csv-escaped")] Task<string> CollectionCsvEscaped([Query(CollectionFormat.Csv)] string[] words);""", [new[] { "a,b", "c d", "é" }]),
        new("""[Get("/collections/csv-named")] Task<string> CollectionCsvNamedArgument([Query(CollectionFormat = CollectionFormat.Csv)] int[] ids);""", [new[] { 1, 2 }]),
        new("""[Get("/collections/empty-multi")] Task<string> CollectionEmptyMulti([Query(CollectionFormat.Multi)] int[] ids);""", [Array.Empty<int>()]),
        new("""[Get("/collections/null")] Task<string> CollectionNull(int[]? ids);""", [null]),
        new("""[Get("/collections/null-csv")] Task<string> CollectionNullCsv([Query(CollectionFormat.Csv)] int[]? ids);""", [null]),
        new("""[Get("/collections/nullable-ints")] Task<string> CollectionNullableInts([Query(CollectionFormat.Multi)] int?[] ids);""", [new int?[] { 1, null, 3 }]),
        new("""[Get("/collections/decimals-csv")] Task<string> CollectionDecimalsCsv([Query(CollectionFormat.Csv)] decimal[] prices);""", [new[] { 1.5m, 2m }]),
        new("""[Get("/collections/finishes")] Task<string> CollectionFinishes([Query(CollectionFormat.Multi)] Finish[] finishes);""", [new[] { Finish.HighGloss, Finish.Matte }]),
        new("""[Get("/collections/alias")] Task<string> CollectionAlias([Query(CollectionFormat.Multi), AliasAs("id")] int[] ids);""", [new[] { 1, 2 }]),

        // Objects flattened into the query string.
        new("""[Get("/objects/query")] Task<string> ObjectQuery([Query] WidgetFilter filter);""", [new WidgetFilter { Text = "a b", PageSize = 20, Shade = Shade.DarkBlue, Finish = Corpus.Finish.HighGloss, Tags = ["x"], Secret = "hidden" }]),
        new("""[Get("/objects/implicit")] Task<string> ObjectImplicit(WidgetFilter filter);""", [new WidgetFilter { Text = "t", PageSize = 5 }]),
        new("""[Get("/objects/prefix")] Task<string> ObjectPrefix([Query(".", "f")] WidgetFilter filter);""", [new WidgetFilter { Text = "t", PageSize = 5, Tags = ["x"] }]),
        new("""[Get("/objects/underscore")] Task<string> ObjectUnderscorePrefix([Query("_", "f")] WidgetFilter filter);""", [new WidgetFilter { Text = "t", PageSize = 5 }]),
        new("""[Get("/objects/delimiter")] Task<string> ObjectDelimiterOnly([Query("-")] WidgetFilter filter);""", [new WidgetFilter { Text = "t", PageSize = 5 }]),
        new("""[Get("/objects/null")] Task<string> ObjectNull([Query] WidgetFilter? filter);""", [null]),
        new("""[Get("/objects/defaults")] Task<string> ObjectDefaults([Query] WidgetFilter filter);""", [new WidgetFilter()]),
        new("""[Get("/objects/with-scalar")] Task<string> ObjectWithScalar([Query] WidgetFilter filter, int page);""", [new WidgetFilter { Text = "t" }, 2]),
        new("""[Get("/objects/record")] Task<string> ObjectRecord([Query] Order order);""", [new Order(5, "eu")]),
        new("""[Get("/objects/aliased")] Task<string> ObjectAliased([Query] AliasedFilter filter);""", [CorpusArgument.Model("AliasedFilter", ("Text", "a"), ("PageSize", 10))]),
        new("""[Get("/objects/aliased-prefix")] Task<string> ObjectAliasedPrefix([Query(".", "f")] AliasedFilter filter);""", [CorpusArgument.Model("AliasedFilter", ("Text", "a"), ("PageSize", 10))]),
        new("""[Get("/objects/parameter-format")] Task<string> ObjectParameterCollectionFormat([Query(CollectionFormat.Csv)] WidgetFilter filter);""", [new WidgetFilter { Tags = ["x", "y"] }]),

        // Enums renamed with [EnumMember], and in JSON with both attributes.
        new("""[Get("/enums/query")] Task<string> QueryFinish(Finish value);""", [Finish.HighGloss]),
        new("""[Get("/enums/query-plain")] Task<string> QueryFinishPlain(Finish value);""", [Finish.Matte]),
        new("""[Get("/enums/query-nullable")] Task<string> QueryNullableFinish(Finish? value);""", [Finish.HighGloss]),
        new("""[Get("/enums/route/{value}")] Task<string> RouteFinish(Finish value);""", [Finish.HighGloss]),
        new("""[Post("/enums/body")] Task<Coating> PostCoating([Body] Coating coating);""", [new Coating(Finish.HighGloss, Grade.TopGrade)], """{"finish":"matte","grade":"top_grade"}"""),

        // Route placeholders that read a property or keep slashes.
        new("""[Get("/regions/{order.Region}/orders/{order.Id}")] Task<string> RouteProperties(Order order);""", [new Order(5, "eu west/1")]),
        new("""[Get("/blobs/{**path}")] Task<string> CatchAll(string path);""", ["dir one/sub/file name.txt"]),
        new("""[Get("/blobs/{**path}/meta")] Task<string> CatchAllThenLiteral(string path);""", ["a/b"]),
        new("""[Get("/blobs-escaped/{**path}")] Task<string> CatchAllEscaped(string path);""", ["a?b#c/d%e&f=g+h/Zoë"]),
        new("""[Get("/blobs-encoded/{**path}")] Task<string> CatchAllEncodedDots(string path);""", ["a/%2E%2E/b"]),
        new("""[Get("/blobs-query/{**path}")] Task<string> CatchAllWithQuery(string path, int version);""", ["a/b", 3]),
        new("""[Get("/blobs-single/{**path}")] Task<string> CatchAllSingleSegment(string path);""", ["file"]),
        new("""[Get("/blobs-leading/{**path}")] Task<string> CatchAllLeadingSlash(string path);""", ["/a/b"]),
        new("""[Get("/blobs-trailing/{**path}")] Task<string> CatchAllTrailingSlash(string path);""", ["a/b/"]),
        new("""[Get("/blobs-double/{**path}")] Task<string> CatchAllDoubleSlash(string path);""", ["a//b"]),
        new("""[Get("/blobs-int/{**id}")] Task<string> CatchAllInt(int id);""", [42]),

        // ApiResponse<T> on success; ParityTests compares failures too.
        new("""[Get("/responses/{id}")] Task<ApiResponse<Widget>> GetWidgetResponse(int id);""", [1]),
        new("""[Get("/responses/{id}/label")] Task<ApiResponse<string>> GetLabelResponse(int id);""", [2], "a label"),
        new("""[Get("/responses/count")] Task<ApiResponse<int?>> CountResponse();""", [], "5"),
        new("""[Get("/responses/list")] Task<ApiResponse<List<Widget>>> ListWidgetsResponse();""", [], WidgetList),
        new("""[Get("/responses/{id}/value-task")] ValueTask<ApiResponse<Widget>> GetWidgetResponseValueTask(int id);""", [3]),
        new("""[Post("/responses")] Task<ApiResponse<Widget>> CreateWidgetResponse([Body] Widget widget);""", [Gadget]),

        // IAsyncEnumerable<T>, read to the end.
        new("""[Get("/streams/widgets")] IAsyncEnumerable<Widget> StreamWidgets();""", [], WidgetList),
        new("""[Get("/streams/widgets/{kind}")] IAsyncEnumerable<Widget> StreamWidgetsCancellable(string kind, CancellationToken cancellationToken);""", ["k", CancellationToken.None], WidgetList),
        new("""[Get("/streams/numbers")] IAsyncEnumerable<int> StreamNumbers(int from);""", [1], "[1,2,3]"),
        new("""[Get("/streams/empty")] IAsyncEnumerable<Widget> StreamEmpty();""", [], "[]"),
        new("""[Get("/streams/nullable")] IAsyncEnumerable<Widget?> StreamNullable();""", [], "[null]"),
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
        new("""[Get("/collections/bools")] Task<string> CollectionBools([Query(CollectionFormat.Multi)] bool[] flags);""", [new[] { true, false }]),
        new("""[Get("/collections/bools-csv")] Task<string> CollectionBoolsCsv([Query(CollectionFormat.Csv)] bool[] flags);""", [new[] { true, false }]),
        new("""[Get("/objects/bool")] Task<string> ObjectBool([Query] WidgetFilter filter);""", [new WidgetFilter { InStock = true }]),
        new("""[Get("/collections/dates")] Task<string> CollectionDates([Query(CollectionFormat.Multi)] DateOnly[] days);""", [new[] { new DateOnly(2026, 12, 4) }]),
        new("""[Get("/blobs-dots/{**path}")] Task<string> CatchAllDotSegment(string path);""", ["a/b"]),
        new("""[Post("/uploads/bytes")] Task UploadBytes([Body] byte[] data);""", [new byte[] { 0x68, 0x69, 0x00, 0xFF }]),
        new("""[Put("/uploads/bytes-empty")] Task UploadEmptyBytes([Body] byte[] data);""", [Array.Empty<byte>()]),
        new("""[Post("/uploads/bytes-typed"), Headers("Content-Type: image/png")] Task UploadBytesTyped([Body] byte[] data);""", [new byte[] { 0x89, 0x50 }]),
        new("""[Post("/uploads/stream")] Task UploadStream([Body] Stream data);""", [CorpusArgument.Fresh(() => new MemoryStream("streamed"u8.ToArray()))]),
        new("""[Post("/uploads/stream-text")] Task<string> UploadStreamWithHeader([Body] Stream data, [Header("X-File")] string name);""", [CorpusArgument.Fresh(() => new MemoryStream("streamed"u8.ToArray())), "f.txt"], "ok"),
        new("""[Get("/static/empty"), Headers("X-Empty:")] Task<string> StaticEmptyValue();""", []),
        new("""[Get("/h/remove-colon"), Headers("X-Client:")] Task<string> RemoveInterfaceHeaderWithColon();""", []) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/enums/query-json-name")] Task<string> QueryGrade(Grade value);""", [Grade.TopGrade]),
        new("""[Get("/enums/route-json-name/{value}")] Task<string> RouteGrade(Grade value);""", [Grade.TopGrade]),
        new("""[Get("/enums/header-json-name")] Task<string> HeaderGrade([Header("X-Grade")] Grade value);""", [Grade.TopGrade]),
        new("""[Get("/collections/grades-csv")] Task<string> CollectionGradesCsv([Query(CollectionFormat.Csv)] Grade[] grades);""", [new[] { Grade.TopGrade, Grade.Standard }]),
        new("""[Get("/enums/header")] Task<string> HeaderFinish([Header("X-Finish")] Finish value);""", [Finish.HighGloss]),
        new("""[Get("/regions/{order.region}/lower")] Task<string> RoutePropertyOtherCase(Order order);""", [new Order(5, "eu")]),
        new("""[Get("/regions/{order.Region}/query")] Task<string> RoutePropertyAndQuery(Order order, int page);""", [new Order(5, "eu"), 2]),
        new("""[Get("/collections/empty-csv")] Task<string> CollectionEmptyCsv([Query(CollectionFormat.Csv)] int[] ids);""", [Array.Empty<int>()]),
        new("""[Get("/objects/ignore-when-null")] Task<string> ObjectIgnoreWhenWritingNull([Query] ConditionalFilter filter);""", [new ConditionalFilter { WhenNull = "w", WhenDefault = 3 }]),
        new("""[Get("/objects/ignore-never")] Task<string> ObjectIgnoreNever([Query] NeverIgnoredFilter filter);""", [new NeverIgnoredFilter { Text = "t", Never = "n" }]),
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
        new("""[Get("/collections/default")] Task<string> CollectionDefault(int[] ids);""", [new[] { 1, 2, 3 }]),
        new("""[Get("/collections/list")] Task<string> CollectionList([Query] List<string> names);""", [new List<string> { "x", "y z" }]),
        new("""[Get("/collections/enumerable")] Task<string> CollectionEnumerable(IEnumerable<Shade> shades);""", [new[] { Shade.Red, Shade.DarkBlue }]),
        new("""[Get("/objects/collection")] Task<string> ObjectCollectionProperty([Query] WidgetFilter filter);""", [new WidgetFilter { Tags = ["x", "y"] }]),
        new("""[Get("/static/param-null"), Headers("X-Name: static")] Task<string> StaticWithNullParameter([Header("X-Name")] string? name);""", [null]),
        new("""[Get("/h/param-null")] Task<string> NullParameterAndInterfaceHeader([Header("X-Client")] string? client);""", [null]) { Interface = CorpusInterface.WithHeaders },
        new("""[Get("/objects/property-format")] Task<string> ObjectPropertyCollectionFormat([Query] CsvFilter filter);""", [CorpusArgument.Model("CsvFilter", ("Ids", new[] { 1, 2 }))]),
        new("""[Get("/objects/ignore-always")] Task<string> ObjectIgnoreAlways([Query] AlwaysIgnoredFilter filter);""", [new AlwaysIgnoredFilter { Text = "t", Always = "a" }]),
        new("""[Get("/objects/ignore-when-default")] Task<string> ObjectIgnoreWhenWritingDefault([Query] ConditionalFilter filter);""", [new ConditionalFilter()]),
        new("""[Get("/collections/null-element-csv")] Task<string> CollectionNullElementCsv([Query(CollectionFormat.Csv)] string?[] names);""", [new[] { "a", null, "b" }]),
    ];


    /// <summary>
    /// Methods where we send something else and Refit looks right, none at the moment. Each gets a skipped test
    /// asserting Refit's behavior until the generator or runtime is fixed; then it moves to
    /// <see cref="FormerlyDifferent"/>.
    /// </summary>
    public static IReadOnlyList<CorpusMethod> SuspectedBugs { get; } = [];

    /// <summary>Everything that goes into the compiled interfaces.</summary>
    public static IReadOnlyList<CorpusMethod> All { get; } = [.. Same, .. Different, .. FormerlyDifferent, .. SuspectedBugs];

    /// <summary>The fixed headers on <c>IParityHeadersApi</c>.</summary>
    public const string InterfaceHeaders = """[Headers("Accept: application/json", "X-Api-Version: 2", "X-Client: parity")]""";

    /// <summary>
    /// Models each side compiles with its own library, because they carry the library's attributes; the other
    /// models are shared and live in <c>CorpusModels.cs</c>.
    /// </summary>
    public const string SideModels = """
        public sealed class AliasedFilter
        {
            [AliasAs("q")] public string? Text { get; set; }
            [AliasAs("per_page"), JsonPropertyName("page_size")] public int? PageSize { get; set; }
        }

        public sealed class CsvFilter
        {
            [Query(CollectionFormat.Csv)] public int[]? Ids { get; set; }
        }
        """;

    public static CorpusMethod Find(string name) => All.Single(method => method.Name == name);
}
