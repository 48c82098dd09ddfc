using System;
using System.Net;
using System.Net.Http;

namespace Auth0ClientGen;

/// <summary>
/// Thrown by a generated client when the API answers with a status code outside 200–299.
/// </summary>
/// <remarks>
/// The message names the method, the address without its query string and the status; it never contains
/// the access token. The response body is kept in <see cref="Content"/> for the caller to inspect.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="requestUri">The address the request was sent to.</param>
    /// <param name="statusCode">The status code the API answered with.</param>
    /// <param name="reasonPhrase">The reason phrase the API sent, if any.</param>
    /// <param name="content">The response body as text, if any.</param>
    public ApiException(
        HttpMethod method,
        Uri requestUri,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? content)
        : base(BuildMessage(method, requestUri, statusCode, reasonPhrase))
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Content = content;
    }

    /// <summary>The HTTP method of the failed request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The address the failed request was sent to.</summary>
    public Uri RequestUri { get; }

    /// <summary>The status code the API answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase the API sent, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The response body as text, or <see langword="null"/> when the response had none.</summary>
    public string? Content { get; }

    private static string BuildMessage(HttpMethod method, Uri requestUri, HttpStatusCode statusCode, string? reasonPhrase)
    {
        // The query string can carry personal data or keys, so the message shows the address without it.
        var address = requestUri.IsAbsoluteUri
            ? requestUri.GetLeftPart(UriPartial.Path)
            : requestUri.OriginalString.Split('?')[0];
        var status = $"{(int)statusCode} ({reasonPhrase ?? statusCode.ToString()})";
        var advice = statusCode switch
        {
            HttpStatusCode.Unauthorized =>
                " The API rejected the access token: check that the token's audience matches the API identifier"
                + " and that the API trusts this tenant as issuer.",
            HttpStatusCode.Forbidden =>
                " The access token lacks a permission this endpoint needs: grant the scope to the application"
                + " for this API in Auth0 (Applications > APIs > Machine to Machine Applications).",
            _ => string.Empty,
        };
        return $"{method.Method} {address} answered {status}.{advice}";
    }
}
