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
public sealed class MultipartBuilder(string boundary)
{
    private readonly MultipartFormDataContent _content = new(boundary);

    /// <summary>Adds a text part.</summary>
    public MultipartBuilder AddText(string name, string? value)
    {
        if (value is not null)
        {
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
