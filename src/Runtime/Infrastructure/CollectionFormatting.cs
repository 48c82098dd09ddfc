using System;
using System.Collections.Generic;
using System.Linq;

namespace Auth0ClientGen.Infrastructure;

/// <summary>Turns a collection into the values of its pairs, shared by query strings and forms.</summary>
internal static class CollectionFormatting
{
    /// <summary>
    /// The value of each pair to add: one per non-null element for <see cref="CollectionFormat.Multi"/>, else
    /// at most one, the elements joined.
    /// </summary>
    public static IEnumerable<string?> Values<T>(IEnumerable<T> values, Func<T, string?> format, CollectionFormat collectionFormat)
    {
        if (collectionFormat != CollectionFormat.Multi)
        {
            return Join(values, format, collectionFormat) is { } joined ? [joined] : [];
        }

        return values.Where(value => value is not null).Select(value => format(value));
    }

    /// <summary>
    /// The elements joined by the format's separator, or null for an empty collection. A null element keeps its
    /// place as an empty string, as Refit does: "a,,b".
    /// </summary>
    private static string? Join<T>(IEnumerable<T> values, Func<T, string?> format, CollectionFormat collectionFormat)
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
