using System;
using System.IO;

namespace Auth0ClientGen;

/// <summary>A file part of a <see cref="MultipartAttribute"/> request, read from a stream.</summary>
/// <param name="value">The file's content, read from its current position.</param>
/// <param name="fileName">The file name sent with the part.</param>
/// <param name="contentType">The part's media type; <c>application/octet-stream</c> when null.</param>
/// <param name="name">The part's name; the parameter's name when null.</param>
public sealed class StreamPart(Stream value, string fileName, string? contentType = null, string? name = null)
{
    /// <summary>The file's content.</summary>
    public Stream Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The file name sent with the part.</summary>
    public string FileName { get; } = fileName ?? throw new ArgumentNullException(nameof(fileName));

    /// <summary>The part's media type, or null for <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>The part's name, or null for the parameter's name.</summary>
    public string? Name { get; } = name;
}

/// <summary>A file part of a <see cref="MultipartAttribute"/> request, from bytes in memory.</summary>
/// <param name="value">The file's content.</param>
/// <param name="fileName">The file name sent with the part.</param>
/// <param name="contentType">The part's media type; <c>application/octet-stream</c> when null.</param>
/// <param name="name">The part's name; the parameter's name when null.</param>
public sealed class ByteArrayPart(byte[] value, string fileName, string? contentType = null, string? name = null)
{
    /// <summary>The file's content.</summary>
    public byte[] Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The file name sent with the part.</summary>
    public string FileName { get; } = fileName ?? throw new ArgumentNullException(nameof(fileName));

    /// <summary>The part's media type, or null for <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>The part's name, or null for the parameter's name.</summary>
    public string? Name { get; } = name;
}
