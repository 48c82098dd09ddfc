using System.IO;
using System.Threading.Tasks;

namespace Auth0ClientGen.GeneratedCodeQuality;

/// <summary>Scoped tokens and multipart uploads.</summary>
[Auth0Api(Audience = "https://files.example.com")]
[Scopes("read:files")]
public interface IScopedUploadsApi
{
    /// <summary>Uploads a file with its metadata, as multipart/form-data, with a wider scope.</summary>
    /// <param name="folder">The folder, in the route.</param>
    /// <param name="document">The file.</param>
    /// <param name="image">An optional cover image.</param>
    /// <param name="order">Metadata, sent as JSON.</param>
    /// <param name="description">Sent as text.</param>
    /// <param name="pages">Sent as text when set.</param>
    /// <param name="overwrite">Sent in the query string.</param>
    /// <param name="uploadId">Sent as a header.</param>
    /// <returns>The body as text.</returns>
    [Multipart]
    [Scopes("write:files")]
    [Post("/folders/{folder}/files")]
    Task<string> UploadAsync(
        string folder,
        StreamPart document,
        [AliasAs("cover")] ByteArrayPart? image,
        Order order,
        string description,
        int? pages,
        [Query] bool overwrite,
        [Header("X-Upload")] string? uploadId);

    /// <summary>Uploads raw parts with a boundary of its own.</summary>
    /// <param name="data">A stream part.</param>
    /// <param name="checksum">A bytes part.</param>
    /// <returns>A task that completes when the parts are stored.</returns>
    [Multipart("quality-boundary")]
    [Put("/raw")]
    Task UploadRawAsync(Stream data, byte[] checksum);

    /// <summary>Reads a file's name with only the interface's scope.</summary>
    /// <param name="id">The file's identifier.</param>
    /// <returns>The body as text.</returns>
    [Get("/files/{id}")]
    Task<string> GetNameAsync(string id);
}
