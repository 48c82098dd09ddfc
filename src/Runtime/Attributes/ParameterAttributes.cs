using System;

namespace Auth0ClientGen;

/// <summary>Sends the parameter as the request body, serialized as JSON with System.Text.Json.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class BodyAttribute : Attribute
{
}

/// <summary>
/// Sends the parameter in the query string. Simple parameters that match no route placeholder go there
/// anyway; the attribute makes the intent explicit.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class QueryAttribute : Attribute
{
}

/// <summary>Sends the parameter's value as a request header.</summary>
/// <param name="name">The header name, such as <c>X-Request-Id</c>.</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class HeaderAttribute(string name) : Attribute
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Gives a parameter a different name on the wire: the query key it is sent as, or the route placeholder
/// it fills.
/// </summary>
/// <param name="name">The name used in the request.</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false)]
public sealed class AliasAsAttribute(string name) : Attribute
{
    /// <summary>The name used in the request.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Sends fixed headers with every request of the interface or method, each written as <c>"Name: value"</c>.
/// A method's headers win over the interface's of the same name, and a name without a value
/// (<c>"Name"</c> or <c>"Name:"</c>) removes a header the interface set. Content headers such as
/// <c>Content-Type</c> apply to the request body and are left out of requests that have none.
/// </summary>
/// <param name="headers">The headers, such as <c>"Accept: application/json"</c>.</param>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class HeadersAttribute(params string[] headers) : Attribute
{
    /// <summary>The headers as written.</summary>
    public string[] Headers { get; } = headers;
}
