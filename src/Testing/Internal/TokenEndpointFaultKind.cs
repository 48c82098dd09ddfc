namespace Auth0ClientGen.Testing.Internal;

/// <summary>What a <see cref="TokenEndpointFault"/> does.</summary>
internal enum TokenEndpointFaultKind
{
    Delay,
    Error,
    RateLimited,
    Html,
    TruncatedJson,
    MalformedJson,
    MissingAccessToken,
    MissingExpiresIn,
    TokenType,
    Abort,
}
