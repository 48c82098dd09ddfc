using System.IO;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>A new console project adds Auth0ClientGen from the feed, builds, and calls the local tenant.</summary>
[Collection(PackagedFeedCollection.Name)]
public sealed class ConsumerTests(PackagedFeed feed)
{
    private const string GeneratedSources = "obj/Debug/net10.0/generated/Auth0ClientGen.Generator";

    [Fact]
    public async Task AConsoleProjectWithOnePackageReferenceBuildsAndCallsTheLocalTenant()
    {
        var consumer = ConsumerProject.Create(feed, "consumer");

        var build = await consumer.DotnetAsync("build", "-p:EmitCompilerGeneratedFiles=true");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(Directory.Exists(Path.Combine(consumer.Directory, GeneratedSources)), build.Output);

        await using var tenant = await LocalAuth0Tenant.StartAsync();
        var run = await consumer.RunAsync("bin/Debug/net10.0/Consumer", tenant);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"public: \S", run.Output);
        Assert.Matches(@"scoped: \S", run.Output);
        Assert.Contains("<consumer@example.com>", run.Output);
        Assert.Contains("consumer finished", run.Output);
        Assert.Equal(2, tenant.IssuedTokenCount);
    }

    [Fact]
    public async Task Auth0ClientGenEnabledFalseBuildsWithoutTheGenerator()
    {
        var consumer = ConsumerProject.Create(feed, "consumer-disabled");

        // The consumer names no generated type, so it compiles either way; only the generated sources differ.
        var build = await consumer.DotnetAsync("build", "-p:EmitCompilerGeneratedFiles=true", "-p:Auth0ClientGenEnabled=false");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.False(Directory.Exists(Path.Combine(consumer.Directory, GeneratedSources)), build.Output);
    }

    [Fact]
    public async Task ACompilerOlderThanRoslyn48StopsTheBuildWithACG1001()
    {
        var consumer = ConsumerProject.Create(feed, "consumer-old-compiler");

        // Setting CompilerApiVersion is what the SDK itself reads from an older compiler: it also makes the SDK
        // leave out the roslyn4.8 analyzer folder, exactly as it would on that compiler.
        var build = await consumer.DotnetAsync("build", "-p:CompilerApiVersion=roslyn4.7");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error ACG1001: Auth0ClientGen needs a C# compiler of Roslyn 4.8 or later", build.Output);
        Assert.Contains("'roslyn4.7'", build.Output);
    }
}
