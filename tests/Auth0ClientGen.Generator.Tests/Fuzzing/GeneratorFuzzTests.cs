using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Auth0ClientGen.Generator.Tests.Fuzzing;

/// <summary>
/// Thousands of hostile declarations derived from the parity corpus. The generator must never throw, and each case
/// must compile cleanly, carry an ACG diagnostic, or be broken by the user's own code with nothing added by the
/// generated client. See "Generator fuzzing" in docs/reliability.md for the switches that run more cases.
/// </summary>
public class GeneratorFuzzTests(ITestOutputHelper output)
{
    /// <summary>How many cases CI runs: enough to hit every mutation many times, in well under a minute.</summary>
    public const int DefaultCases = 2_000;

    /// <summary>The seed CI runs with, so a failure there fails the same way on every machine.</summary>
    public const int DefaultSeed = 20_260_412;

    [Fact]
    public void The_unmutated_corpus_compiles_cleanly_through_the_fuzz_harness()
    {
        var corpus = FuzzCorpus.Instance;
        var fuzzer = new GeneratorFuzzer(corpus);
        Assert.Empty(fuzzer.ModelErrors);

        // The control: with no mutation, all corpus methods in one interface build without a single diagnostic.
        var source = DeclarationMutator.WriteUnmutatedSource(corpus, corpus.Declarations);
        var result = fuzzer.Run(new FuzzCase(-1, source, []));

        Assert.True(result.Outcome == FuzzOutcome.Clean, $"{result.Outcome}: {result.Detail}");
    }

    [Fact]
    public void Mutated_declarations_never_crash_the_generator_nor_build_a_broken_client_silently()
    {
        var cases = ReadSetting("ACG_FUZZ_CASES", DefaultCases);
        var seed = ReadSetting("ACG_FUZZ_SEED", DefaultSeed);
        var only = ReadSetting("ACG_FUZZ_CASE", -1);
        var corpus = FuzzCorpus.Instance;
        var fuzzer = new GeneratorFuzzer(corpus);
        var results = new ConcurrentBag<FuzzResult>();

        Parallel.For(
            only < 0 ? 0 : only,
            only < 0 ? cases : only + 1,
            index => results.Add(fuzzer.Run(DeclarationMutator.CreateCase(corpus, seed, index))));

        var byOutcome = results.GroupBy(result => result.Outcome).ToDictionary(group => group.Key, group => group.Count());
        output.WriteLine($"Seed {seed}, {results.Count} cases: "
            + string.Join(", ", Enum.GetValues<FuzzOutcome>().Select(o => $"{o} {byOutcome.GetValueOrDefault(o)}")));
        var failures = results.Where(result => result.Failed).OrderBy(result => result.Case.Index).ToList();
        foreach (var failure in failures.Take(50))
        {
            output.WriteLine($"=== {failure.Case}: {failure.Detail.Split(Environment.NewLine)[0]}");
        }

        foreach (var failure in failures.Take(3))
        {
            output.WriteLine($"--- {failure.Case}: {failure.Outcome}{Environment.NewLine}{failure.Detail}");
            output.WriteLine(failure.Case.Source);
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {results.Count} cases failed (seed {seed}); rerun one with ACG_FUZZ_SEED={seed}"
            + $" ACG_FUZZ_CASE=<index>. First: {string.Join("; ", failures.Take(10).Select(f => $"{f.Case} {f.Outcome}"))}");

        // A fuzzer whose cases all land in one bucket tests little: each kind of outcome must be common.
        if (only < 0)
        {
            Assert.All(
                new[] { FuzzOutcome.Clean, FuzzOutcome.Reported, FuzzOutcome.BrokenInput },
                outcome => Assert.True(byOutcome.GetValueOrDefault(outcome) >= cases / 20, $"Too few {outcome} cases."));
        }
    }

    private static int ReadSetting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
