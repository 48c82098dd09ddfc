using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Asserts that no secret reached an exception or a captured log record.</summary>
internal static class SecretFreeText
{
    /// <summary>
    /// Fails when any of <paramref name="secrets"/> appears in <paramref name="exception"/> (message, inner
    /// exceptions, stack) or in a record's message, exception or structured state.
    /// </summary>
    public static void AssertNoSecret(
        Exception? exception,
        IEnumerable<FakeLogRecord> records,
        params IEnumerable<string> secrets)
    {
        var texts = records
            .Select(record => string.Join(
                "\n",
                new[] { record.Message, record.Exception?.ToString() }
                    .Concat(record.StructuredState?.Select(pair => pair.Value) ?? [])))
            .Append(exception?.ToString() ?? string.Empty)
            .ToList();
        foreach (var secret in secrets.Where(secret => !string.IsNullOrEmpty(secret)))
        {
            foreach (var text in texts)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
