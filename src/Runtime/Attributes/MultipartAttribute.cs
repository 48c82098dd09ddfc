using System;

namespace Auth0ClientGen;

/// <summary>
/// Sends the method's request as <c>multipart/form-data</c>: every parameter that is not in the route, a
/// header or explicitly in the query becomes a part, named by <see cref="AliasAsAttribute"/> or the parameter.
/// </summary>
/// <param name="boundaryText">The boundary between parts.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MultipartAttribute(string boundaryText = "----MyGreatBoundary") : Attribute
{
    /// <summary>The boundary between parts.</summary>
    public string BoundaryText { get; } = boundaryText;
}
