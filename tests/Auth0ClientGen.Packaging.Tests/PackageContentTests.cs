using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>What the two packages hold, read from the nupkg files the run packed.</summary>
[Collection(PackagedFeedCollection.Name)]
public sealed class PackageContentTests(PackagedFeed feed, ITestOutputHelper output)
{
    // The kind of the custom debug information that holds the SourceLink map.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void TheRuntimePackageCarriesTheGeneratorAndItsBuildFiles()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);
        output.WriteLine($"Auth0ClientGen.nupkg: {new FileInfo(feed.RuntimePackage).Length} bytes");

        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/Auth0ClientGen.dll", entries);
        Assert.Contains("lib/net10.0/Auth0ClientGen.xml", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Auth0ClientGen.Generator.dll", entries);
        Assert.Contains("buildTransitive/Auth0ClientGen.props", entries);
        Assert.Contains("buildTransitive/Auth0ClientGen.targets", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void TheRuntimePackageDependsOnNoProjectOfThisRepository()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);

        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).ToList();

        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Auth0ClientGen", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Auth0ClientGen")]
    [InlineData("Auth0ClientGen.Testing")]
    public void EachPackageHasALicenceExpressionAReadmeXmlDocsAndSourceLink(string id)
    {
        var path = id == "Auth0ClientGen" ? feed.RuntimePackage : feed.TestingPackage;
        using var package = ZipFile.OpenRead(path);
        output.WriteLine($"{id}.nupkg: {new FileInfo(path).Length} bytes");

        var metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Field("readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(PackagedFeed.RepositoryUrl + ".git", (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));

        var pdb = EmbeddedPdb(package, $"lib/net10.0/{id}.dll");
        var reader = pdb.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation)
            .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
            .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
            .Single();
        Assert.Contains("https://raw.githubusercontent.com/auth0clientgen/auth0clientgen/", sourceLink);

        // A deterministic build maps source paths to /_/, so the DLL does not depend on where it was built.
        var documents = reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, document => Assert.StartsWith("/_/", document, StringComparison.Ordinal));
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static MetadataReaderProvider EmbeddedPdb(ZipArchive package, string assembly)
    {
        var bytes = new MemoryStream();
        using (var stream = package.GetEntry(assembly)!.Open())
        {
            stream.CopyTo(bytes);
        }
        bytes.Position = 0;
        using var peReader = new PEReader(bytes);
        var entry = peReader.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        return peReader.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
    }
}
