using System;

namespace Auth0ClientGen;

/// <summary>
/// Sends the parameter as the request body: serialized as JSON with System.Text.Json, or as an HTML form with
/// <see cref="BodySerializationMethod.UrlEncoded"/>. Strings, byte arrays, streams and HttpContent are sent as
/// they are.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class BodyAttribute : Attribute
{
    /// <summary>Sends the parameter as the request body, as JSON unless it is text, bytes or content.</summary>
    public BodyAttribute()
    {
    }

    /// <summary>Sends the parameter as the request body in the given form.</summary>
    /// <param name="serializationMethod">How the value becomes the body.</param>
    public BodyAttribute(BodySerializationMethod serializationMethod) => SerializationMethod = serializationMethod;

    /// <summary>How the value becomes the body.</summary>
    public BodySerializationMethod SerializationMethod { get; } = BodySerializationMethod.Default;
}

/// <summary>How a <see cref="BodyAttribute"/> parameter becomes the request body.</summary>
public enum BodySerializationMethod
{
    /// <summary>JSON, or as it is for text, bytes, streams and HttpContent.</summary>
    Default,

    /// <summary>JSON, through System.Text.Json.</summary>
    Json,

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> form: a dictionary's entries, or an object's public properties
    /// named like query values.
    /// </summary>
    UrlEncoded,
}

/// <summary>
/// Sends every entry of an <c>IDictionary&lt;string, string&gt;</c> parameter as a request header. Null values
/// are left out; names and values are checked before sending.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class HeaderCollectionAttribute : Attribute
{
}

/// <summary>
/// Sends the parameter in the query string. Simple parameters that match no route placeholder go there
/// anyway; the attribute makes the intent explicit, and sets how collections and objects are written.
/// </summary>
/// <remarks>
/// A collection is written as one comma-separated <c>name=value</c> pair unless another
/// <see cref="CollectionFormat"/> is given. An object is flattened into one pair per public property, named
/// by <see cref="AliasAsAttribute"/>, then <c>[JsonPropertyName]</c>, then the property name; properties marked
/// <c>[JsonIgnore]</c> are left out. With a <see cref="Prefix"/>, keys become <c>prefix + delimiter + name</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Sends the parameter in the query string with the default formats.</summary>
    public QueryAttribute()
    {
    }

    /// <summary>Sends a collection parameter in the query string in the given format.</summary>
    /// <param name="collectionFormat">How the elements are written.</param>
    public QueryAttribute(CollectionFormat collectionFormat) => CollectionFormat = collectionFormat;

    /// <summary>Sends an object parameter in the query string, joining nested names with <paramref name="delimiter"/>.</summary>
    /// <param name="delimiter">Placed between the prefix and each property name.</param>
    public QueryAttribute(string delimiter) => Delimiter = delimiter;

    /// <summary>Sends an object parameter in the query string with keys <c>prefix + delimiter + name</c>.</summary>
    /// <param name="delimiter">Placed between the prefix and each property name.</param>
    /// <param name="prefix">Put before every property name.</param>
    public QueryAttribute(string delimiter, string prefix)
    {
        Delimiter = delimiter;
        Prefix = prefix;
    }

    /// <summary>How a collection's elements are written; comma-separated (<see cref="CollectionFormat.Csv"/>) by default.</summary>
    public CollectionFormat CollectionFormat { get; set; } = CollectionFormat.Csv;

    /// <summary>Placed between the prefix and each property name of an object; <c>.</c> by default.</summary>
    public string Delimiter { get; set; } = ".";

    /// <summary>Put before every property name of an object, followed by the delimiter; none by default.</summary>
    public string? Prefix { get; set; }
}

/// <summary>How the elements of a collection are written in the query string.</summary>
public enum CollectionFormat
{
    /// <summary>One <c>name=value</c> pair per element: <c>ids=1&amp;ids=2</c>.</summary>
    Multi,

    /// <summary>Comma-separated: <c>ids=1,2</c>.</summary>
    Csv,

    /// <summary>Space-separated: <c>ids=1 2</c> (escaped as <c>%20</c>).</summary>
    Ssv,

    /// <summary>Tab-separated: <c>ids=1\t2</c> (escaped as <c>%09</c>).</summary>
    Tsv,

    /// <summary>Pipe-separated: <c>ids=1|2</c> (escaped as <c>%7C</c>).</summary>
    Pipes,
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
