using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// The steps every generated method shares: resolving the base address, authorizing and sending the
/// request, turning failures into <see cref="ApiException"/> and reading the response.
/// Generated clients call it; hand-written code should not depend on it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedClientHelpers
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };


    private static readonly HttpRequestOptionsKey<string?> RejectedTokenKey = new("Auth0ClientGen.RejectedToken");

    // The characters of an HTTP token (RFC 9110), which is what a header name is.
    private static readonly SearchValues<char> HeaderNameCharacters = SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // The C0 control characters and DEL. Horizontal tab is left out: RFC 9110 allows it inside a field value.
    private static readonly SearchValues<char> ForbiddenHeaderCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(code => code != '\t').Select(code => (char)code), '\u007F']);

    /// <summary>
    /// The JSON settings generated clients use: System.Text.Json's web defaults (camelCase names,
    /// case-insensitive reading, numbers allowed in strings), with enums as camelCase names.
    /// </summary>
    /// <remarks>
    /// Serialization through these options uses reflection, so it is neither trimming- nor AOT-safe.
    /// Removing that needs a JsonSerializerContext supplied to the generated client.
    /// </remarks>
    public static JsonSerializerOptions DefaultJsonOptions
    {
        [RequiresUnreferencedCode(ReflectionJsonMessage)]
        [RequiresDynamicCode(ReflectionJsonMessage)]
        get => ReflectionJson.Options;
    }

    private const string ReflectionJsonMessage =
        "The default JSON options read types through reflection. For trimming and Native AOT, declare"
        + " [Auth0Api(JsonContext = typeof(YourJsonSerializerContext))] on the interface.";

    /// <summary>
    /// Returns the client's base address, or the interface's declared <c>BaseUrl</c> when the client has none.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is set.</exception>
    public static Uri ResolveBaseAddress(HttpClient httpClient, Uri? declaredBaseAddress, string interfaceName)
    {
        return httpClient.BaseAddress ?? declaredBaseAddress ?? throw new InvalidOperationException(
            $"The client for {interfaceName} has no base address. Set HttpClient.BaseAddress, configure"
            + " Auth0:BaseUrl, or declare [Auth0Api(BaseUrl = \"https://...\")] on the interface.");
    }

    /// <summary>Adds a header from a parameter, leaving it out (and any fixed value of it) when the value is null.</summary>
    /// <exception cref="ArgumentException">
    /// The value contains a control character other than horizontal tab (such as a line break or NUL), or the
    /// name is not one that can be sent as a request header.
    /// </exception>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        // A null value leaves the header out, including a fixed [Headers] value of the same name.
        if (value is null)
        {
            request.Headers.Remove(name);
            return;
        }

        if (value.AsSpan().IndexOfAny(ForbiddenHeaderCharacters) >= 0)
        {
            // The value is deliberately not echoed: headers often carry keys or tokens.
            throw new ArgumentException(
                $"The value for header '{name}' contains a control character (such as a line break or NUL)."
                + " Line breaks could inject extra headers, and other control characters are not allowed in"
                + " header values. Remove them from the value.",
                nameof(value));
        }

        // A parameter's value replaces a fixed [Headers] value of the same name instead of adding a second one.
        request.Headers.Remove(name);
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException(
                $"'{name}' cannot be sent as a request header from a parameter (it is a content header or"
                + " not a valid header name).",
                nameof(name));
        }
    }

    /// <summary>
    /// Adds every entry of a <c>[HeaderCollection]</c> parameter as a header, replacing fixed headers of the
    /// same name. Null values are left out; content headers go on the body.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A name is not a valid header name or is one the client sets itself (Authorization, Host, Connection,
    /// Transfer-Encoding), a value has a control character, or a content header is given for a request
    /// without a body.
    /// </exception>
    public static void AddHeaders<TValue>(HttpRequestMessage request, IEnumerable<KeyValuePair<string, TValue>>? headers)
        where TValue : class?
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAnyExcept(HeaderNameCharacters) >= 0)
            {
                throw new ArgumentException(
                    "A header collection holds an entry whose name is not a valid header name.", nameof(headers));
            }

            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"A header collection cannot set '{name}': the client or HttpClient sets it itself.",
                    nameof(headers));
            }

            if (value?.ToString() is not { } text)
            {
                // Null leaves the header out, a fixed [Headers] value of the same name included.
                if (!IsContentHeader(name))
                {
                    request.Headers.Remove(name);
                }

                continue;
            }

            if (!IsContentHeader(name))
            {
                AddHeader(request, name, text);
                continue;
            }

            if (text.AsSpan().IndexOfAny(ForbiddenHeaderCharacters) >= 0)
            {
                throw new ArgumentException(
                    $"The value for header '{name}' contains a control character. Remove it from the value.",
                    nameof(headers));
            }

            var content = request.Content ?? throw new ArgumentException(
                $"A header collection sets the content header '{name}', but the request has no body.",
                nameof(headers));
            content.Headers.Remove(name);
            content.Headers.TryAddWithoutValidation(name, text);
        }
    }

    /// <summary>
    /// Sets a header declared with <c>[Headers]</c>. The generator has checked its name and value already. A
    /// content header goes on the body, and is left out when the request has none.
    /// </summary>
    public static void SetStaticHeader(HttpRequestMessage request, string name, string value)
    {
        if (IsContentHeader(name))
        {
            if (request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            return;
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    // The generator decides the same for [Headers] when it writes a client (ClientEmitter.IsContentHeader), so that
    // a request header is added without this helper; the two lists must stay alike.
    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Allow", StringComparison.OrdinalIgnoreCase);

    /// <summary>Serializes <paramref name="value"/> as a JSON request body.</summary>
    /// <remarks>The body is serialized up front, so it can be sent again and errors surface before sending.</remarks>
    public static HttpContent CreateJsonContent<T>(T value, JsonSerializerOptions options)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>(options)));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>Sends <paramref name="text"/> as a UTF-8 <c>text/plain</c> body, exactly as given.</summary>
    /// <exception cref="ArgumentNullException">The text is null; send an empty string for an empty body.</exception>
    public static HttpContent CreateTextContent(string? text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringContent(text, System.Text.Encoding.UTF8, "text/plain");
    }

    /// <summary>
    /// Authorizes <paramref name="request"/> with a bearer token from <paramref name="credentials"/>, sends it,
    /// and throws <see cref="ApiException"/> when the status code is not a success.
    /// </summary>
    /// <remarks>
    /// A null <paramref name="credentials"/> sends the request without a token. Of an error response's body, at
    /// most <see cref="ApiException.MaxContentBytes"/> is read into <see cref="ApiException.Content"/>, with the
    /// access token replaced wherever the body repeats it.
    /// </remarks>
    public static Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        ICredentialsProvider? credentials,
        HttpRequestMessage request,
        AccessTokenRequest tokenRequest,
        CancellationToken cancellationToken)
        => SendAsync(httpClient, credentials, request, tokenRequest, acceptErrorStatus: false, cancellationToken).AsTask();

    /// <summary>
    /// Authorizes <paramref name="request"/> with a bearer token from <paramref name="credentials"/> and sends it,
    /// as the overload without <paramref name="acceptErrorStatus"/> does.
    /// </summary>
    /// <param name="httpClient">Sends the request.</param>
    /// <param name="credentials">Supplies the access token; null sends the request without one.</param>
    /// <param name="request">The request, with its absolute address.</param>
    /// <param name="tokenRequest">The audience and scope of the token.</param>
    /// <param name="acceptErrorStatus">
    /// Whether a response with a status outside 200–299 is returned, for <see cref="ReadApiResponseAsync{T}"/> to
    /// describe in <see cref="ApiResponse{T}.Error"/>, instead of thrown as an <see cref="ApiException"/>. An
    /// argument rather than a mark in <see cref="HttpRequestMessage.Options"/>, whose first write creates a
    /// dictionary on every call.
    /// </param>
    /// <param name="cancellationToken">Cancels the token request and the send.</param>
    /// <returns>
    /// A <see cref="ValueTask{TResult}"/>: when the answer is there without waiting, as from a handler that answers
    /// in memory, the call costs no Task. Await it once.
    /// </returns>
    public static ValueTask<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        ICredentialsProvider? credentials,
        HttpRequestMessage request,
        AccessTokenRequest tokenRequest,
        bool acceptErrorStatus,
        CancellationToken cancellationToken)
    {
        // Not an async method itself: when the token is cached and the answer is a success that is there without
        // waiting, the call costs no state machine. Anything else (a token or an answer still on its way, a
        // rejected token, an error status, a failure) continues in ContinueSendingAsync, which does all the rest.
        var activity = StartApiCall(request);
        ValueTask<string> token = default;
        Task<HttpResponseMessage>? sending = null;
        try
        {
            if (credentials is not null)
            {
                // Checked before the token is requested, so a refused destination costs no token and sends nothing.
                var client = credentials as ApiCredentialsProvider;
                (client?.Destinations ?? TokenDestinations.BaseAddressOnly).Ensure(
                    request.RequestUri, httpClient.BaseAddress, client?.ApiName ?? "the client", client?.Logger);
                token = credentials.GetAccessTokenAsync(tokenRequest, cancellationToken);
                if (!token.IsCompletedSuccessfully)
                {
                    return ContinueSendingAsync(
                        httpClient, credentials, request, tokenRequest, acceptErrorStatus, activity, token, null, cancellationToken);
                }

                // A ValueTask is read once: the continuation gets the token itself.
                var accessToken = token.Result;
                token = new ValueTask<string>(accessToken);
                Authorize(request, credentials, accessToken);
            }

            sending = httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (sending.IsCompletedSuccessfully && sending.Result is { IsSuccessStatusCode: true } response)
            {
                NoteAnswer(activity, request, response);
                activity?.Dispose();
                return new ValueTask<HttpResponseMessage>(response);
            }
        }
        catch (Exception exception)
        {
            return Fail(activity, exception);
        }

        return ContinueSendingAsync(
            httpClient, credentials, request, tokenRequest, acceptErrorStatus, activity, token, sending, cancellationToken);
    }

    /// <summary>
    /// The rest of <see cref="SendAsync(HttpClient, ICredentialsProvider?, HttpRequestMessage, AccessTokenRequest, bool, CancellationToken)"/>
    /// once something has to be waited for or handled: the token, then the send when <paramref name="sending"/> is
    /// null, the renewal and retry after a rejected token, and the status check. It ends the span.
    /// </summary>
    /// <remarks>
    /// <c>token</c> is completed, with null, when there are no credentials; <c>sending</c> is the send already started
    /// with the token, or null to start it here.
    /// </remarks>
    private static async ValueTask<HttpResponseMessage> ContinueSendingAsync(
        HttpClient httpClient,
        ICredentialsProvider? credentials,
        HttpRequestMessage request,
        AccessTokenRequest tokenRequest,
        bool acceptErrorStatus,
        Activity? activity,
        ValueTask<string> token,
        Task<HttpResponseMessage>? sending,
        CancellationToken cancellationToken)
    {
        using (activity)
        {
            try
            {
                var accessToken = await token.ConfigureAwait(false);
                if (sending is null)
                {
                    if (credentials is not null)
                    {
                        Authorize(request, credentials, accessToken);
                    }

                    sending = httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                }

                var response = await sending.ConfigureAwait(false);

                // The API rejected the token (a revoked key, a rotated signing key): renew it and try once more, but
                // only when the answer came to a request that carried the token, and the body can be sent again. A
                // second rejection is final.
                if (credentials is not null
                    && IsTokenRejection(response)
                    && AnsweredRequestCarriedToken(response, request)
                    && ReplayableContent.CanSendAgain(request.Content))
                {
                    response.Dispose();
                    Telemetry.Record(Telemetry.Retries, Telemetry.ReasonTag, "rejected", Telemetry.AudienceTag, tokenRequest.Audience);
                    var client = credentials as ApiCredentialsProvider;
                    if (client?.Logger is { } logger && request.RequestUri is { IsAbsoluteUri: true } address)
                    {
                        Log.AccessTokenRejectedRetrying(logger, client.ApiName, TokenDestinations.Describe(address));
                    }

                    var rejectedToken = accessToken;
                    request = CopyForRetry(request);

                    // Kept with the retry so that an error it gets can have both tokens redacted: the API saw both.
                    request.Options.Set(RejectedTokenKey, rejectedToken);
                    accessToken = await credentials
                        .GetAccessTokenAsync(tokenRequest with { ForceRenewal = true }, cancellationToken)
                        .ConfigureAwait(false);
                    Authorize(request, credentials, accessToken);
                    response = await httpClient
                        .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                        .ConfigureAwait(false);
                }

                NoteAnswer(activity, request, response);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                activity?.SetTag(Telemetry.ErrorTag, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error);
                if (acceptErrorStatus)
                {
                    return response;
                }

                using (response)
                {
                    throw await CreateApiExceptionAsync(request, response, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (RecordFailure(activity, exception))
            {
                // Never reached: the filter records the failure and lets the exception go on.
                throw;
            }
        }
    }

    /// <summary>Puts the bearer token on the request, through the client's own header cache when it has one.</summary>
    private static void Authorize(HttpRequestMessage request, ICredentialsProvider credentials, string accessToken)
    {
        if (credentials is ApiCredentialsProvider client)
        {
            client.Authorization.Apply(request, accessToken, client.ApiName);
        }
        else
        {
            BearerAuthorization.Shared.Apply(request, accessToken, "the client");
        }
    }

    /// <summary>What every answer gets, whatever its status: its request, and its status on the span.</summary>
    private static void NoteAnswer(Activity? activity, HttpRequestMessage request, HttpResponseMessage response)
    {
        // Real handlers link the request; a test double may not, and the readers name it in their messages.
        response.RequestMessage ??= request;
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
    }

    /// <summary>
    /// A failure before anything was awaited, handed back in the ValueTask as an async method would: recorded on the
    /// span, which it ends. Awaiting it throws the exception with its stack trace.
    /// </summary>
    private static ValueTask<HttpResponseMessage> Fail(Activity? activity, Exception exception)
    {
        RecordFailure(activity, exception);
        activity?.Dispose();
        return Failed<HttpResponseMessage>(exception);
    }

    /// <summary>
    /// Starts the client span of one call, tagged with the method and the host only: the path and query string
    /// can carry identifiers or personal data, and headers can carry the token.
    /// </summary>
    private static Activity? StartApiCall(HttpRequestMessage request)
    {
        var activity = Telemetry.ActivitySource.StartActivity(Telemetry.ApiCallActivityName, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("http.request.method", request.Method.Method);
        if (request.RequestUri is { IsAbsoluteUri: true } address)
        {
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
        }

        return activity;
    }

    private static bool RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return false;
        }

        if (exception is ApiException { StatusCode: var status })
        {
            activity.SetTag("http.response.status_code", (int)status);
            activity.SetTag(Telemetry.ErrorTag, ((int)status).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            activity.SetTag(Telemetry.ErrorTag, exception.GetType().FullName);
        }

        activity.SetStatus(ActivityStatusCode.Error);

        return false;
    }

    /// <summary>
    /// Turns a response into an <see cref="ApiResponse{T}"/>, which then owns it: on a success status the body is
    /// read as JSON, and an empty body or JSON <c>null</c> gives <see langword="default"/>; on any other status
    /// <see cref="ApiResponse{T}.Error"/> holds the <see cref="ApiException"/> that SendAsync would
    /// have thrown.
    /// </summary>
    /// <exception cref="JsonException">
    /// A successful response's body is not valid JSON for <typeparamref name="T"/>. The response is disposed.
    /// </exception>
    /// <remarks>
    /// A <see cref="ValueTask{TResult}"/>, as <see cref="ReadJsonAsync{T}"/> is: a body that has arrived is read
    /// without waiting, and then the call costs no Task.
    /// </remarks>
    public static ValueTask<ApiResponse<T>> ReadApiResponseAsync<T>(
        HttpResponseMessage response,
        JsonSerializerOptions options,
        CancellationToken cancellationToken)
    {
        // Not an async method itself: when the body is read without waiting, the usual case once an answer has
        // arrived, the call costs no state machine. ReadJsonAsync never throws from the call, so every path disposes
        // the response if it fails, as ToApiResponseAsync does.
        if (!response.IsSuccessStatusCode)
        {
            return DescribeErrorResponseAsync<T>(response, cancellationToken);
        }

        var reading = ReadJsonAsync<T>(response, options, allowNull: true, cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return WrapContentAsync(response, reading);
        }

        try
        {
            return new(new ApiResponse<T>(response, reading.Result, null));
        }
        catch (Exception exception)
        {
            response.Dispose();
            return ValueTask.FromException<ApiResponse<T>>(exception);
        }
    }

    private static async ValueTask<ApiResponse<T>> WrapContentAsync<T>(
        HttpResponseMessage response,
        ValueTask<T> reading)
    {
        try
        {
            return new ApiResponse<T>(response, await reading.ConfigureAwait(false), null);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async ValueTask<ApiResponse<T>> DescribeErrorResponseAsync<T>(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        try
        {
            var error = await DescribeErrorStatusAsync(response, cancellationToken).ConfigureAwait(false);
            return new ApiResponse<T>(response, default, error);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Turns a response into an <see cref="ApiResponse{T}"/> of <see cref="string"/>, which then owns it: on a
    /// success status the body is the text as it is (empty for an empty body), as for a method returning
    /// <c>Task&lt;string&gt;</c>; on any other status <see cref="ApiResponse{T}.Error"/> is set as by
    /// <see cref="ReadApiResponseAsync{T}"/>.
    /// </summary>
    public static Task<ApiResponse<string>> ReadTextApiResponseAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
        => ToApiResponseAsync<string>(
            response,
            async () => await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <summary>
    /// Reads a body that is a JSON array one element at a time, as the elements arrive, for a method returning
    /// <c>IAsyncEnumerable&lt;T&gt;</c>. A response without a body (status 204, <c>Content-Length: 0</c> or no
    /// bytes at all) and a JSON <c>null</c> give no elements. The caller disposes the response.
    /// </summary>
    /// <param name="response">The successful response.</param>
    /// <param name="options">The JSON settings, normally <see cref="DefaultJsonOptions"/>.</param>
    /// <param name="allowNull">
    /// Whether the declared element type admits null. When it does not, a JSON <c>null</c> element fails.
    /// </param>
    /// <param name="cancellationToken">Cancels reading; checked before each element.</param>
    /// <exception cref="InvalidOperationException">
    /// An element is JSON <c>null</c> and <paramref name="allowNull"/> is false.
    /// </exception>
    /// <exception cref="JsonException">The body is not a JSON array of <typeparamref name="T"/>.</exception>
    /// <returns>
    /// The elements, already configured not to resume on the caller's synchronization context, since generated
    /// code cannot see the ConfigureAwait extension without a using directive.
    /// </returns>
    public static ConfiguredCancelableAsyncEnumerable<T> ReadJsonArrayAsync<T>(
        HttpResponseMessage response,
        JsonSerializerOptions options,
        bool allowNull,
        CancellationToken cancellationToken)
        => EnumerateJsonArrayAsync<T>(response, options, allowNull, cancellationToken).ConfigureAwait(false);

    private static async IAsyncEnumerable<T> EnumerateJsonArrayAsync<T>(
        HttpResponseMessage response,
        JsonSerializerOptions options,
        bool allowNull,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            yield break;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var probe = new BodyProbeStream(stream);
        await using (probe.ConfigureAwait(false))
        {
            var elements = JsonSerializer
                .DeserializeAsyncEnumerable(probe, TypeInfo<T>(options), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            await using (elements.ConfigureAwait(false))
            {
                for (var index = 0; ; index++)
                {
                    // The serializer reads ahead in blocks, so without this check a cancelled enumeration would
                    // still hand out every element already buffered.
                    cancellationToken.ThrowIfCancellationRequested();
                    bool moved;
                    try
                    {
                        moved = await elements.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (JsonException) when (probe.BytesRead == 0)
                    {
                        moved = false;
                    }

                    if (!moved)
                    {
                        yield break;
                    }

                    var element = elements.Current;
                    if (element is null && !allowNull)
                    {
                        throw NullElement<T>(response, index);
                    }

                    yield return element!;
                }
            }
        }
    }

    /// <summary>
    /// Whether the request the response answers carried the token. After a redirect to another origin it did not,
    /// and that origin's 401 says nothing about the token: it must not make the provider renew it.
    /// </summary>
    private static bool AnsweredRequestCarriedToken(HttpResponseMessage response, HttpRequestMessage request)
        => BearerAuthorization.SentToken(response.RequestMessage ?? request) is not null;

    /// <summary>
    /// A 401 whose Bearer challenge says the token is invalid (<c>error="invalid_token"</c>) or gives no error
    /// at all. Other challenges, such as <c>insufficient_scope</c>, are not about the token's validity.
    /// </summary>
    private static bool IsTokenRejection(HttpResponseMessage response)
        => response.StatusCode == HttpStatusCode.Unauthorized
            && BearerChallenge.Find(response.Headers.WwwAuthenticate) is { } challenge
            && (challenge.Error is null || challenge.Error == BearerChallenge.InvalidToken);

    /// <summary>
    /// A new message for the retry, since a sent message cannot be sent again. It shares the original's content,
    /// which the caller disposes with the original, so the copy itself needs no disposing.
    /// </summary>
    private static HttpRequestMessage CopyForRetry(HttpRequestMessage original)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Content = original.Content,
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }

    /// <summary>Reads the response body as JSON.</summary>
    /// <typeparam name="T">The method's declared result type.</typeparam>
    /// <param name="response">The successful response.</param>
    /// <param name="options">The JSON settings, normally <see cref="DefaultJsonOptions"/>.</param>
    /// <param name="allowNull">
    /// Whether the declared result type admits null (a nullable reference type or <see cref="Nullable{T}"/>), or
    /// the caller wants <see langword="default"/> for a missing value anyway, as <see cref="ApiResponse{T}"/> does.
    /// When it is true, a response without a body (status 204, <c>Content-Length: 0</c> or no bytes at all) and a
    /// JSON <c>null</c> both give <see langword="default"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <exception cref="InvalidOperationException">
    /// The response had no body, or its body was JSON <c>null</c>, and <paramref name="allowNull"/> is false. The
    /// message names the method and the address without its query string.
    /// </exception>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    /// <remarks>
    /// A <see cref="ValueTask{TResult}"/>: the body of an answer that has arrived is usually read without waiting,
    /// and then reading it costs no Task.
    /// </remarks>
    public static ValueTask<T> ReadJsonAsync<T>(
        HttpResponseMessage response,
        JsonSerializerOptions options,
        bool allowNull,
        CancellationToken cancellationToken)
    {
        // Not an async method itself, for the same reason as SendAsync: a body of known length that is read without
        // waiting (one buffered in memory, or a small one that came in with the headers) then costs no state machine.
        // This method is shared by every reference type T, so a state machine of its own costs more here than in
        // hand-written code for one type. Everything else (a 204, an empty body, one of unknown length, a result that
        // needs the probe, a read that waits) goes to ReadJsonSlowlyAsync, which does it all. Nothing is thrown from
        // the call: a failure comes back in the task, as from an async method.
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return ReadJsonSlowlyAsync<T>(response, null, options, allowNull, cancellationToken);
        }

        Task<Stream> opening;
        try
        {
            opening = response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            return Failed<T>(exception);
        }

        if (!opening.IsCompletedSuccessfully)
        {
            return ReadJsonSlowlyAsync<T>(response, opening, options, allowNull, cancellationToken);
        }

        var stream = opening.Result;
        ValueTask<T?> reading;
        try
        {
            var length = BodyLength(response, stream);
            if (length == 0 || NeedsProbe<T>(length))
            {
                return ReadJsonSlowlyAsync<T>(response, opening, options, allowNull, cancellationToken);
            }

            reading = JsonSerializer.DeserializeAsync(stream, TypeInfo<T>(options), cancellationToken);
        }
        catch (Exception exception)
        {
            return CloseAfterFailure<T>(stream, exception);
        }

        if (!reading.IsCompletedSuccessfully)
        {
            return FinishReadingJsonAsync(response, stream, reading, allowNull);
        }

        var value = reading.Result;
        ValueTask disposing;
        try
        {
            disposing = stream.DisposeAsync();
        }
        catch (Exception exception)
        {
            return Failed<T>(exception);
        }

        if (!disposing.IsCompletedSuccessfully)
        {
            return FinishClosingAsync(response, value, disposing, allowNull);
        }

        // A ValueTask is observed once, even one that completed.
        disposing.GetAwaiter().GetResult();
        return value is not null || allowNull
            ? new ValueTask<T>(value!)
            : ValueTask.FromException<T>(NoValue<T>(response, "was JSON null"));
    }

    /// <summary>
    /// Closes the body after a failure before anything was awaited, and hands the failure back as
    /// <c>await using</c> would: a failure to close replaces the first.
    /// </summary>
    private static ValueTask<T> CloseAfterFailure<T>(Stream stream, Exception exception)
    {
        try
        {
            stream.Dispose();
        }
        catch (Exception closing)
        {
            return Failed<T>(closing);
        }

        return Failed<T>(exception);
    }

    /// <summary>
    /// A failure handed back in the task, as an async method hands it back: a cancellation makes a cancelled task
    /// that rethrows the same exception, anything else a faulted one. Methods that are not async themselves use it
    /// for what they catch, so that they never throw from the call.
    /// </summary>
#pragma warning disable CS1998 // Async without await on purpose: the state machine turns the exception into the task.
    private static async ValueTask<T> Failed<T>(Exception exception)
#pragma warning restore CS1998
    {
        ExceptionDispatchInfo.Throw(exception);
        return default!;
    }

    /// <summary>
    /// The rest of <see cref="ReadJsonAsync{T}"/> once its read had to wait: awaits the value, disposes the stream
    /// and checks for null.
    /// </summary>
    private static async ValueTask<T> FinishReadingJsonAsync<T>(
        HttpResponseMessage response,
        Stream stream,
        ValueTask<T?> reading,
        bool allowNull)
    {
        T? value;
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                value = await reading.ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw NotJson<T>(response, exception);
            }
        }

        return value is not null || allowNull ? value! : throw NoValue<T>(response, "was JSON null");
    }

    /// <summary>The rest of <see cref="ReadJsonAsync{T}"/> once the value is read and only closing the body waits.</summary>
    private static async ValueTask<T> FinishClosingAsync<T>(
        HttpResponseMessage response,
        T? value,
        ValueTask disposing,
        bool allowNull)
    {
        await disposing.ConfigureAwait(false);
        return value is not null || allowNull ? value! : throw NoValue<T>(response, "was JSON null");
    }

    /// <summary>
    /// <see cref="ReadJsonAsync{T}"/> in full, for every case its quick path leaves: a 204, an empty body, one of
    /// unknown length, which may turn out empty, a result that needs the probe (see <see cref="NeedsProbe{T}"/>), and
    /// a stream that is not there yet. The stream being opened is <c>opening</c>, or null for a 204, which has no
    /// body to open.
    /// </summary>
    private static async ValueTask<T> ReadJsonSlowlyAsync<T>(
        HttpResponseMessage response,
        Task<Stream>? opening,
        JsonSerializerOptions options,
        bool allowNull,
        CancellationToken cancellationToken)
    {
        if (opening is null)
        {
            return allowNull ? default! : throw NoValue<T>(response, "had no body");
        }

        var stream = await opening.ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var length = BodyLength(response, stream);
            if (length == 0)
            {
                return allowNull ? default! : throw NoValue<T>(response, "had no body");
            }

            if (!NeedsProbe<T>(length))
            {
                T? read;
                try
                {
                    read = await JsonSerializer
                        .DeserializeAsync(stream, TypeInfo<T>(options), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (JsonException exception)
                {
                    throw NotJson<T>(response, exception);
                }

                return read is not null || allowNull ? read! : throw NoValue<T>(response, "was JSON null");
            }

            var probe = new BodyProbeStream(stream);
            T? value;
            try
            {
                value = await JsonSerializer
                    .DeserializeAsync(probe, TypeInfo<T>(options), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (JsonException) when (probe.BytesRead == 0)
            {
                return allowNull ? default! : throw NoValue<T>(response, "had no body");
            }
            catch (JsonException exception) when (probe.WasJsonNull)
            {
                // A non-nullable value type: System.Text.Json refuses null itself, with a less helpful message.
                return allowNull ? default! : throw NoValue<T>(response, "was JSON null", exception);
            }
            catch (JsonException exception)
            {
                throw NotJson<T>(response, exception);
            }

            return value is not null || allowNull ? value! : throw NoValue<T>(response, "was JSON null");
        }
    }

    /// <summary>
    /// Whether reading a body of <paramref name="length"/> bytes (null when unknown) as <typeparamref name="T"/> needs
    /// a <see cref="BodyProbeStream"/> to explain a failure: a body of unknown length may turn out to be empty, and
    /// for a non-nullable value type System.Text.Json fails on <c>null</c> as on malformed JSON. A body of known,
    /// non-zero length read into anything else does not: it is not missing, and a <c>null</c> in it is read as null.
    /// </summary>
    private static bool NeedsProbe<T>(long? length) => length is null || default(T) is not null;

    /// <summary>
    /// How many bytes of body are left to read, when that is known without reading: from the stream when it can
    /// seek (a body buffered in memory), else from <c>Content-Length</c>; null for a body of unknown length.
    /// </summary>
    /// <remarks>
    /// The stream is asked first because for a body HttpClient did not receive from the network the header is
    /// not there yet, and reading <see cref="HttpContentHeaders.ContentLength"/> computes and stores it on every
    /// call, at the cost of two objects. The answer to a HEAD request has no body whatever its <c>Content-Length</c>
    /// says (it declares the length a GET would have), and HttpClient keeps that header, so it is not believed there.
    /// </remarks>
    private static long? BodyLength(HttpResponseMessage response, Stream stream)
        => stream.CanSeek ? stream.Length - stream.Position
            : response.RequestMessage?.Method == HttpMethod.Head ? 0
            : response.Content.Headers.ContentLength;

    /// <summary>
    /// Hands the response body to the caller as a stream. Disposing the stream disposes the response; until
    /// then the connection stays in use, so the caller must dispose it.
    /// </summary>
    public static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseOwningStream(body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="bytes"/> as an <c>application/octet-stream</c> body.</summary>
    /// <exception cref="ArgumentNullException">The array is null.</exception>
    public static HttpContent CreateBytesContent(byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>
    /// Sends <paramref name="stream"/> as an <c>application/octet-stream</c> body, read from its current position.
    /// The stream is read once, so a request with it cannot be sent again.
    /// </summary>
    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    public static HttpContent CreateStreamContent(Stream? stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>Sends <paramref name="content"/> as it is, with the headers it already has.</summary>
    /// <exception cref="ArgumentNullException">The content is null.</exception>
    public static HttpContent UseContent(HttpContent? content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content;
    }

    /// <summary>Reads the response body as text.</summary>
    public static Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => response.Content.ReadAsStringAsync(cancellationToken);

    /// <summary>The shared steps of the ApiResponse readers; the response is disposed if anything fails.</summary>
    private static async Task<ApiResponse<T>> ToApiResponseAsync<T>(
        HttpResponseMessage response,
        Func<Task<T?>> readContent,
        CancellationToken cancellationToken)
    {
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await DescribeErrorStatusAsync(response, cancellationToken).ConfigureAwait(false);
                return new ApiResponse<T>(response, default, error);
            }

            var content = await readContent().ConfigureAwait(false);
            return new ApiResponse<T>(response, content, null);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The <see cref="ApiException"/> for a response with a status outside 200–299: at most
    /// <see cref="ApiException.MaxContentBytes"/> of the body. Every token the request sent is redacted from all the
    /// text the API wrote back (body, reason phrase, <c>WWW-Authenticate</c>): the one in its
    /// <c>Authorization</c> header, and the one a retry replaced. Both the throwing path and
    /// <see cref="ApiResponse{T}.Error"/> are built here.
    /// </summary>
    private static async Task<ApiException> CreateApiExceptionAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        string?[] sentTokens =
        [
            BearerAuthorization.SentToken(request),
            request.Options.TryGetValue(RejectedTokenKey, out var rejected) ? rejected : null,
        ];
        var (body, truncated) = await ErrorBodyReader
            .ReadAsync(response.Content, ApiException.MaxContentBytes, cancellationToken)
            .ConfigureAwait(false);
        foreach (var token in sentTokens)
        {
            body = ErrorBodyReader.Redact(body, token, truncated);
        }

        return new ApiException(
            request.Method,
            request.RequestUri!,
            response.StatusCode,
            MessageText.WithoutSecrets(response.ReasonPhrase, sentTokens),
            body.Length == 0 ? null : body,
            truncated,
            response.Headers.WwwAuthenticate.Select(challenge => new AuthenticationHeaderValue(
                challenge.Scheme, MessageText.WithoutSecrets(challenge.Parameter, sentTokens))));
    }

    /// <summary>
    /// The error of a response that SendAsync returned because it was told to accept an error status.
    /// </summary>
    private static Task<ApiException> DescribeErrorStatusAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException(
            "The response does not carry its request; send it through GeneratedClientHelpers.SendAsync.");
        return CreateApiExceptionAsync(request, response, cancellationToken);
    }

    private static InvalidOperationException NoValue<T>(
        HttpResponseMessage response,
        string what,
        Exception? innerException = null)
    {
        var type = typeof(T).IsGenericType ? "T" : typeof(T).Name;
        return new InvalidOperationException(
            $"{DescribeAnswer(response)}, but the response {what} while the method's return type does not allow"
            + " null. If the API may answer without a value, declare the method as returning Task,"
            + $" Task<HttpResponseMessage>, or a nullable result such as Task<{type}?>.",
            innerException);
    }

    /// <summary>
    /// The failure to read a body as <typeparamref name="T"/>, told with the call, the answer and its content type,
    /// which System.Text.Json's message alone does not say (an HTML error page answered with 200, typically). Still a
    /// <see cref="JsonException"/>, with the same path and position, and the original inside. The body is not quoted.
    /// </summary>
    private static JsonException NotJson<T>(HttpResponseMessage response, JsonException exception)
    {
        var contentType = response.Content.Headers.ContentType?.MediaType is { } mediaType
            ? $" ({MessageText.Quote(mediaType, 100)})"
            : string.Empty;
        var message = $"{DescribeAnswer(response)} with a body{contentType} that could not be read as"
            + $" {ReadableName(typeof(T))}: {exception.Message}";
        var sentToken = response.RequestMessage is { } request ? BearerAuthorization.SentToken(request) : null;
        return new JsonException(
            MessageText.WithoutSecrets(message, [sentToken]),
            exception.Path,
            exception.LineNumber,
            exception.BytePositionInLine,
            exception);
    }

    /// <summary>Such as <c>Order</c>, <c>List&lt;Order&gt;</c> or <c>Nullable&lt;Int32&gt;</c>.</summary>
    private static string ReadableName(Type type)
        => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(ReadableName))}>"
            : type.Name;

    private static InvalidOperationException NullElement<T>(HttpResponseMessage response, int index)
    {
        var type = typeof(T).IsGenericType ? "T" : typeof(T).Name;
        return new InvalidOperationException(
            $"{DescribeAnswer(response)}, but element {index} of the array was JSON null while the method's element"
            + $" type does not allow null. If the API may send null elements, declare the method as returning"
            + $" IAsyncEnumerable<{type}?>.");
    }

    /// <summary>Such as "GET https://api.example.com/users answered 200 (OK)", without the query string.</summary>
    private static string DescribeAnswer(HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var call = request?.RequestUri is { } address
            ? $"{request.Method.Method} {MessageText.Address(address)}"
            : "The request";
        var reason = response.ReasonPhrase ?? response.StatusCode.ToString();
        return $"{call} answered {(int)response.StatusCode} ({reason})";
    }

    /// <summary>
    /// The contract for a JSON type from <paramref name="options"/>: through a declared context this needs no
    /// reflection, so the calls that take it stay trimming- and AOT-safe.
    /// </summary>
    /// <remarks>
    /// The last contract is kept per type: a client sends and reads several types in turn, and the options' own
    /// cache of the last type then misses and falls back to a dictionary lookup on every call. A contract belongs to
    /// one options instance, so comparing that instance is enough to reuse it.
    /// </remarks>
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        if (LastTypeInfo<T>.Value is { } last && ReferenceEquals(last.Options, options))
        {
            return last;
        }

        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        LastTypeInfo<T>.Value = typeInfo;
        return typeInfo;
    }

    // One field, written whole, so a reader sees a contract together with the options it belongs to.
    private static class LastTypeInfo<T>
    {
        public static volatile JsonTypeInfo<T>? Value;
    }

    // Built on first use only, so a client with a JsonContext never creates reflection-based options.
    [RequiresUnreferencedCode(ReflectionJsonMessage)]
    [RequiresDynamicCode(ReflectionJsonMessage)]
    private static class ReflectionJson
    {
        public static readonly JsonSerializerOptions Options = Create();

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

            // Enums go out as camelCase names and are read by name or number, as Refit's defaults do; numbers
            // alone break as soon as an API sends names, which most do.
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
