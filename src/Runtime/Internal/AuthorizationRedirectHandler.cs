using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Auth0ClientGen.Internal;

/// <summary>
/// Follows an API's redirects itself, so that where the access token goes does not depend on the primary
/// handler: the Authorization header stays only while the redirects keep to the original scheme, host and port,
/// and a redirect from https to plain http is refused.
/// </summary>
/// <remarks>
/// It expects a primary handler that does not follow redirects; <see cref="ApiHttpClientSetup"/> turns them off.
/// Cookies and proxy authorization are not handled here.
/// </remarks>
internal sealed class AuthorizationRedirectHandler(ILogger? logger) : DelegatingHandler
{
    /// <summary>How many redirects one request may follow before it fails.</summary>
    public const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var origin = request.RequestUri!;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var redirects = 0; ; redirects++)
        {
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                // The caller tells by this which request was answered: after a redirect, one that may have gone
                // without the token. Real handlers set it already; a handler that does not gets it here.
                response.RequestMessage ??= request;
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            if (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            if (request.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
            {
                response.Dispose();
                if (logger is not null)
                {
                    Log.RedirectDowngradeRefused(logger, status, MessageText.Address(target));
                }

                throw new HttpRequestException(
                    $"{MessageText.Address(request.RequestUri)} answered {status} with a redirect to plain http"
                    + $" ({MessageText.Address(target)}), which was refused: the request would leave HTTPS.");
            }

            if (redirects == MaxRedirects)
            {
                response.Dispose();
                if (logger is not null)
                {
                    Log.TooManyRedirects(logger, MaxRedirects, MessageText.Address(target));
                }

                throw new HttpRequestException(
                    $"{MessageText.Address(origin)} was redirected more than {MaxRedirects} times; the last"
                    + $" redirect pointed to {MessageText.Address(target)}.");
            }

            var next = CreateRedirect(request, response.StatusCode, target);
            if (next is null)
            {
                // A 307 or 308 must repeat the body, and this one cannot be sent again: the caller gets the redirect.
                return response;
            }

            // Once the token has left for another origin's redirect it stays off, even if a later redirect
            // comes back, so that no redirect chain can pick it up again.
            // Asked by name rather than through Headers.Authorization, which is null for a value its parser refuses.
            if (!TokenDestinations.SameOrigin(origin, target))
            {
                next.Headers.Remove("Authorization");
            }

            if (logger is not null)
            {
                Log.RedirectFollowed(
                    logger,
                    status,
                    MessageText.Address(target),
                    next.Headers.Contains("Authorization") ? "kept" : "not sent");
            }

            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found
        or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect
        or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// The request to send to <paramref name="target"/>: a GET without body after a 303, and after a 301 or 302
    /// answering a POST, as browsers and .NET do; otherwise the same method and body, or null when that body
    /// cannot be sent again. The new message shares the original's content, which the original's owner disposes.
    /// </summary>
    private static HttpRequestMessage? CreateRedirect(HttpRequestMessage request, HttpStatusCode status, Uri target)
    {
        var becomesGet = (status == HttpStatusCode.SeeOther && request.Method != HttpMethod.Head)
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && request.Method == HttpMethod.Post);
        if (!becomesGet && status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            && !ReplayableContent.CanSendAgain(request.Content))
        {
            return null;
        }

        var next = new HttpRequestMessage(becomesGet ? HttpMethod.Get : request.Method, target)
        {
            Content = becomesGet ? null : request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }
}
