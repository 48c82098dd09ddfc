using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>
/// A console project that knows nothing of this repository: the sources in <c>Consumer/</c>, one PackageReference to
/// Auth0ClientGen from the run's feed, and a <c>nuget.config</c> naming that feed.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project's directory.</summary>
    public string Directory { get; }

    /// <summary>Writes the consumer into a new directory of the run's workspace.</summary>
    public static ConsumerProject Create(PackagedFeed feed, string name)
    {
        var directory = feed.CreateDirectory(name);
        var sources = Path.Combine(AppContext.BaseDirectory, "Consumer");
        var project = File.ReadAllText(Path.Combine(sources, "Consumer.csproj.template"))
            .Replace("$(Auth0ClientGenVersion)", feed.Version, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), project);
        foreach (var file in System.IO.Directory.EnumerateFiles(sources, "*.cs"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        // Empty files stop MSBuild's search upwards, so nothing above the temporary directory is imported.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, file), "<Project />\n");
        }
        feed.WriteNuGetConfig(directory);
        return new ConsumerProject(directory);
    }

    /// <summary>Runs <c>dotnet</c> in the project's directory.</summary>
    public Task<CommandResult> DotnetAsync(params string[] arguments) => DotnetCli.RunAsync(Directory, arguments);

    /// <summary>Runs a program the build produced, pointed at the tenant through <c>Auth0__*</c> variables.</summary>
    public Task<CommandResult> RunAsync(string relativePath, LocalAuth0Tenant tenant)
    {
        var environment = new Dictionary<string, string>
        {
            ["Auth0__Domain"] = tenant.Domain,
            ["Auth0__ClientId"] = LocalAuth0Tenant.DefaultClientId,
            ["Auth0__ClientSecret"] = LocalAuth0Tenant.DefaultClientSecret,
            ["Auth0__Audience"] = tenant.ManagementApiAudience,
            ["Auth0__BaseUrl"] = tenant.BaseAddress.ToString(),
        };
        return DotnetCli.RunProgramAsync(Path.Combine(Directory, relativePath), Directory, [], environment);
    }
}
