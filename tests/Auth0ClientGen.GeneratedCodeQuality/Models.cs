using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>An order, read and written as JSON.</summary>
/// <param name="Id">The order's number.</param>
/// <param name="Region">Where the order ships from.</param>
public sealed record Order(int Id, string Region);

/// <summary>An order's state, sent by the names it is serialized with.</summary>
public enum OrderState
{
    /// <summary>Sent by its <c>[JsonStringEnumMemberName]</c>.</summary>
    [JsonStringEnumMemberName("in-progress")]
    InProgress,

    /// <summary>Sent by its <c>[EnumMember]</c> value.</summary>
    [EnumMember(Value = "done")]
    Done,

    /// <summary>Sent by its own name.</summary>
    Open,
}

/// <summary>A search flattened into the query string, one pair per property.</summary>
public sealed class OrderFilter
{
    /// <summary>Gets the free text to match.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the page size, sent by its JSON name.</summary>
    [JsonPropertyName("page_size")]
    public int PageSize { get; init; }

    /// <summary>Gets the state, sent by its alias.</summary>
    [AliasAs("state")]
    public OrderState? State { get; init; }

    /// <summary>Gets the tags, one pair each.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Gets a value that never leaves the process.</summary>
    [JsonIgnore]
    public string? Secret { get; init; }
}

/// <summary>A form body, one field per property.</summary>
public sealed class SignupForm
{
    /// <summary>Gets the address to sign up.</summary>
    [JsonPropertyName("email")]
    public string Email { get; init; } = "";

    /// <summary>Gets the plan, sent by its alias when set.</summary>
    [AliasAs("plan_code")]
    public int? Plan { get; init; }

    /// <summary>Gets the topics, one field each.</summary>
    public IReadOnlyList<string>? Topics { get; init; }
}
