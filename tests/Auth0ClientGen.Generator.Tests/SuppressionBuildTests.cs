using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Generator.Tests;

/// <summary>
/// A generator diagnostic configured in <c>.editorconfig</c> and suppressed with <c>#pragma warning disable</c>,
/// checked with a real <c>dotnet build</c> of a small project that loads the built generator the way a user's
/// project does.
/// </summary>
/// <remarks>
/// The in-memory driver is not what a user runs: a real build shows that <c>.editorconfig</c> and pragmas reach the
/// generator's diagnostics through MSBuild and csc, with the built generator loaded as an analyzer, and that their
/// locations keep them suppressible. The compiler's SARIF log lists suppressed diagnostics too, marked as suppressed
/// in source, which tells "suppressed" apart from "never reported". Each case is one build of about five seconds, in
/// a directory of its own: MSBuild's up-to-date check does not notice a deleted <c>.editorconfig</c>, so reusing a
/// directory could skip the compiler.
/// </remarks>
public class SuppressionBuildTests
{
    private const string LoweredToWarning = """
        root = true

        [*.cs]
        dotnet_diagnostic.ACG0001.severity = warning
        """;

    [Fact]
    public async Task APragmaSuppressesACG0001ThatEditorConfigLowersToAWarning()
    {
        var build = await BuildAsync(LoweredToWarning, """
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Probe;

            [Auth0Api]
            public interface IProbeApi
            {
                [Get("/ping")]
                Task<string> PingAsync();

            #pragma warning disable ACG0001
                Task<string> StatusAsync();
            #pragma warning restore ACG0001
            }
            """);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("ACG0001", build.Output);
        var diagnostic = Assert.Single(build.Diagnostics, d => d.Id == "ACG0001");
        Assert.Equal(("warning", 13, true), (diagnostic.Level, diagnostic.Line, diagnostic.IsSuppressedInSource));
    }

    [Fact]
    public async Task WithoutThePragmaEditorConfigMakesACG0001AWarningThatDoesNotFailTheBuild()
    {
        var build = await BuildAsync(LoweredToWarning, """
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Probe;

            [Auth0Api]
            public interface IProbeApi
            {
                [Get("/ping")]
                Task<string> PingAsync();

                Task<string> StatusAsync();
            }
            """);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("Api.cs(12,18): warning ACG0001", build.Output);
        var diagnostic = Assert.Single(build.Diagnostics, d => d.Id == "ACG0001");
        Assert.Equal(("warning", 12, false), (diagnostic.Level, diagnostic.Line, diagnostic.IsSuppressedInSource));
    }

    [Fact]
    public async Task APragmaAroundABaseInterfaceMemberSuppressesTheErrorWithoutEditorConfig()
    {
        var build = await BuildAsync(editorConfig: null, """
            using System.Threading.Tasks;
            using Auth0ClientGen;

            namespace Probe;

            public interface IPingable
            {
                [Get("/ping")]
                Task<string> PingAsync();

            #pragma warning disable ACG0001
                Task<string> StatusAsync();
            #pragma warning restore ACG0001
            }

            [Auth0Api]
            public interface IProbeApi : IPingable
            {
            }
            """);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("ACG0001", build.Output);
        var diagnostic = Assert.Single(build.Diagnostics, d => d.Id == "ACG0001");
        Assert.Equal(("error", 12, true), (diagnostic.Level, diagnostic.Line, diagnostic.IsSuppressedInSource));
    }

    private static async Task<BuildResult> BuildAsync(string? editorConfig, string source)
    {
        var directory = Directory.CreateTempSubdirectory("acg-suppression-");
        try
        {
            WriteProject(directory.FullName, editorConfig, source);
            var (exitCode, output) = await RunDotnetBuildAsync(directory.FullName);
            var sarif = Path.Combine(directory.FullName, "diagnostics.sarif");
            Assert.True(File.Exists(sarif), "The compiler wrote no SARIF log:\n" + output);
            return new BuildResult(exitCode, output, ReadDiagnostics(sarif));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void WriteProject(string directory, string? editorConfig, string source)
    {
        // The built runtime and generator, by path: the probe needs no package, so it restores offline.
        var runtime = typeof(Auth0ApiAttribute).Assembly.Location;
        var generator = typeof(Auth0ApiGenerator).Assembly.Location;
        File.WriteAllText(Path.Combine(directory, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ErrorLog>$(MSBuildProjectDirectory)/diagnostics.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{runtime}" />
                <Analyzer Include="{generator}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), """
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Api.cs"), source);
        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunDotnetBuildAsync(string directory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No build servers or reused nodes, so nothing outlives the test; no Directory.*.props from the temp
        // directory's parents.
        foreach (var argument in new[]
        {
            "build", "Probe.csproj", "--disable-build-servers", "-nodeReuse:false", "-nologo",
            "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
            "-p:ImportDirectoryPackagesProps=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside an MSBuild invocation whose settings would leak into the child build.
        var inherited = start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase));
        foreach (var name in inherited.ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish within three minutes.");
        }

        return (process.ExitCode, await standardOutput + await standardError);
    }

    private static List<ReportedDiagnostic> ReadDiagnostics(string sarifPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var diagnostics = new List<ReportedDiagnostic>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                var suppressedInSource = result.TryGetProperty("suppressions", out var suppressions)
                    && suppressions.EnumerateArray().Any(s => s.GetProperty("kind").GetString() == "inSource");
                diagnostics.Add(new ReportedDiagnostic(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    region.GetProperty("startLine").GetInt32(),
                    suppressedInSource));
            }
        }

        return diagnostics;
    }

    private sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<ReportedDiagnostic> Diagnostics);

    private sealed record ReportedDiagnostic(string Id, string Level, int Line, bool IsSuppressedInSource);
}
