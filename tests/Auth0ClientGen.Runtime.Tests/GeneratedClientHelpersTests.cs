using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Auth0ClientGen.Infrastructure;
using Auth0ClientGen.Runtime.Tests.Support;

namespace Auth0ClientGen.Runtime.Tests;

public sealed class GeneratedClientHelpersTests
{
    private const string Address = "https://api.example.com/users/42?api_key=private";

    [Theory]
    [InlineData("before\rafter")]
    [InlineData("before\nafter")]
    [InlineData("before\0after")]
    [InlineData("before\u0001after")]
    [InlineData("before\u001Fafter")]
    [InlineData("before\u007Fafter")]
    [InlineData("\u000B")]
    public void A_header_value_with_a_control_character_is_refused_without_being_echoed(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);

        var exception = Assert.Throws<ArgumentException>(
            () => GeneratedClientHelpers.AddHeader(request, "X-Key", value));

        Assert.Equal("value", exception.ParamName);
        Assert.Contains("'X-Key'", exception.Message);
        Assert.Contains("control character", exception.Message);
        Assert.DoesNotContain("before", exception.Message);
        Assert.False(request.Headers.Contains("X-Key"));
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("plain value")]
    [InlineData("café")]
    public void A_header_value_with_a_tab_or_printable_text_is_sent(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);

        GeneratedClientHelpers.AddHeader(request, "X-Key", value);

        Assert.Equal(value, Assert.Single(request.Headers.GetValues("X-Key")));
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_up_to_the_limit()
    {
        var body = new GeneratedBodyStream("0123456789abcdef"u8.ToArray(), 64L * 1024 * 1024);
        var exception = await SendExpectingFailureAsync(
            () => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(body) });

        Assert.True(body.BytesServed < 1024 * 1024, $"{body.BytesServed} bytes of the body were read.");
        Assert.Equal(ApiException.MaxContentBytes, exception.Content!.Length);
        Assert.StartsWith("0123456789abcdef0123", exception.Content);
        Assert.True(exception.IsContentTruncated);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_not_truncated()
    {
        var exception = await SendExpectingFailureAsync(() => Text(
            HttpStatusCode.BadRequest,
            new string('a', ApiException.MaxContentBytes),
            "text/plain"));

        Assert.Equal(ApiException.MaxContentBytes, exception.Content!.Length);
        Assert.False(exception.IsContentTruncated);
    }

    [Fact]
    public async Task A_cut_through_a_multibyte_character_leaves_no_replacement_character()
    {
        var exception = await SendExpectingFailureAsync(() => Text(
            HttpStatusCode.BadRequest,
            new string('a', ApiException.MaxContentBytes - 1) + "é and more",
            "text/plain"));

        Assert.True(exception.IsContentTruncated);
        Assert.Equal(new string('a', ApiException.MaxContentBytes - 1), exception.Content);
    }

    [Fact]
    public async Task The_error_body_is_decoded_with_the_response_charset()
    {
        var exception = await SendExpectingFailureAsync(() =>
        {
            var content = new ByteArrayContent(Encoding.Latin1.GetBytes("Ungültige Anfrage"));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "iso-8859-1" };
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = content };
        });

        Assert.Equal("Ungültige Anfrage", exception.Content);
        Assert.False(exception.IsContentTruncated);
    }

    [Fact]
    public async Task An_empty_error_body_gives_null_content()
    {
        var exception = await SendExpectingFailureAsync(() => new HttpResponseMessage(HttpStatusCode.NotFound));

        Assert.Null(exception.Content);
        Assert.EndsWith("answered 404 (Not Found).", exception.Message);
    }

    [Fact]
    public async Task An_error_body_that_repeats_the_access_token_is_redacted()
    {
        var exception = await SendExpectingFailureAsync(() => Text(
            HttpStatusCode.Unauthorized,
            $$"""{"error":"invalid_token","error_description":"Bad token {{ProviderFixture.AccessToken}} (expired)"}""",
            "application/json"));

        Assert.DoesNotContain(ProviderFixture.AccessToken, exception.Content);
        Assert.Contains("Bad token [redacted] (expired)", exception.Content);
        Assert.DoesNotContain(ProviderFixture.AccessToken, exception.ToString());
        Assert.Contains("\"Bad token [redacted] (expired)\" (invalid_token)", exception.Message);
    }

    [Theory]
    [InlineData("""{"message":"bad token opaque\u002Btok\/en\u003D\u003D"}""")]
    [InlineData("""{"message":"bad token opaque+tok\/en=="}""")]
    [InlineData("""{"detail":["bad token \u006Fpaque+tok/en=="]}""")]
    public async Task An_error_body_that_repeats_the_access_token_json_escaped_is_redacted(string body)
    {
        const string token = "opaque+tok/en==";

        var exception = await SendExpectingFailureAsync(() => Text(HttpStatusCode.Unauthorized, body, "application/json"), token);

        Assert.DoesNotContain(token, exception.ToString());
        Assert.DoesNotContain(token, System.Text.Json.JsonDocument.Parse(exception.Content!).RootElement.ToString());
        Assert.Contains("[redacted]", exception.Content);
    }

    [Fact]
    public async Task A_truncated_error_body_that_ends_in_part_of_the_access_token_is_redacted()
    {
        var filler = new string('x', ApiException.MaxContentBytes - 12);
        var exception = await SendExpectingFailureAsync(() => Text(
            HttpStatusCode.BadRequest,
            filler + ProviderFixture.AccessToken,
            "text/plain"));

        Assert.True(exception.IsContentTruncated);
        Assert.Equal(filler + "[redacted]", exception.Content);
    }

    [Fact]
    public async Task The_failure_names_the_address_without_query_and_quotes_the_api_cause()
    {
        var exception = await SendExpectingFailureAsync(() => Text(
            HttpStatusCode.Forbidden,
            """
            {"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: create:users","errorCode":"insufficient_scope"}
            """,
            "application/json"));

        Assert.StartsWith(
            "GET https://api.example.com/users/42 answered 403 (Forbidden): \"Insufficient scope, expected any of:"
            + " create:users\" (insufficient_scope). The access token lacks a permission",
            exception.Message);
        Assert.DoesNotContain("api_key", exception.Message);
    }

    [Fact]
    public async Task An_empty_body_is_null_when_the_result_may_be_null()
    {
        Assert.Null(await ReadJsonAsync<Person>(new HttpResponseMessage(HttpStatusCode.NoContent), allowNull: true));
        Assert.Null(await ReadJsonAsync<Person>(Json(string.Empty), allowNull: true));
        Assert.Null(await ReadJsonAsync<int?>(Json(string.Empty), allowNull: true));
        Assert.Null(await ReadJsonAsync<Person>(EmptyBodyOfUnknownLength(), allowNull: true));
    }

    public static TheoryData<string, Func<HttpResponseMessage>> ResponsesWithoutBody => new()
    {
        {
            "answered 204 (No Content), but the response had no body",
            () => new HttpResponseMessage(HttpStatusCode.NoContent)
        },
        { "answered 200 (OK), but the response had no body", () => Json(string.Empty) },
        { "answered 200 (OK), but the response had no body", EmptyBodyOfUnknownLength },
        { "answered 200 (OK), but the response had no body", () => Streamed(string.Empty, declareLength: true) },
        { "answered 200 (OK), but the response was JSON null", () => Streamed(" null ", declareLength: true) },
        {
            "answered 200 (OK), but the response was JSON null",
            () => Streamed("null" + new string(' ', 40), declareLength: true)
        },
        { "answered 200 (OK), but the response was JSON null", () => Json("null") },
        { "answered 200 (OK), but the response was JSON null", () => Json(" null\n") },
    };

    [Theory]
    [MemberData(nameof(ResponsesWithoutBody))]
    public async Task A_missing_value_fails_when_the_result_may_not_be_null(
        string expected,
        Func<HttpResponseMessage> respond)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReadJsonAsync<Person>(respond(), allowNull: false));

        Assert.StartsWith("GET https://api.example.com/users/42 " + expected, exception.Message);
        Assert.Contains("does not allow null", exception.Message);
        Assert.Contains("Task<HttpResponseMessage>", exception.Message);
        Assert.Contains("Task<Person?>", exception.Message);
        Assert.DoesNotContain("api_key", exception.Message);
    }

    [Fact]
    public async Task Json_null_for_a_value_type_fails_the_same_way()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReadJsonAsync<int>(Json("null"), allowNull: false));

        Assert.Contains("was JSON null while the method's return type does not allow null", exception.Message);
        Assert.Null(await ReadJsonAsync<int?>(Json("null"), allowNull: true));
        Assert.Null(await ReadJsonAsync<Person>(Json("null"), allowNull: true));
    }

    [Fact]
    public async Task A_value_is_read_whatever_allowNull_says()
    {
        Assert.Equal("Ada", (await ReadJsonAsync<Person>(Json("""{"name":"Ada"}"""), allowNull: false)).Name);
        Assert.Equal(7, await ReadJsonAsync<int>(Json("7"), allowNull: false));
        Assert.Equal(7, await ReadJsonAsync<int?>(Json("7"), allowNull: true));
    }

    [Fact]
    public async Task A_buffered_body_is_measured_from_its_stream_without_computing_a_content_length_header()
    {
        // Reading HttpContentHeaders.ContentLength of a buffered body computes the header and stores it, two objects
        // on every call; the stream knows the length already.
        using var response = Json("""{"name":"Ada"}""");

        Assert.Equal("Ada", (await ReadJsonAsync<Person>(response, allowNull: false)).Name);
        Assert.False(response.Content.Headers.NonValidated.Contains("Content-Length"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_streamed_body_is_read_whether_or_not_its_length_is_declared(bool declareLength)
    {
        var json = """{"name":"Ada"}""" + new string(' ', 40);

        Assert.Equal("Ada", (await ReadJsonAsync<Person>(Streamed(json, declareLength), allowNull: false)).Name);
        Assert.Equal(7, await ReadJsonAsync<int>(Streamed("7", declareLength), allowNull: false));
    }

    [Fact]
    public async Task Each_options_instance_reads_with_its_own_contract_when_calls_alternate()
    {
        // The contract of the last options is kept per type; another options instance must not be served it.
        var caseSensitive = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var web = GeneratedClientHelpers.DefaultJsonOptions;

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("Ada", (await ReadWithAsync(web)).Name);
            Assert.Null((await ReadWithAsync(caseSensitive)).Name);
        }

        ValueTask<Person> ReadWithAsync(JsonSerializerOptions options)
        {
            var response = Json("""{"name":"Ada"}""");
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address);
            return GeneratedClientHelpers.ReadJsonAsync<Person>(response, options, allowNull: false, default);
        }
    }

    [Fact]
    public async Task A_head_response_declaring_the_length_of_a_body_it_does_not_carry_has_no_value()
    {
        // HEAD answers carry the Content-Length a GET would have, with no body; HttpClient keeps the header.
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 100;
            return Task.CompletedTask;
        });
        using var httpClient = new HttpClient();

        Assert.Null(await HeadAsync(allowNull: true));
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => HeadAsync(allowNull: false));
        Assert.Contains("had no body", exception.Message);

        async Task<Person> HeadAsync(bool allowNull)
        {
            using var response = await httpClient.SendAsync(
                new HttpRequestMessage(HttpMethod.Head, server.Origin),
                HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(100, response.Content.Headers.ContentLength);
            return await GeneratedClientHelpers.ReadJsonAsync<Person>(
                response, GeneratedClientHelpers.DefaultJsonOptions, allowNull, default);
        }
    }

    [Fact]
    public async Task A_buffered_json_null_longer_than_the_probe_fails_when_the_result_may_not_be_null()
    {
        // Long enough to skip the probe and be read without waiting, so the null check after the read decides.
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReadJsonAsync<Person>(Json("null" + new string(' ', 40)), allowNull: false));

        Assert.Contains("was JSON null", exception.Message);
        Assert.Null(await ReadJsonAsync<Person>(Json("null" + new string(' ', 40)), allowNull: true));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_body_whose_reading_or_closing_waits_is_read_and_closed(bool readsWait, bool disposalWaits)
    {
        var json = """{"name":"Ada"}""" + new string(' ', 40);
        var body = new WaitingStream(Encoding.UTF8.GetBytes(json), readsWait, disposalWaits);

        var reading = ReadJsonAsync<Person>(Body(body), allowNull: false);
        Assert.False(reading.IsCompleted);
        body.Open();

        Assert.Equal("Ada", (await reading).Name);
        Assert.True(body.WasDisposed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_json_null_whose_closing_waits_still_fails_after_the_body_is_closed(bool readsWait)
    {
        var body = new WaitingStream(Encoding.UTF8.GetBytes("null" + new string(' ', 40)), readsWait, disposalWaits: true);

        var reading = ReadJsonAsync<Person>(Body(body), allowNull: false);
        Assert.False(reading.IsCompleted);
        body.Open();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => reading);
        Assert.Contains("was JSON null", exception.Message);
        Assert.True(body.WasDisposed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Malformed_json_closes_the_body_whether_or_not_reading_waits(bool readsWait)
    {
        var body = new WaitingStream(Encoding.UTF8.GetBytes("""{"name": nonsense, "padding": "          "}"""), readsWait, disposalWaits: false);

        var reading = ReadJsonAsync<Person>(Body(body), allowNull: false);
        body.Open();

        await Assert.ThrowsAnyAsync<JsonException>(() => reading);
        Assert.True(body.WasDisposed);
    }

    [Fact]
    public async Task Options_that_do_not_know_the_type_fail_and_close_the_body()
    {
        // Found before anything is read, while the body is already open, such as a JsonContext without the type.
        var body = new WaitingStream(Encoding.UTF8.GetBytes("""{"name":"Ada"}""" + new string(' ', 40)), false, false);
        var response = Body(body);
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address);
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() };

        await Assert.ThrowsAsync<NotSupportedException>(
            () => GeneratedClientHelpers.ReadJsonAsync<Person>(response, options, allowNull: false, default).AsTask());
        Assert.True(body.WasDisposed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_that_is_not_json_is_named_with_the_call_and_its_content_type(bool streamed)
    {
        // An HTML error page answered with 200 is the usual case; System.Text.Json alone says only "'<' is invalid".
        var html = "<html><body>Service unavailable, try later</body></html>";
        var response = streamed ? Streamed(html, declareLength: false) : Text(HttpStatusCode.OK, html, "text/html");
        if (streamed)
        {
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        }

        var exception = await Assert.ThrowsAsync<JsonException>(() => ReadJsonAsync<Person>(response, allowNull: false));

        Assert.StartsWith(
            "GET https://api.example.com/users/42 answered 200 (OK) with a body (text/html) that could not be read as"
            + " Person: '<' is an invalid start of a value.",
            exception.Message);
        Assert.DoesNotContain("api_key", exception.Message);
        Assert.DoesNotContain("Service unavailable", exception.Message);
        Assert.Equal("$", exception.Path);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task A_body_that_echoes_the_sent_token_where_json_reading_fails_has_it_redacted()
    {
        // System.Text.Json names the path of the failure, and a path holds the body's property names.
        const string token = "eyJ.echoed-token.NEVER-print-me";
        var response = Json($$"""{"{{token}}":"not a number"}""");
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address);
        response.RequestMessage.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var exception = await Assert.ThrowsAsync<JsonException>(() => GeneratedClientHelpers.ReadJsonAsync<
            System.Collections.Generic.Dictionary<string, int>>(
                response, GeneratedClientHelpers.DefaultJsonOptions, allowNull: false, default).AsTask());

        Assert.DoesNotContain(token, exception.Message);
        Assert.Contains("[redacted]", exception.Message);
    }

    [Fact]
    public async Task A_generic_result_is_named_with_its_type_arguments_when_the_body_is_not_json()
    {
        var exception = await Assert.ThrowsAsync<JsonException>(
            () => ReadJsonAsync<System.Collections.Generic.List<Person>>(Json("""{"name":"not a list"}"""), allowNull: false));

        Assert.Contains("could not be read as List<Person>:", exception.Message);
    }

    [Fact]
    public async Task Malformed_json_still_fails_as_json()
    {
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
            () => ReadJsonAsync<Person>(Json("nonsense"), allowNull: false));
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
            () => ReadJsonAsync<int>(Json("nul"), allowNull: false));
    }

    private static async Task<ApiException> SendExpectingFailureAsync(
        Func<HttpResponseMessage> respond,
        string accessToken = ProviderFixture.AccessToken)
    {
        using var httpClient = new HttpClient(new RecordingHandler(_ => respond()));
        using var request = new HttpRequestMessage(HttpMethod.Get, Address);

        return await Assert.ThrowsAsync<ApiException>(() => GeneratedClientHelpers.SendAsync(
            httpClient,
            new StaticCredentialsProvider(accessToken),
            request,
            new AccessTokenRequest(null),
            default));
    }

    private static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, bool allowNull)
    {
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, Address);
        return GeneratedClientHelpers.ReadJsonAsync<T>(
            response,
            GeneratedClientHelpers.DefaultJsonOptions,
            allowNull,
            default).AsTask();
    }

    private static HttpResponseMessage Text(HttpStatusCode statusCode, string body, string mediaType)
        => new(statusCode) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpResponseMessage Json(string body) => Text(HttpStatusCode.OK, body, "application/json");

    /// <summary>A body that cannot seek, as one read from the network is, with or without Content-Length.</summary>
    private static HttpResponseMessage Streamed(string body, bool declareLength)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new StreamContent(new GeneratedBodyStream(bytes.Length == 0 ? [0] : bytes, bytes.Length));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = declareLength ? bytes.Length : null;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static HttpResponseMessage EmptyBodyOfUnknownLength()
    {
        var content = new StreamContent(new GeneratedBodyStream([0], 0));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A response whose content hands out <paramref name="body"/> itself, so the test sees it closed.</summary>
    private static HttpResponseMessage Body(WaitingStream body)
    {
        var content = new StreamBodyContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public sealed record Person(string Name);

    /// <summary>
    /// A body in memory whose reads, closing or both wait until the test calls <see cref="Open"/>, as a body still
    /// arriving from the network does, so that the reader cannot finish them before they return.
    /// </summary>
    private sealed class WaitingStream(byte[] bytes, bool readsWait, bool disposalWaits) : MemoryStream(bytes, writable: false)
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool WasDisposed { get; private set; }

        public void Open() => _gate.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
        {
            if (readsWait)
            {
                await _gate.Task;
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (disposalWaits)
            {
                await _gate.Task;
            }

            WasDisposed = true;
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            WasDisposed = true;
            base.Dispose(disposing);
        }
    }
}
