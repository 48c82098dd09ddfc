using System;
using System.Collections.Generic;

namespace Auth0ClientGen.Infrastructure;

/// <summary>Joins a collection for the joined <see cref="CollectionFormat"/>s, shared by queries and forms.</summary>
internal static class CollectionFormatting
{
    /// <summary>
    /// The elements joined by the format's separator, or null for an empty collection. A null element keeps its
    /// place as an empty string, as Refit does: "a,,b".
    /// </summary>
    public static string? Join<T>(IEnumerable<T> values, Func<T, string?> format, CollectionFormat collectionFormat)
    {
        var texts = new List<string>();
        foreach (var value in values)
        {
            texts.Add(value is null ? string.Empty : format(value) ?? string.Empty);
        }

        var separator = collectionFormat switch
        {
            CollectionFormat.Csv => ",",
            CollectionFormat.Ssv => " ",
            CollectionFormat.Tsv => "\t",
            _ => "|",
        };
        return texts.Count == 0 ? null : string.Join(separator, texts);
    }
}
