using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>
/// Both packages, packed once per test run into a temporary folder feed, under a version no earlier run used.
/// </summary>
/// <remarks>
/// <para>
/// The packs run on a copy of the repository's sources in a temporary directory, never on the working tree:
/// <c>dotnet test</c> runs other test projects at the same time, and a pack in place would restore and build
/// into the same <c>obj</c> folders they read. The copy is made a git repository with a GitHub remote, so
/// SourceLink has a commit and an address to record, as it does in a clone.
/// </para>
/// <para>
/// A unique version keeps NuGet's global packages folder from handing a consumer a package cached by an earlier
/// run; the folders it adds there are removed again at the end.
/// </para>
/// </remarks>
public sealed class PackagedFeed : IAsyncLifetime
{
    /// <summary>The repository address the copy's remote names; SourceLink turns it into raw.githubusercontent.com.</summary>
    public const string RepositoryUrl = "https://github.com/auth0clientgen/auth0clientgen";

    private static readonly string[] CopiedRootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", ".editorconfig"];

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("acg-packaging-");

    /// <summary>The package version of this run, such as <c>0.1.0-test.20261204192233123</c>.</summary>
    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>The folder feed holding both packages.</summary>
    public string FeedDirectory => Path.Combine(_workspace.FullName, "feed");

    /// <summary>Path of the Auth0ClientGen package.</summary>
    public string RuntimePackage => Path.Combine(FeedDirectory, $"Auth0ClientGen.{Version}.nupkg");

    /// <summary>Path of the Auth0ClientGen.Testing package.</summary>
    public string TestingPackage => Path.Combine(FeedDirectory, $"Auth0ClientGen.Testing.{Version}.nupkg");

    /// <summary>The repository this test assembly was built from.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Creates a directory under this run's workspace, for a consumer project.</summary>
    public string CreateDirectory(string name) => Directory.CreateDirectory(Path.Combine(_workspace.FullName, name)).FullName;

    /// <summary>
    /// Writes a <c>nuget.config</c> into <paramref name="directory"/> that lists this run's feed before the
    /// repository's own sources, as a user would add a private feed.
    /// </summary>
    public void WriteNuGetConfig(string directory)
    {
        var config = XDocument.Load(Path.Combine(RepositoryRoot, "nuget.config"));
        var sources = config.Root!.Element("packageSources")!;
        sources.Element("clear")!.AddAfterSelf(new XElement("add",
            new XAttribute("key", "auth0clientgen-test-feed"), new XAttribute("value", FeedDirectory)));
        config.Save(Path.Combine(directory, "nuget.config"));
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var sources = Path.Combine(_workspace.FullName, "repository");
        CopySources(sources);
        await RunAsync(sources, "git", "init", "--quiet");
        await RunAsync(sources, "git", "remote", "add", "origin", RepositoryUrl + ".git");
        await RunAsync(sources, "git", "add", "--all");
        await RunAsync(sources, "git", "-c", "user.name=packaging-test", "-c", "user.email=packaging@example.com",
            "commit", "--quiet", "--message", "Sources to pack");

        // The two packages share no project, so they pack side by side. A continuous integration build is
        // what a release is: deterministic, with source paths mapped to /_/.
        var packs = new[] { "src/Runtime/Auth0ClientGen.csproj", "src/Testing/Auth0ClientGen.Testing.csproj" }
            .Select(project => DotnetCli.RunAsync(sources,
            [
                "pack", project, "--output", FeedDirectory, $"-p:Version={Version}",
                "-p:ContinuousIntegrationBuild=true",
            ]));
        foreach (var pack in await Task.WhenAll(packs))
        {
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "auth0clientgen", "auth0clientgen.testing" })
        {
            DeleteIfPresent(Path.Combine(globalPackages, id, Version.ToLowerInvariant()));
        }
        DeleteIfPresent(_workspace.FullName);
        return Task.CompletedTask;
    }

    private void CopySources(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in CopiedRootFiles)
        {
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(destination, file));
        }
        CopyTree(Path.Combine(RepositoryRoot, "src"), Path.Combine(destination, "src"));
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyTree(directory, Path.Combine(destination, name));
            }
        }
    }

    private static async Task RunAsync(string directory, string program, params string[] arguments)
    {
        var result = await DotnetCli.RunProgramAsync(program, directory, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed:\n{result.Output}");
    }

    private static void DeleteIfPresent(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Auth0ClientGen.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("No Auth0ClientGen.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>The tests that share one packed feed; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedFeedCollection : ICollectionFixture<PackagedFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packaged feed";
}
