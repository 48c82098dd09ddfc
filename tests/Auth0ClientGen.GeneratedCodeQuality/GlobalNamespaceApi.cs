using System.Threading.Tasks;
using Auth0ClientGen;

/// <summary>An interface in the global namespace, whose client is written without a namespace.</summary>
[Auth0Api]
internal interface IGlobalPingApi
{
    [Get("/ping")]
    Task<string> PingAsync();
}
