namespace Auth0ClientGen.Generator.Model;

/// <summary>One method parameter and where its value goes in the request.</summary>
/// <param name="Name">The parameter's name as it must be written in C#, escaped with @ when it is a keyword.</param>
/// <param name="TypeName">The declared type, fully qualified with its nullable annotation.</param>
/// <param name="RefKindPrefix">"ref ", "out ", "in " or empty; only set on methods the emitter does not implement.</param>
/// <param name="Binding">Where the value goes.</param>
/// <param name="WireName">The query key or header name; for a route value, the parameter name used in messages.</param>
/// <param name="Format">How the value is turned into text.</param>
/// <param name="IsNullableValueType">Whether the type is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="BodyKind">For the body parameter, how it becomes request content.</param>
internal sealed record ParameterModel(
    string Name,
    string TypeName,
    string RefKindPrefix,
    ParameterBinding Binding,
    string WireName,
    ValueFormat Format,
    bool IsNullableValueType,
    BodyKind BodyKind = BodyKind.None);

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
}

/// <summary>Where a parameter's value goes in the request.</summary>
internal enum ParameterBinding
{
    Route,
    Query,
    Header,
    Body,
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

    /// <summary>An IFormattable whose ToString(string, IFormatProvider) is only reachable through the interface.</summary>
    InvariantThroughInterface,

    /// <summary>The value's own ToString, for types whose text does not depend on culture (enums, char).</summary>
    PlainToString,

    /// <summary>Not a simple value: a body, a cancellation token or an unsupported parameter.</summary>
    NotFormatted,
}
