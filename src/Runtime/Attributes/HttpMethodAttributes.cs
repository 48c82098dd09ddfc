using System;
using System.Net.Http;

namespace Auth0ClientGen;

/// <summary>
/// Base class of the attributes that bind an interface method to an HTTP method and a route template.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public abstract class HttpMethodAttribute : Attribute
{
    /// <summary>Creates the attribute for a route template such as <c>/orders/{id}</c>.</summary>
    /// <param name="path">The route template, starting with <c>/</c>. Placeholders in braces bind to parameters.</param>
    protected HttpMethodAttribute(string path) => Path = path;

    /// <summary>The route template, relative to the API's base address.</summary>
    public string Path { get; }

    /// <summary>The HTTP method this attribute stands for.</summary>
    public abstract HttpMethod Method { get; }
}

/// <summary>Sends the method's request as an HTTP GET to the route template.</summary>
public sealed class GetAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Get;
}

/// <summary>Sends the method's request as an HTTP POST to the route template.</summary>
public sealed class PostAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Post;
}

/// <summary>Sends the method's request as an HTTP PUT to the route template.</summary>
public sealed class PutAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Put;
}

/// <summary>Sends the method's request as an HTTP PATCH to the route template.</summary>
public sealed class PatchAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Patch;
}

/// <summary>Sends the method's request as an HTTP DELETE to the route template.</summary>
public sealed class DeleteAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Delete;
}

/// <summary>Sends the method's request as an HTTP HEAD to the route template.</summary>
public sealed class HeadAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Head;
}

/// <summary>Sends the method's request as an HTTP OPTIONS to the route template.</summary>
public sealed class OptionsAttribute(string path) : HttpMethodAttribute(path)
{
    /// <inheritdoc />
    public override HttpMethod Method => HttpMethod.Options;
}

/// <summary>
/// Sends the method's request without an access token, for endpoints that are public. No token is requested.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute
{
}

/// <summary>
/// Requests the access token with these scopes, in addition to those the interface declares. Each distinct
/// set of scopes gets its own cached token.
/// </summary>
/// <param name="scopes">Scopes such as <c>read:users</c>.</param>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ScopesAttribute(params string[] scopes) : Attribute
{
    /// <summary>The scopes as declared.</summary>
    public string[] Scopes { get; } = scopes;
}
