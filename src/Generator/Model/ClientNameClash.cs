namespace Auth0ClientGen.Generator.Model;

/// <summary>An interface whose client would have the same full name as another interface's client.</summary>
/// <param name="ClientFullName">The client name both would get.</param>
/// <param name="InterfaceMetadataName">One of the interfaces, to find its location when reporting.</param>
/// <param name="InterfaceDisplayName">The interface as shown in the diagnostic.</param>
/// <param name="ClientName">The client's simple name, shown in the diagnostic.</param>
internal sealed record ClientNameClash(
    string ClientFullName,
    string InterfaceMetadataName,
    string InterfaceDisplayName,
    string ClientName);
