using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Auth0ClientGen.Packaging.Tests;

/// <summary>What a child process printed and how it ended.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
internal sealed record CommandResult(int ExitCode, string Output);

/// <summary>Runs the .NET CLI, or a program the CLI built, as a child process with a clean environment.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs <c>dotnet</c> with the arguments, adding the flags that keep build servers from outliving it.</summary>
    public static Task<CommandResult> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // No build server or reused node may outlive the test; MSBuild's own flags follow the verb.
        var all = arguments.Concat(["--disable-build-servers", "-nodeReuse:false", "-nologo"]);
        return RunProgramAsync(DotnetPath, workingDirectory, all, environment);
    }

    /// <summary>Runs a program and collects its output; fails the test if it runs past the timeout.</summary>
    public static async Task<CommandResult> RunProgramAsync(
        string program,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
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
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program} {string.Join(' ', start.ArgumentList)}' ran past {Timeout}:\n{output}");
        }

        // WaitForExitAsync returns after the output streams close, so the output is complete here.
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    private static string DotnetPath => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
