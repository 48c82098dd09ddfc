using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth0ClientGen.Benchmarks.Apis;

/// <summary>What every request benchmark reads back: a small object with the usual mix of field types.</summary>
public sealed class Item
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public decimal Price { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The body the POST benchmarks send.</summary>
public sealed class NewItem
{
    public string Name { get; set; } = string.Empty;

    public decimal Price { get; set; }

    public List<string> Tags { get; set; } = [];
}

/// <summary>
/// One source-generated JSON context for all three contenders, so none of them pays for reflection the others skip.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(NewItem))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
