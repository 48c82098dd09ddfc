using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

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

    /// <summary>
    /// The JSON settings generated clients use: System.Text.Json's web defaults (camelCase names,
    /// case-insensitive reading, numbers allowed in strings).
    /// </summary>
    /// <remarks>
    /// Serialization through these options uses reflection, so it is neither trimming- nor AOT-safe.
    /// Removing that needs a JsonSerializerContext supplied to the generated client.
    /// </remarks>
    public static JsonSerializerOptions DefaultJsonOptions { get; } = CreateDefaultJsonOptions();

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

    /// <summary>Adds a header from a parameter, leaving it out when the value is null.</summary>
    /// <exception cref="ArgumentException">The value contains a carriage return or line feed.</exception>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // The value is deliberately not echoed: headers often carry keys or tokens.
            throw new ArgumentException(
                $"The value for header '{name}' contains a carriage return or line feed, which could inject"
                + " extra headers. Remove line breaks from the value.",
                nameof(value));
        }

        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException(
                $"'{name}' cannot be sent as a request header from a parameter (it is a content header or"
                + " not a valid header name).",
                nameof(name));
        }
    }

    /// <summary>Serializes <paramref name="value"/> as a JSON request body.</summary>
    /// <remarks>The body is serialized up front, so it can be sent again and errors surface before sending.</remarks>
    public static HttpContent CreateJsonContent<T>(T value, JsonSerializerOptions options)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, options));
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
    /// <remarks>A null <paramref name="credentials"/> sends the request without a token.</remarks>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        ICredentialsProvider? credentials,
        HttpRequestMessage request,
        AccessTokenRequest tokenRequest,
        CancellationToken cancellationToken)
    {
        if (credentials is not null)
        {
            var accessToken = await credentials.GetAccessTokenAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ApiException(
                request.Method,
                request.RequestUri!,
                response.StatusCode,
                response.ReasonPhrase,
                body.Length == 0 ? null : body);
        }
    }

    /// <summary>Reads the response body as JSON.</summary>
    /// <exception cref="ApiException">The body is empty where a value was expected.</exception>
    public static async Task<T> ReadJsonAsync<T>(
        HttpResponseMessage response,
        JsonSerializerOptions options,
        CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return (await JsonSerializer.DeserializeAsync<T>(stream, options, cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>Reads the response body as text.</summary>
    public static Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => response.Content.ReadAsStringAsync(cancellationToken);

    private static JsonSerializerOptions CreateDefaultJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
