using System;
using System.ComponentModel;
using System.Text;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// Builds a request address from a base address and a route template, escaping every value.
/// Generated clients call it; hand-written code should not depend on it.
/// </summary>
/// <remarks>
/// The base address's path is kept: <c>https://host/api</c> with the route <c>/users</c> gives
/// <c>https://host/api/users</c>, unlike <see cref="Uri(Uri, string)"/>, which would drop <c>/api</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestUriBuilder
{
    private readonly StringBuilder _builder;
    private bool _hasQuery;

    /// <summary>Starts an address at <paramref name="baseAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The base address has a query string, a fragment or user information, which a route cannot be appended to.
    /// </exception>
    public RequestUriBuilder(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var text = baseAddress.AbsoluteUri;
        if (HasQueryFragmentOrUserInfo(text))
        {
            throw new InvalidOperationException(
                $"The base address {MessageText.Address(baseAddress)} has"
                + $" {Auth0Settings.DescribeExtraParts(baseAddress)}, which cannot be combined with a route. Set"
                + $" {Auth0Settings.BaseUrlKey}, HttpClient.BaseAddress or the declared BaseUrl to the scheme, host"
                + " and path only, such as https://api.example.com/v2/.");
        }

        _builder = new StringBuilder(text.Length + 64);
        _builder.Append(text, 0, text.EndsWith('/') ? text.Length - 1 : text.Length);
    }

    /// <summary>Appends literal text of the route template, which is already in URI form.</summary>
    public RequestUriBuilder AppendLiteral(string literal)
    {
        _builder.Append(literal);
        if (literal.Contains('?'))
        {
            _hasQuery = true;
        }

        return this;
    }

    /// <summary>Appends a route value, escaped so that it stays inside its path segment.</summary>
    /// <param name="value">The formatted value.</param>
    /// <param name="parameterName">The parameter it came from, named in the exception when it is refused.</param>
    /// <exception cref="ArgumentNullException">The value is null: a route value is required.</exception>
    /// <exception cref="ArgumentException">The value is empty, "." or "..", which would address another resource.</exception>
    public RequestUriBuilder AppendPathValue(string? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(
                parameterName,
                $"The route value '{parameterName}' is null. Route values are required, because leaving one out"
                + " would send the request to a different address.");
        }

        // An empty segment, or a dot segment, would be removed or merged by URI normalization (System.Uri
        // decodes %2E before it does that), so the request would reach a different resource. Refusing is the
        // only way to keep the request at the address the route template describes.
        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException(
                $"The route value '{parameterName}' is {(value.Length == 0 ? "empty" : $"\"{value}\"")}, which would"
                + " send the request to a different address. Pass a value that names the resource.",
                parameterName);
        }

        _builder.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends <c>name=value</c> to the query string, or nothing when the value is null.</summary>
    public RequestUriBuilder AppendQuery(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        _builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Returns the finished, absolute address.</summary>
    public Uri ToUri() => new(_builder.ToString(), UriKind.Absolute);

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();

    /// <summary>
    /// Looks at the absolute address's text, which <see cref="Uri"/> caches, so the check allocates nothing on the
    /// path every request takes. In that text '?' and '#' appear only as delimiters, and '@' within the authority
    /// only before user information.
    /// </summary>
    private static bool HasQueryFragmentOrUserInfo(string absoluteUri)
    {
        var text = absoluteUri.AsSpan();
        if (text.IndexOfAny('?', '#') >= 0)
        {
            return true;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var authority = text[(schemeEnd + 3)..];
        var authorityEnd = authority.IndexOf('/');
        return (authorityEnd < 0 ? authority : authority[..authorityEnd]).Contains('@');
    }
}
