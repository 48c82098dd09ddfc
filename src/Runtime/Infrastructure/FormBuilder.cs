using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// Collects the fields of an <c>application/x-www-form-urlencoded</c> body. Generated clients call it;
/// hand-written code should not depend on it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormBuilder
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>Adds <c>name=value</c>, or nothing when the value is null.</summary>
    public FormBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds a collection, one field per element or joined, as <see cref="RequestUriBuilder"/> does for queries.</summary>
    public FormBuilder AddCollection<T>(
        string name,
        IEnumerable<T>? values,
        Func<T, string?> format,
        CollectionFormat collectionFormat)
    {
        if (values is null)
        {
            return this;
        }

        foreach (var value in CollectionFormatting.Values(values, format, collectionFormat))
        {
            Add(name, value);
        }

        return this;
    }

    /// <summary>Adds every entry of a dictionary, formatting each value; null values are left out.</summary>
    public FormBuilder AddEntries<T>(IEnumerable<KeyValuePair<string, T>>? entries, Func<T, string?> format)
    {
        if (entries is null)
        {
            return this;
        }

        foreach (var entry in entries)
        {
            Add(entry.Key, entry.Value is null ? null : format(entry.Value));
        }

        return this;
    }

    /// <summary>Returns the form as request content.</summary>
    public HttpContent ToContent() => new FormUrlEncodedContent(_fields);
}
