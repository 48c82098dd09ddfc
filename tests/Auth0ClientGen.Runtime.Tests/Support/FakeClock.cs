using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ClientGen.Runtime.Tests.Support;

/// <summary>Helpers for code whose delays run on a <see cref="FakeTimeProvider"/>.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Runs <paramref name="task"/> to completion while moving the fake clock on, so its delays elapse. The loop
    /// is bounded: a task that never completes fails the test instead of hanging it.
    /// </summary>
    public static async Task<T> RunOnClock<T>(this FakeTimeProvider time, Task<T> task)
    {
        for (var step = 0; step < 2000 && !task.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(task, Task.Delay(5));
        }

        Assert.True(task.IsCompleted, "The task did not complete while the fake clock ran for 500 s.");
        return await task;
    }

    /// <summary>Waits, a bounded number of short steps, until <paramref name="condition"/> holds.</summary>
    public static async Task WaitFor(Func<bool> condition)
    {
        for (var step = 0; step < 1000 && !condition(); step++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
