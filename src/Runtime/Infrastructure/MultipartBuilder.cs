using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Auth0ClientGen.Infrastructure;

/// <summary>
/// Collects the parts of a <c>multipart/form-data</c> body. Generated clients call it; hand-written code should
/// not depend on it. A null value adds no part.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartBuilder
{
    private readonly string _boundary;
    private readonly MultipartFormDataContent _content;

    /// <summary>Starts a body with the declared boundary, or a random one when it is null.</summary>
    public MultipartBuilder(string? boundary)
    {
        // A random boundary cannot be guessed, so no value can end its part early and forge another.
        _boundary = boundary ?? "auth0clientgen-" + Guid.NewGuid().ToString("N");
        _content = new MultipartFormDataContent(_boundary);
    }

    /// <summary>Adds a text part.</summary>
    /// <exception cref="ArgumentException">The value contains the boundary, and would end its part early.</exception>
    public MultipartBuilder AddText(string name, string? value)
    {
        if (value is not null)
        {
            if (value.Contains(_boundary, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The multipart value '{name}' contains the boundary, which would end its part early and let it"
                    + " forge other parts. Leave [Multipart] without a boundary to get a random one.",
                    nameof(value));
            }

            _content.Add(new StringContent(value, Encoding.UTF8, "text/plain"), name);
        }

        return this;
    }

    /// <summary>Adds a file part from a stream.</summary>
    public MultipartBuilder AddFile(string name, StreamPart? part)
    {
        if (part is not null)
        {
            AddFile(new StreamContent(part.Value), part.Name ?? name, part.FileName, part.ContentType);
        }

        return this;
    }

    /// <summary>Adds a file part from bytes.</summary>
    public MultipartBuilder AddFile(string name, ByteArrayPart? part)
    {
        if (part is not null)
        {
            AddFile(new ByteArrayContent(part.Value), part.Name ?? name, part.FileName, part.ContentType);
        }

        return this;
    }

    /// <summary>Adds one file part per element, all under the same name.</summary>
    public MultipartBuilder AddFiles(string name, System.Collections.Generic.IEnumerable<StreamPart?>? parts)
    {
        foreach (var part in parts ?? [])
        {
            AddFile(name, part);
        }

        return this;
    }

    /// <summary>Adds one file part per element, all under the same name.</summary>
    public MultipartBuilder AddFiles(string name, System.Collections.Generic.IEnumerable<ByteArrayPart?>? parts)
    {
        foreach (var part in parts ?? [])
        {
            AddFile(name, part);
        }

        return this;
    }

    /// <summary>Adds an HttpContent as a part, with the headers it already has.</summary>
    public MultipartBuilder AddContent(string name, HttpContent? part)
    {
        if (part is not null)
        {
            _content.Add(part, name);
        }

        return this;
    }

    /// <summary>Adds a stream as an <c>application/octet-stream</c> part, with the part's name as file name.</summary>
    public MultipartBuilder AddStream(string name, System.IO.Stream? value)
    {
        if (value is not null)
        {
            AddFile(new StreamContent(value), name, name, null);
        }

        return this;
    }

    /// <summary>Adds bytes as an <c>application/octet-stream</c> part, with the part's name as file name.</summary>
    public MultipartBuilder AddBytes(string name, byte[]? value)
    {
        if (value is not null)
        {
            AddFile(new ByteArrayContent(value), name, name, null);
        }

        return this;
    }

    /// <summary>Adds a value serialized as a JSON part.</summary>
    public MultipartBuilder AddJson<T>(string name, T value, JsonSerializerOptions options)
    {
        if (value is not null)
        {
            _content.Add(GeneratedClientHelpers.CreateJsonContent(value, options), name);
        }

        return this;
    }

    /// <summary>Returns the parts as request content.</summary>
    public HttpContent ToContent() => _content;

    private void AddFile(HttpContent part, string name, string fileName, string? contentType)
    {
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
        _content.Add(part, name, fileName);
    }
}
