using System.Linq;
using System.Net.Http;

namespace Auth0ClientGen.Internal;

/// <summary>Tells whether a request body can be sent a second time, for a retry or a followed redirect.</summary>
internal static class ReplayableContent
{
    /// <summary>
    /// True for no body, bytes in memory (JSON, text, forms), or multipart made only of those. A stream or an
    /// unknown HttpContent may already be consumed, so it is never sent twice.
    /// </summary>
    public static bool CanSendAgain(HttpContent? content) => content switch
    {
        null or ByteArrayContent => true,
        MultipartContent parts => parts.All(CanSendAgain),
        _ => false,
    };
}
