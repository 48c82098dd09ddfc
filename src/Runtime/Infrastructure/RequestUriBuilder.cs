using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Auth0ClientGen.Internal;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// Builds a request address from a base address and a route template, escaping every value.
/// Generated clients call it; hand-written code should not depend on it.
/// </summary>
/// <remarks>
/// <para>
/// The base address's path is kept: <c>https://host/api</c> with the route <c>/users</c> gives
/// <c>https://host/api/users</c>, unlike <see cref="Uri(Uri, string)"/>, which would drop <c>/api</c>.
/// </para>
/// <para>
/// The address is written into a character buffer that each thread keeps for the next builder, given back by
/// <see cref="ToUri"/> (a longer address rents from <see cref="ArrayPool{T}.Shared"/>), so building one costs this
/// object, the address's text and the <see cref="Uri"/>. A builder is for one address: after <see cref="ToUri"/> it
/// cannot be appended to. A builder dropped unfinished takes its buffer with it, and the next one makes another.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestUriBuilder
{
    // The base address accepted last. A Uri cannot change, and a client builds every address from the same one, so
    // the check of its text is made once rather than on every call.
    private static volatile Uri? s_acceptedBaseAddress;

    // Addresses up to this long are built in the buffer the thread keeps; most are far shorter.
    private const int KeptBufferLength = 512;

    // One buffer per thread, taken by a builder and put back when it finishes. Taking it is a field read, where
    // renting from the shared pool and giving back cost about a tenth of building a short address with values. A
    // builder finished on another thread (after an await) leaves its buffer there, which is as good.
    [ThreadStatic]
    private static char[]? t_keptBuffer;

    private char[]? _buffer;
    private int _length;
    private string? _finished;
    private bool _hasQuery;

    /// <summary>Starts an address at <paramref name="baseAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The base address has a query string, a fragment or user information, which a route cannot be appended to.
    /// </exception>
    public RequestUriBuilder(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var text = baseAddress.AbsoluteUri;
        if (!ReferenceEquals(baseAddress, s_acceptedBaseAddress))
        {
            if (HasQueryFragmentOrUserInfo(text))
            {
                throw new InvalidOperationException(
                    $"The base address {MessageText.Address(baseAddress)} has"
                    + $" {Auth0Settings.DescribeExtraParts(baseAddress)}, which cannot be combined with a route. Set"
                    + $" {Auth0Settings.BaseUrlKey}, HttpClient.BaseAddress or the declared BaseUrl to the scheme,"
                    + " host and path only, such as https://api.example.com/v2/.");
            }

            // Written only when it changes, so callers on many threads do not contend for the field.
            s_acceptedBaseAddress = baseAddress;
        }

        _buffer = TakeBuffer(text.Length + 64);
        Append(text.AsSpan().TrimEnd('/'));
    }

    /// <summary>Appends literal text of the route template, which is already in URI form.</summary>
    public RequestUriBuilder AppendLiteral(string literal)
    {
        Append(literal);
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
    public RequestUriBuilder AppendPathValue([NotNull] string? value, string parameterName)
    {
        ThrowIfRouteValueIsNull(value, parameterName);
        ThrowIfSegmentMovesAddress(value, parameterName);
        AppendEscaped(value);
        return this;
    }

    /// <summary>
    /// Appends a route value that formats itself, such as a number, in the invariant culture and escaped, as
    /// <see cref="AppendPathValue(string?, string)"/> appends <c>value.ToString(null, CultureInfo.InvariantCulture)</c>,
    /// without making that string.
    /// </summary>
    /// <typeparam name="T">A value type whose TryFormat writes what its ToString returns, as the numbers do.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The parameter it came from, named in the exception when it is refused.</param>
    /// <exception cref="ArgumentException">The value formats as nothing, "." or "..", which would address another resource.</exception>
    public RequestUriBuilder AppendPathValue<T>(T value, string parameterName)
        where T : struct, ISpanFormattable
    {
        Span<char> formatted = stackalloc char[FormattedValueLength];
        if (!value.TryFormat(formatted, out var length, default, CultureInfo.InvariantCulture))
        {
            return AppendPathValue(value.ToString(null, CultureInfo.InvariantCulture), parameterName);
        }

        ThrowIfSegmentMovesAddress(formatted[..length], parameterName);
        AppendEscaped(formatted[..length]);
        return this;
    }

    // Room for any number's invariant text (a decimal or a double needs at most about 30 characters).
    private const int FormattedValueLength = 64;

    private static void ThrowIfSegmentMovesAddress(ReadOnlySpan<char> value, string parameterName)
    {
        // An empty segment, or a dot segment, would be removed or merged by URI normalization (System.Uri
        // decodes %2E before it does that), so the request would reach a different resource. Refusing is the
        // only way to keep the request at the address the route template describes.
        if (value.Length == 0 || value is "." or "..")
        {
            throw new ArgumentException(
                $"The route value '{parameterName}' is {(value.Length == 0 ? "empty" : $"\"{value}\"")}, which would"
                + " send the request to a different address. Pass a value that names the resource.",
                parameterName);
        }
    }

    /// <summary>
    /// Appends a catch-all route value (<c>{**path}</c>): its slashes are kept, and every segment between them is
    /// escaped so that it stays a segment.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty, or one of its segments is "." or "..".</exception>
    public RequestUriBuilder AppendPathSegments([NotNull] string? value, string parameterName)
    {
        ThrowIfRouteValueIsNull(value, parameterName);

        var segments = value.Split('/');
        if (value.Length == 0 || Array.Exists(segments, segment => segment is "." or ".."))
        {
            throw new ArgumentException(
                $"The route value '{parameterName}' is empty or has a \".\" or \"..\" segment, which would send the"
                + " request to a different address. Pass a path that names the resource.",
                parameterName);
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                Append('/');
            }

            AppendEscaped(segments[i]);
        }

        return this;
    }

    /// <summary>
    /// Appends a collection to the query string: one pair per element for <see cref="CollectionFormat.Multi"/>,
    /// otherwise one pair with the elements joined. Null elements are left out, and so is a null or empty
    /// collection.
    /// </summary>
    public RequestUriBuilder AppendQueryCollection<T>(
        string name,
        IEnumerable<T>? values,
        Func<T, string?> format,
        CollectionFormat collectionFormat)
    {
        if (values is null)
        {
            return this;
        }

        foreach (var value in CollectionFormatting.Values(values, format, collectionFormat))
        {
            AppendQuery(name, value);
        }

        return this;
    }

    private static void ThrowIfRouteValueIsNull([NotNull] string? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(
                parameterName,
                $"The route value '{parameterName}' is null. Route values are required, because leaving one out"
                + " would send the request to a different address.");
        }
    }

    /// <summary>Appends <c>name=value</c> to the query string, or nothing when the value is null.</summary>
    public RequestUriBuilder AppendQuery(string name, string? value) => AppendQueryPair(name, nameIsEscaped: false, value);

    /// <summary>
    /// Appends <c>name=value</c> to the query string, or nothing when the value is null, with a name that is escaped
    /// already: the generator escapes the names it knows at build time, so calls do not escape them again.
    /// </summary>
    /// <param name="escapedName">The name as <see cref="Uri.EscapeDataString(string)"/> gives it.</param>
    /// <param name="value">The formatted value, escaped here.</param>
    public RequestUriBuilder AppendQueryWithEscapedName(string escapedName, string? value)
        => AppendQueryPair(escapedName, nameIsEscaped: true, value);

    /// <summary>
    /// Appends <c>name=value</c> to the query string for a value that formats itself, such as a number, in the
    /// invariant culture and escaped, without making its string; the name is escaped already, as for
    /// <see cref="AppendQueryWithEscapedName(string, string?)"/>.
    /// </summary>
    /// <typeparam name="T">A value type whose TryFormat writes what its ToString returns, as the numbers do.</typeparam>
    /// <param name="escapedName">The name as <see cref="Uri.EscapeDataString(string)"/> gives it.</param>
    /// <param name="value">The value.</param>
    public RequestUriBuilder AppendQueryWithEscapedName<T>(string escapedName, T value)
        where T : struct, ISpanFormattable
    {
        Span<char> formatted = stackalloc char[FormattedValueLength];
        if (!value.TryFormat(formatted, out var length, default, CultureInfo.InvariantCulture))
        {
            return AppendQueryWithEscapedName(escapedName, value.ToString(null, CultureInfo.InvariantCulture));
        }

        StartQueryPair();
        Append(escapedName);
        Append('=');
        AppendEscaped(formatted[..length]);
        return this;
    }

    private RequestUriBuilder AppendQueryPair(string name, bool nameIsEscaped, string? value)
    {
        if (value is null)
        {
            return this;
        }

        StartQueryPair();
        if (nameIsEscaped)
        {
            Append(name);
        }
        else
        {
            AppendEscaped(name);
        }

        Append('=');
        AppendEscaped(value);
        return this;
    }

    /// <summary>Writes the separator before the next name=value pair.</summary>
    private void StartQueryPair()
    {
        // A template that ends in "?" or "&" already has the separator the next pair needs.
        if (!_hasQuery)
        {
            Append('?');
        }
        else if (Written[^1] is not '?' and not '&')
        {
            Append('&');
        }

        _hasQuery = true;
    }

    /// <summary>Returns the finished, absolute address, and gives the buffer back.</summary>
    /// <exception cref="InvalidOperationException">The address was finished already.</exception>
    public Uri ToUri()
    {
        var buffer = _buffer ?? throw Finished();
        _finished = new string(buffer, 0, _length);
        _buffer = null;
        GiveBack(buffer);
        return new Uri(_finished, UriKind.Absolute);
    }

    private static char[] TakeBuffer(int length)
    {
        if (length > KeptBufferLength)
        {
            return ArrayPool<char>.Shared.Rent(length);
        }

        var kept = t_keptBuffer;
        t_keptBuffer = null;
        return kept ?? new char[KeptBufferLength];
    }

    private static void GiveBack(char[] buffer)
    {
        if (buffer.Length == KeptBufferLength)
        {
            t_keptBuffer = buffer;
        }
        else
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _finished ?? new string(Written);

    private ReadOnlySpan<char> Written => (_buffer ?? throw Finished()).AsSpan(0, _length);

    private void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        _length += text.Length;
    }

    private void Append(char character)
    {
        Reserve(1)[0] = character;
        _length++;
    }

    /// <summary>Escapes straight into the buffer: a value that needs escaping costs no string of its own.</summary>
    private void AppendEscaped(ReadOnlySpan<char> value)
    {
        // Most values need no escaping and fit as they are. Otherwise one char becomes at most nine ("%E2%82%AC"
        // for a character of three UTF-8 bytes; a surrogate pair's four bytes are twelve for two chars).
        if (!Uri.TryEscapeDataString(value, Reserve(value.Length), out var written)
            && !Uri.TryEscapeDataString(value, Reserve(value.Length * 9), out written))
        {
            throw new InvalidOperationException("The escaped value did not fit the space reserved for it.");
        }

        _length += written;
    }

    /// <summary>The free part of the buffer, grown first if it is shorter than <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<char> Reserve(int length)
    {
        var buffer = _buffer;
        return buffer is not null && buffer.Length - _length >= length ? buffer.AsSpan(_length) : Grow(length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<char> Grow(int length)
    {
        var buffer = _buffer ?? throw Finished();
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, _length + length));
        buffer.AsSpan(0, _length).CopyTo(larger);
        GiveBack(buffer);
        _buffer = larger;
        return larger.AsSpan(_length);
    }

    private static InvalidOperationException Finished()
        => new("The address was finished by ToUri already; start a new RequestUriBuilder for another one.");

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
