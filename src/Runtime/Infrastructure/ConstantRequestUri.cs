using System;
using System.ComponentModel;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// The address of a route with no values in it, built once per base address instead of on every call.
/// Generated clients keep one per such route; hand-written code should not depend on it.
/// </summary>
/// <remarks>
/// The address is built by <see cref="RequestUriBuilder"/>, so a base address it refuses is refused here too, on
/// every call until a usable one is given. Only the last base address is remembered: clients over HttpClients with
/// different base addresses stay correct, and pay for building the address when they alternate. The remembered
/// pair is one immutable object, replaced whole, so concurrent callers never see a base address with another's
/// address. The <see cref="Uri"/> returned is shared by the requests; it is immutable.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ConstantRequestUri
{
    private readonly string _route;
    private volatile Built? _last;

    /// <summary>Remembers <paramref name="route"/>, the route template's text, which is already in URI form.</summary>
    /// <exception cref="ArgumentNullException">The route is null.</exception>
    public ConstantRequestUri(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _route = route;
    }

    /// <summary>The route's absolute address under <paramref name="baseAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The base address has a query string, a fragment or user information, as for <see cref="RequestUriBuilder"/>.
    /// </exception>
    public Uri Resolve(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var last = _last;

        // The same Uri object is the common case (one HttpClient); an equal text, such as a base address set again
        // from configuration, builds the same address, since the builder reads only the text.
        if (last is not null
            && (ReferenceEquals(last.BaseAddress, baseAddress)
                || string.Equals(last.BaseAddress.AbsoluteUri, baseAddress.AbsoluteUri, StringComparison.Ordinal)))
        {
            return last.Address;
        }

        var address = new RequestUriBuilder(baseAddress).AppendLiteral(_route).ToUri();
        _last = new Built(baseAddress, address);
        return address;
    }

    /// <inheritdoc />
    public override string ToString() => _route;

    private sealed record Built(Uri BaseAddress, Uri Address);
}
