using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Auth0ClientGen;

/// <summary>
/// What the API answered, for a method declared as returning <c>Task&lt;ApiResponse&lt;T&gt;&gt;</c> or
/// <c>ValueTask&lt;ApiResponse&lt;T&gt;&gt;</c>: the status, the headers, and either the body read as
/// <typeparamref name="T"/> or the error. A status outside 200–299 does not throw; it is described in
/// <see cref="Error"/>.
/// </summary>
/// <typeparam name="T">The type the body is read as: JSON, or the text as it is for <see cref="string"/>.</typeparam>
/// <remarks>
/// <para>
/// Only an answer is returned this way. These still throw: the API cannot be reached
/// (<see cref="HttpRequestException"/>), no access token can be obtained (<see cref="TokenRequestException"/>),
/// the call is cancelled or times out, and a successful response whose body is not valid JSON for
/// <typeparamref name="T"/> (<see cref="System.Text.Json.JsonException"/>). A body that does not fit the declared
/// type is a mistake in the declaration or in the API, not an answer to inspect, so it is not hidden in
/// <see cref="Error"/>.
/// </para>
/// <para>
/// The body has been read by the time the call returns. Disposing the response releases the underlying
/// <see cref="HttpResponseMessage"/>; the headers and <see cref="Content"/> stay readable afterwards.
/// </para>
/// </remarks>
public sealed class ApiResponse<T> : IDisposable
{
    private readonly HttpResponseMessage _response;

    /// <summary>Describes <paramref name="response"/>, whose body has already been read.</summary>
    /// <param name="response">
    /// The response. It is disposed with this object, and its <see cref="HttpResponseMessage.RequestMessage"/> must
    /// be set, since the method and address are taken from it.
    /// </param>
    /// <param name="content">
    /// The body read as <typeparamref name="T"/>; ignored when the status is not a success.
    /// </param>
    /// <param name="error">
    /// Null for a status in 200–299; otherwise the exception that describes the failure, as a generated client would
    /// have thrown it.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The response has no request with an address, or <paramref name="error"/> is set for a successful status or
    /// missing for a failed one.
    /// </exception>
    public ApiResponse(HttpResponseMessage response, T? content, ApiException? error)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RequestMessage is not { RequestUri: { } requestUri } request)
        {
            throw new ArgumentException(
                "The response must carry the request it answers, with its address, in RequestMessage.",
                nameof(response));
        }

        if (response.IsSuccessStatusCode == error is not null)
        {
            throw new ArgumentException(
                response.IsSuccessStatusCode
                    ? "A response with a success status has no error."
                    : $"A response with status {(int)response.StatusCode} needs the ApiException that describes it.",
                nameof(error));
        }

        _response = response;
        Method = request.Method;
        RequestUri = requestUri;
        Content = error is null ? content : default;
        Error = error;
    }

    /// <summary>The status code the API answered with.</summary>
    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The reason phrase the API sent, if any.</summary>
    public string? ReasonPhrase => _response.ReasonPhrase;

    /// <summary>Whether the status code is in the range 200–299; otherwise <see cref="Error"/> is set.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccessStatusCode => Error is null;

    /// <summary>The response headers, such as <c>ETag</c> or <c>Retry-After</c>.</summary>
    public HttpResponseHeaders Headers => _response.Headers;

    /// <summary>The headers that describe the body, such as <c>Content-Type</c> and <c>Content-Length</c>.</summary>
    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    /// <summary>
    /// The body read as <typeparamref name="T"/> when the status is a success. It is <see langword="default"/> when
    /// the body was empty or JSON <c>null</c>, and always when the status is not a success; declare a nullable
    /// <typeparamref name="T"/>, such as <c>ApiResponse&lt;int?&gt;</c>, to tell a missing value from zero.
    /// </summary>
    public T? Content { get; }

    /// <summary>
    /// For a status outside 200–299, the exception a generated client throws for it in other methods: the
    /// status, and at most <see cref="ApiException.MaxContentBytes"/> of the body with the access token redacted.
    /// Null for a success.
    /// </summary>
    public ApiException? Error { get; }

    /// <summary>The HTTP method of the request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The address the request was sent to.</summary>
    public Uri RequestUri { get; }

    /// <summary>Throws <see cref="Error"/> when the status is not a success.</summary>
    /// <returns>This response, so the call can be chained.</returns>
    /// <exception cref="ApiException">The status is outside 200–299.</exception>
    public ApiResponse<T> EnsureSuccessStatusCode()
        => Error is null ? this : throw Error;

    /// <summary>Disposes the underlying response.</summary>
    public void Dispose() => _response.Dispose();
}
