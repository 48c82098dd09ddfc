using System;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

// The corpus interfaces are compiled in memory against this assembly, so both clients send and receive these
// very types and the tests can build arguments for them directly.

/// <summary>An enum sent as a query value, a route value and a JSON property.</summary>
public enum Shade
{
    Red,
    DarkBlue,
}

/// <summary>A JSON body and result with the value kinds whose serialization settings commonly differ.</summary>
public sealed record Widget(int Id, string Name, decimal Price, DateTimeOffset Created, string? Note);

/// <summary>A JSON body that carries an enum, kept apart so the body tests show which setting differs.</summary>
public sealed record Swatch(string Name, Shade Shade);
