using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Auth0ClientGen.Testing;
using Xunit.Abstractions;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>The consumer, published with Native AOT from the feed, runs as a native binary against the local tenant.</summary>
[Collection(PackagedFeedCollection.Name)]
public sealed partial class NativeAotTests(PackagedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task ANativeAotPublishHasNoTrimOrAotWarningsAndRunsAgainstTheLocalTenant()
    {
        var consumer = ConsumerProject.Create(feed, "consumer-aot");
        var runtime = RuntimeInformation.RuntimeIdentifier;

        var publish = await consumer.DotnetAsync("publish", "--configuration", "Release", "--runtime", runtime, "-p:PublishAot=true");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(AnyWarning(), publish.Output);
        var binary = Path.Combine("bin/Release/net10.0", runtime, "publish/Consumer");
        output.WriteLine($"Native binary: {new FileInfo(Path.Combine(consumer.Directory, binary)).Length} bytes");

        await using var tenant = await LocalAuth0Tenant.StartAsync();
        var run = await consumer.RunAsync(binary, tenant);
        Assert.True(run.ExitCode == 0, run.Output);
        // Field values, not just the lines: a context that lost the camelCase names would print them empty.
        Assert.Matches(@"public: \S", run.Output);
        Assert.Matches(@"scoped: \S", run.Output);
        Assert.Contains("<consumer@example.com>", run.Output);
        Assert.Contains("consumer finished", run.Output);
    }

    // Trim analysis (IL2xxx), AOT analysis (IL3xxx) and any other warning the publish prints.
    [GeneratedRegex(@"warning [A-Z]+[0-9]+")]
    private static partial Regex AnyWarning();
}
