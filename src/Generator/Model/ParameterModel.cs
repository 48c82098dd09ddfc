using Auth0ClientGen.Generator.Helpers;

namespace Auth0ClientGen.Generator.Model;

/// <summary>One method parameter and where its value goes in the request.</summary>
/// <param name="Name">The parameter's name as it must be written in C#, escaped with @ when it is a keyword.</param>
/// <param name="TypeName">The declared type, fully qualified with its nullable annotation.</param>
/// <param name="RefKindPrefix">"ref ", "out ", "in " or empty; only set on methods the emitter does not implement.</param>
/// <param name="Binding">Where the value goes.</param>
/// <param name="WireName">The query key or header name; for a route value, the parameter name used in messages.</param>
/// <param name="Value">For a header, the value and how it becomes text.</param>
/// <param name="BodyKind">For the body parameter, how it becomes request content.</param>
/// <param name="QueryValues">For a query parameter, the pairs it adds: one for a value or a collection, one per property for an object.</param>
internal sealed record ParameterModel(
    string Name,
    string TypeName,
    string RefKindPrefix,
    ParameterBinding Binding,
    string WireName,
    ValueSource? Value = null,
    BodyKind BodyKind = BodyKind.None,
    EquatableArray<QueryValue> QueryValues = default);

/// <summary>One key of the query string and the expression that gives its value.</summary>
/// <param name="Key">The query key, escaped at run time.</param>
/// <param name="Value">How to compute and format the value.</param>
/// <param name="CollectionFormat">For a collection, the CollectionFormat member name; null for a single value.</param>
/// <param name="ElementTypeName">For a collection, the element type, fully qualified.</param>
internal sealed record QueryValue(string Key, ValueSource Value, string? CollectionFormat, string? ElementTypeName);

/// <summary>A C# expression that yields a simple value, and how it becomes text.</summary>
/// <param name="Expression">Such as <c>id</c> or <c>filter?.Status</c>.</param>
/// <param name="Format">How the value is turned into text.</param>
/// <param name="IsNullableValueType">Whether the expression's type is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="EnumFormatter">For enums written by member names, the generated formatter method to call.</param>
/// <param name="SkipDefaultOf">
/// For a <c>[JsonIgnore(Condition = WhenWritingDefault)]</c> property, the value type whose default is left out.
/// </param>
internal sealed record ValueSource(
    string Expression,
    ValueFormat Format,
    bool IsNullableValueType,
    string? EnumFormatter = null,
    string? SkipDefaultOf = null);

/// <summary>How a <c>[Body]</c> parameter becomes request content.</summary>
internal enum BodyKind
{
    /// <summary>Not a body.</summary>
    None,

    /// <summary>Serialized as JSON.</summary>
    Json,

    /// <summary>A string, sent as <c>text/plain</c>.</summary>
    Text,

    /// <summary>A byte array, sent as <c>application/octet-stream</c>.</summary>
    Bytes,

    /// <summary>A stream, sent as <c>application/octet-stream</c>.</summary>
    Stream,

    /// <summary>An HttpContent, sent as it is.</summary>
    Content,

    /// <summary>An object, sent as a form with one field per property (listed in QueryValues).</summary>
    Form,

    /// <summary>A dictionary, sent as a form with one field per entry (the value format is QueryValues[0]).</summary>
    FormEntries,

    /// <summary>A StreamPart or ByteArrayPart of a multipart request, with its own file name and type.</summary>
    FilePart,

    /// <summary>A collection of StreamPart or ByteArrayPart, one file part per element.</summary>
    FileParts,
}

/// <summary>Where a parameter's value goes in the request.</summary>
internal enum ParameterBinding
{
    Route,
    Query,
    Header,
    Body,
    Part,
    HeaderCollection,
    CancellationToken,

    /// <summary>Not bound: the method is not implemented because of an earlier diagnostic.</summary>
    None,
}

/// <summary>How a simple value is written as text in a route, query or header.</summary>
internal enum ValueFormat
{
    /// <summary>A string, written as it is.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>, in lower case.</summary>
    Boolean,

    /// <summary>ISO 8601, through the "O" format: DateTime, DateTimeOffset, DateOnly and TimeOnly.</summary>
    RoundTripDate,

    /// <summary>Any IFormattable, formatted in the invariant culture.</summary>
    Invariant,

    /// <summary>
    /// A built-in number (sbyte to ulong, float, double, decimal), formatted in the invariant culture; in an address
    /// it is written straight into the buffer, without a string.
    /// </summary>
    Number,

    /// <summary>An IFormattable whose ToString(string, IFormatProvider) is only reachable through the interface.</summary>
    InvariantThroughInterface,

    /// <summary>The value's own ToString, for types whose text does not depend on culture (enums, char).</summary>
    PlainToString,

    /// <summary>A Uri, written as it was given (its OriginalString), then escaped like any value.</summary>
    UriString,

    /// <summary>An enum with [JsonStringEnumMemberName] or [EnumMember] names, written through a generated switch.</summary>
    EnumMemberName,

    /// <summary>Not a simple value: a body, a cancellation token or an unsupported parameter.</summary>
    NotFormatted,
}
