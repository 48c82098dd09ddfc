using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Auth0ClientGen.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet's command line (<c>--filter</c>, <c>--job</c> and the rest), plus two
/// shorthands: <c>--quick</c>, a run of every benchmark in under three minutes, build included, whose numbers are rough, and
/// <c>--smoke</c>, which only checks that every benchmark still runs and measures nothing worth reading.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        string[] shorthand = args.Contains("--smoke")
            ? ["--job", "Dry", "--inProcess"]
            : args.Contains("--quick")
                ? ["--inProcess", "--warmupCount", "1", "--iterationCount", "3", "--iterationTime", "25"]
                : [];
        var rest = args.Where(arg => arg is not "--smoke" and not "--quick").ToList();
        if (!rest.Contains("--filter"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. shorthand, .. rest]);

        // A benchmark whose setup threw (a contender sent a different request, a burst made two token requests)
        // has no result; say so in the exit code, so a smoke run can fail.
        if (summaries.Any(summary => summary.HasCriticalValidationErrors
            || summary.Reports.Any(report => !report.Success)))
        {
            Environment.ExitCode = 1;
        }
    }
}
