using System;

namespace Auth0ClientGen;

/// <summary>
/// Marks an interface as an HTTP API protected by Auth0. The source generator writes a client class for it
/// that asks an <see cref="ICredentialsProvider"/> for an access token before every call.
/// </summary>
/// <remarks>
/// For an interface named <c>IOrdersApi</c> the generated class is <c>OrdersApiClient</c>, in the same namespace.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class Auth0ApiAttribute : Attribute
{
    /// <summary>
    /// The API identifier the access token is requested for (the <c>aud</c> claim). When left out, the
    /// credentials provider uses its configured default audience.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The API's base address, used when the <see cref="System.Net.Http.HttpClient"/> given to the client
    /// has no <see cref="System.Net.Http.HttpClient.BaseAddress"/>. Configuration takes precedence over it.
    /// Routes are appended to its path, so it must have no query string, fragment or user information.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// A source-generated <c>JsonSerializerContext</c> whose options the client uses for every JSON body and
    /// response, so that no serialization falls back to reflection and the client works under Native AOT.
    /// Every JSON type must be listed on it with <c>[JsonSerializable]</c>; the generator reports any that is not.
    /// Its own options apply, so declare it with <c>[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]</c>
    /// to read and write camelCase names; the generator warns (ACG0031) about a context with no naming policy.
    /// When left out, System.Text.Json's web defaults are used, with enums as camelCase names.
    /// </summary>
    public Type? JsonContext { get; set; }
}
