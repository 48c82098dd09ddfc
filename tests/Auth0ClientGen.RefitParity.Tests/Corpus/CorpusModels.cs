using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

// The corpus interfaces are compiled in memory against this assembly, so both clients send and receive these
// very types and the tests can build arguments for them directly.

/// <summary>An enum sent as a query value, a route value and a JSON property.</summary>
public enum Shade
{
    Red,
    DarkBlue,
}

/// <summary>A JSON body and result with the value kinds whose serialization settings commonly differ.</summary>
public sealed record Widget(int Id, string Name, decimal Price, DateTimeOffset Created, string? Note);

/// <summary>A JSON body that carries an enum, kept apart so the body tests show which setting differs.</summary>
public sealed record Swatch(string Name, Shade Shade);

/// <summary>An enum whose wire names come from <c>[EnumMember]</c>, which only URL formatting reads.</summary>
public enum Finish
{
    [EnumMember(Value = "high-gloss")]
    HighGloss,

    Matte,
}

/// <summary>
/// An enum whose wire names come from <c>[JsonStringEnumMemberName]</c>, which System.Text.Json reads too.
/// </summary>
public enum Grade
{
    [JsonStringEnumMemberName("top_grade")]
    TopGrade,

    Standard,
}

/// <summary>
/// An object flattened into the query string, with the attributes both libraries read from the framework:
/// <c>[JsonPropertyName]</c> and <c>[JsonIgnore]</c>. Library attributes are in <c>ParityCorpus.SideModels</c>.
/// </summary>
public sealed class WidgetFilter
{
    public string? Text { get; set; }

    [JsonPropertyName("page_size")]
    public int PageSize { get; set; }

    public Shade? Shade { get; set; }

    public Finish? Finish { get; set; }

    public List<string>? Tags { get; set; }

    public bool? InStock { get; set; }

    [JsonIgnore]
    public string? Secret { get; set; }
}

/// <summary>A value whose properties fill route placeholders such as <c>{order.Region}</c>.</summary>
public sealed record Order(int Id, string Region);

/// <summary>A JSON body and result with both kinds of renamed enum.</summary>
public sealed record Coating(Finish Finish, Grade Grade);

/// <summary>A query object with a property JSON always writes, although it carries <c>[JsonIgnore]</c>.</summary>
public sealed class NeverIgnoredFilter
{
    public string? Text { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Never { get; set; }
}

/// <summary>A query object with a property JSON never writes.</summary>
public sealed class AlwaysIgnoredFilter
{
    public string? Text { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Always)]
    public string? Always { get; set; }
}

/// <summary>A query object whose properties JSON leaves out only when they are null or the default.</summary>
public sealed class ConditionalFilter
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int WhenDefault { get; set; }
}
