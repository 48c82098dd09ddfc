using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

public sealed record DocumentInfo(string Title, int Pages);

[Auth0Api(BaseUrl = "https://files.example")]
public interface IUploadsApi
{
    [Multipart]
    [Post("/folders/{folder}/files")]
    Task<string> UploadAsync(
        string folder,
        StreamPart document,
        [AliasAs("cover")] ByteArrayPart? image,
        DocumentInfo info,
        string description,
        int? pages,
        [Query] bool overwrite);

    [Multipart]
    [Post("/bundles")]
    Task UploadBundleAsync(IEnumerable<ByteArrayPart> files, HttpContent manifest);

    [Multipart("fixed-boundary")]
    [Post("/notes")]
    Task UploadNoteAsync(string note);
}

/// <summary>Multipart requests: each part's name, file name, type and content on the wire.</summary>
public class MultipartTests
{
    private readonly CapturingHandler _handler = new();
    private readonly IUploadsApi _client;

    public MultipartTests()
        => _client = new UploadsApiClient(new HttpClient(_handler), new StaticCredentialsProvider("token"));

    [Fact]
    public async Task EveryParameterOutsideTheRouteAndQueryIsAPart()
    {
        using var document = new MemoryStream("%PDF-1.7"u8.ToArray());

        await _client.UploadAsync(
            "reports",
            new StreamPart(document, "q4.pdf", "application/pdf"),
            new ByteArrayPart([0x89, 0x50], "cover.png", "image/png"),
            new DocumentInfo("Q4", 12),
            "quarterly report",
            pages: null,
            overwrite: true);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("https://files.example/folders/reports/files?overwrite=true", request.Uri);
        Assert.Matches("^multipart/form-data; boundary=\"auth0clientgen-[0-9a-f]{32}\"$", request.ContentType);
        var body = request.Body!;
        Assert.Contains("Content-Type: application/pdf\r\nContent-Disposition: form-data; name=document; filename=q4.pdf; filename*=utf-8''q4.pdf\r\n\r\n%PDF-1.7", body);
        Assert.Contains("Content-Type: image/png\r\nContent-Disposition: form-data; name=cover; filename=cover.png", body);
        Assert.Contains("Content-Type: application/json; charset=utf-8\r\nContent-Disposition: form-data; name=info\r\n\r\n{\"title\":\"Q4\",\"pages\":12}", body);
        Assert.Contains("Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: form-data; name=description\r\n\r\nquarterly report", body);
        Assert.DoesNotContain("name=pages", body);
    }

    [Fact]
    public async Task EachRequestGetsItsOwnRandomBoundary()
    {
        await _client.UploadBundleAsync([], new StringContent("{}"));
        await _client.UploadBundleAsync([], new StringContent("{}"));

        Assert.NotEqual(_handler.Requests[0].ContentType, _handler.Requests[1].ContentType);
    }

    [Fact]
    public async Task ACollectionOfFilesIsOnePartEachAndHttpContentIsSentAsItIs()
    {
        var manifest = new StringContent("<manifest/>", System.Text.Encoding.UTF8, "application/xml");

        await _client.UploadBundleAsync(
            [new ByteArrayPart([1], "a.bin"), new ByteArrayPart([2], "b.bin")],
            manifest);

        var body = Assert.Single(_handler.Requests).Body!;
        Assert.Contains("name=files; filename=a.bin", body);
        Assert.Contains("name=files; filename=b.bin", body);
        Assert.Contains("Content-Type: application/xml; charset=utf-8\r\nContent-Disposition: form-data; name=manifest\r\n\r\n<manifest/>", body);
    }

    [Fact]
    public async Task AValueThatContainsAFixedBoundaryIsRefusedBeforeSending()
    {
        var forged = "hi\r\n--fixed-boundary\r\nContent-Disposition: form-data; name=role\r\n\r\nadmin";

        await Assert.ThrowsAsync<System.ArgumentException>(() => _client.UploadNoteAsync(forged));

        Assert.Empty(_handler.Requests);
    }
}
