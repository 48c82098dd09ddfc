#nullable disable

using System.Collections.Generic;
using System.Threading.Tasks;

namespace Auth0ClientGen.EndToEnd.Tests;

/// <summary>Declared without nullable annotations, as code from before C# 8 is: every reference may be null.</summary>
[Auth0Api(BaseUrl = "https://ledger.example")]
public interface IObliviousLedgerApi
{
    [Get("/entries/{id}")]
    Task<LedgerEntry> FindAsync(string id, string memo, [Header("X-Tag")] string tag);

    [Get("/entries/stream")]
    IAsyncEnumerable<LedgerEntry> StreamAsync();
}
