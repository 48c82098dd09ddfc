using System;

namespace Auth0ClientGen;

/// <summary>
/// Sends the method's request as <c>multipart/form-data</c>: every parameter that is not in the route, a
/// header or explicitly in the query becomes a part, named by <see cref="AliasAsAttribute"/> or the parameter.
/// </summary>
/// <param name="boundaryText">
/// The boundary between parts, or null (the default) for a random one per request. A fixed boundary lets a
/// value that contains it end its part early; text values that do are refused, but file contents are not read
/// ahead to check, so keep the default unless a server needs a fixed one.
/// </param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MultipartAttribute(string? boundaryText = null) : Attribute
{
    /// <summary>The boundary between parts, or null for a random one per request.</summary>
    public string? BoundaryText { get; } = boundaryText;
}
