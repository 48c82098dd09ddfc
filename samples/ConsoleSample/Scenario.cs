using System;
using System.Threading.Tasks;

namespace ConsoleSample;

/// <summary>Runs named steps, prints how each went, and counts the failures.</summary>
internal sealed class Scenario
{
    public int Failures { get; private set; }

    public async Task Step(string name, Func<Task<string>> action)
    {
        Console.WriteLine($"{name}:");
        try
        {
            var result = await action();
            Console.WriteLine($"  ok: {result}");
        }
        catch (Exception exception)
        {
            // Library exceptions never carry tokens or secrets, so their messages are safe to print.
            Failures++;
            Console.WriteLine($"  FAILED: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
