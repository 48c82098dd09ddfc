using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen;

/// <summary>
/// Thrown by a generated client when the API answers with a status code outside 200–299.
/// </summary>
/// <remarks>
/// <para>
/// The message names the method, the address without user information or query string, and the status; it never
/// contains the access token. When the body is JSON with a known error field (Auth0's <c>message</c> and
/// <c>errorCode</c>, OAuth's <c>error_description</c> and <c>error</c>, or the <c>detail</c> or <c>title</c> of
/// RFC 9457 problem details), the message also quotes the cause the API gave, cut to about 200 characters.
/// Problem details are also parsed into <see cref="Problem"/>, and the Bearer challenge of a 401 or 403 into
/// <see cref="AuthenticateError"/> and <see cref="RequiredScope"/>; for <c>insufficient_scope</c> the message
/// says how to grant the missing scope.
/// </para>
/// <para>
/// The response body is kept in <see cref="Content"/> for the caller to inspect, up to
/// <see cref="MaxContentBytes"/> of it.
/// </para>
/// </remarks>
public class ApiException : Exception
{
    /// <summary>
    /// How much of an error response's body generated clients read into <see cref="Content"/>: 64 KiB. The rest
    /// is not read, so a huge error body cannot exhaust memory.
    /// </summary>
    public const int MaxContentBytes = 64 * 1024;

    private const int MaxCauseLength = 200;
    private const int MaxErrorCodeLength = 100;

    /// <summary>Creates the exception for a failed response.</summary>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="requestUri">The address the request was sent to.</param>
    /// <param name="statusCode">The status code the API answered with.</param>
    /// <param name="reasonPhrase">The reason phrase the API sent, if any.</param>
    /// <param name="content">
    /// The response body as text, if any. It is quoted in the message when it is JSON with a known error field, so
    /// it must not contain the access token.
    /// </param>
    /// <param name="isContentTruncated">Whether <paramref name="content"/> is only the start of a longer body.</param>
    public ApiException(
        HttpMethod method,
        Uri requestUri,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? content,
        bool isContentTruncated = false)
        : this(method, requestUri, statusCode, reasonPhrase, content, isContentTruncated, authenticateChallenges: null)
    {
    }

    /// <summary>Creates the exception for a failed response, with the response's authentication challenges.</summary>
    /// <param name="method">The HTTP method of the request.</param>
    /// <param name="requestUri">The address the request was sent to.</param>
    /// <param name="statusCode">The status code the API answered with.</param>
    /// <param name="reasonPhrase">The reason phrase the API sent, if any.</param>
    /// <param name="content">
    /// The response body as text, if any. It is quoted in the message when it is JSON with a known error field, so
    /// it must not contain the access token.
    /// </param>
    /// <param name="isContentTruncated">Whether <paramref name="content"/> is only the start of a longer body.</param>
    /// <param name="authenticateChallenges">
    /// The response's <c>WWW-Authenticate</c> challenges. For a 401 or 403, the Bearer challenge's <c>error</c>,
    /// <c>error_description</c> and <c>scope</c> fill <see cref="AuthenticateError"/>,
    /// <see cref="AuthenticateErrorDescription"/> and <see cref="RequiredScope"/>.
    /// </param>
    public ApiException(
        HttpMethod method,
        Uri requestUri,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? content,
        bool isContentTruncated,
        IEnumerable<AuthenticationHeaderValue>? authenticateChallenges)
        : this(
            method,
            requestUri,
            statusCode,
            reasonPhrase,
            content,
            isContentTruncated,
            ApiProblem.TryParse(content),
            statusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? BearerChallenge.Find(authenticateChallenges)
                : null)
    {
    }

    private ApiException(
        HttpMethod method,
        Uri requestUri,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? content,
        bool isContentTruncated,
        ApiProblem? problem,
        BearerChallenge? challenge)
        : base(BuildMessage(method, requestUri, statusCode, reasonPhrase, content, problem, challenge))
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Content = content;
        IsContentTruncated = isContentTruncated;
        Problem = problem;
        AuthenticateError = challenge?.Error;
        AuthenticateErrorDescription = challenge?.ErrorDescription;
        RequiredScope = challenge?.Scope;
    }

    /// <summary>The HTTP method of the failed request.</summary>
    public HttpMethod Method { get; }

    /// <summary>The address the failed request was sent to.</summary>
    public Uri RequestUri { get; }

    /// <summary>The status code the API answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase the API sent, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>
    /// The response body as text, or <see langword="null"/> when the response had none. Generated clients read at
    /// most <see cref="MaxContentBytes"/> of it, decoded with the response's charset or UTF-8, so a longer body is
    /// truncated (see <see cref="IsContentTruncated"/>). The access token the request carried is replaced with
    /// <c>[redacted]</c> wherever the body repeats it.
    /// </summary>
    public string? Content { get; }

    /// <summary>
    /// Whether <see cref="Content"/> holds only the first <see cref="MaxContentBytes"/> of a longer body.
    /// </summary>
    public bool IsContentTruncated { get; }

    /// <summary>
    /// The problem details (RFC 9457) of the body, when it is a JSON object with at least one of <c>type</c>,
    /// <c>title</c>, <c>status</c> or <c>detail</c>; otherwise <see langword="null"/>. A truncated body gives none.
    /// </summary>
    public ApiProblem? Problem { get; }

    /// <summary>
    /// The <c>error</c> of the response's <c>WWW-Authenticate: Bearer</c> challenge on a 401 or 403, such as
    /// <c>invalid_token</c> or <c>insufficient_scope</c>; otherwise <see langword="null"/>.
    /// </summary>
    public string? AuthenticateError { get; }

    /// <summary>The <c>error_description</c> of the Bearer challenge on a 401 or 403, if the API gave one.</summary>
    public string? AuthenticateErrorDescription { get; }

    /// <summary>
    /// The <c>scope</c> of the Bearer challenge on a 401 or 403: the scopes, space-separated, that the endpoint
    /// needs. Set when the API says which, typically with <c>insufficient_scope</c>.
    /// </summary>
    public string? RequiredScope { get; }

    private static string BuildMessage(
        HttpMethod method,
        Uri requestUri,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? content,
        ApiProblem? problem,
        BearerChallenge? challenge)
    {
        var status = $"{(int)statusCode} ({reasonPhrase ?? statusCode.ToString()})";
        var found = DescribeProblem(problem)
            ?? FindCause(content)
            ?? (challenge?.ErrorDescription is { } description ? FormatCause(description, challenge.Error) : null);
        var cause = found is null ? string.Empty : ": " + found;
        var advice = challenge?.Error == BearerChallenge.InsufficientScope
            ? ScopeAdvice(challenge.Scope)
            : statusCode switch
            {
                HttpStatusCode.Unauthorized =>
                    " The API rejected the access token: check that the token's audience matches the API identifier"
                    + " and that the API trusts this tenant as issuer.",
                HttpStatusCode.Forbidden =>
                    " The access token lacks a permission this endpoint needs: grant the scope to the application"
                    + " for this API in Auth0 (Applications > APIs > Machine to Machine Applications).",
                _ => string.Empty,
            };
        return $"{method.Method} {MessageText.Address(requestUri)} answered {status}{cause}.{advice}";
    }

    private static string ScopeAdvice(string? scope)
    {
        var needed = scope is null
            ? "a scope this endpoint needs"
            : $"the scope this endpoint needs (\"{MessageText.Quote(scope, MaxErrorCodeLength)}\")";
        return $" The access token lacks {needed}: grant it to this application for the API in the Auth0 dashboard"
            + " (Applications > APIs > Machine to Machine Applications), and declare it with [Scopes(...)] on the"
            + " method or interface so the token is requested with it.";
    }

    /// <summary>Quotes a problem's title and detail, such as <c>"Out of credit: Your balance is 30"</c>.</summary>
    private static string? DescribeProblem(ApiProblem? problem)
    {
        var title = string.IsNullOrEmpty(problem?.Title) ? null : problem.Title;
        var detail = string.IsNullOrEmpty(problem?.Detail) ? null : problem.Detail;
        var text = title is not null && detail is not null
            ? $"{MessageText.Quote(title, MaxErrorCodeLength)}: {detail}"
            : title ?? detail;
        return text is null ? null : FormatCause(text, code: null);
    }

    /// <summary>
    /// Quotes the cause a JSON error body gives, such as <c>"Insufficient scope" (insufficient_scope)</c>, or
    /// returns null when the body is not a JSON object or has no known error field.
    /// </summary>
    private static string? FindCause(string? content)
    {
        // Checking the first character first keeps HTML and plain text bodies from costing a parse exception.
        if (content is null || !content.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var body = document.RootElement;
            if (ReadText(body, "message") is { } message)
            {
                return FormatCause(message, ReadText(body, "errorCode"));
            }

            if (ReadText(body, "error_description") is { } description)
            {
                return FormatCause(description, ReadText(body, "error"));
            }

            var cause = ReadText(body, "detail") ?? ReadText(body, "title") ?? ReadText(body, "error");
            return cause is null ? null : FormatCause(cause, code: null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadText(JsonElement body, string name)
        => body.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? text
                : null;

    private static string FormatCause(string cause, string? code)
    {
        var quoted = $"\"{MessageText.Quote(cause, MaxCauseLength)}\"";
        return code is null ? quoted : $"{quoted} ({MessageText.Quote(code, MaxErrorCodeLength)})";
    }
}
