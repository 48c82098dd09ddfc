using Auth0ClientGen.Generator.Helpers;

namespace Auth0ClientGen.Generator.Model;

/// <summary>Everything the emitter needs to write the client for one <c>[Auth0Api]</c> interface.</summary>
/// <param name="Namespace">The interface's namespace, or an empty string for the global namespace.</param>
/// <param name="InterfaceMetadataName">The interface's unique metadata name, such as <c>Shop.Outer+IOrdersApi</c>.</param>
/// <param name="InterfaceTypeName">The interface as written in generated code, with <c>global::</c>.</param>
/// <param name="InterfaceDisplayName">The interface as shown to people, such as <c>Shop.IOrdersApi</c>.</param>
/// <param name="ClientName">The generated class's name, such as <c>OrdersApiClient</c>.</param>
/// <param name="IsPublic">Whether the interface is visible outside its assembly.</param>
/// <param name="Audience">The declared audience, or null.</param>
/// <param name="BaseUrl">The declared base address, or null.</param>
/// <param name="GeneratorVersion">Written into the GeneratedCode attribute.</param>
/// <param name="JsonContextTypeName">The declared JsonSerializerContext, fully qualified, or null for the default options.</param>
/// <param name="EnumFormatters">Enums whose members are written by their serialized names.</param>
internal sealed record ApiModel(
    string Namespace,
    string InterfaceMetadataName,
    string InterfaceTypeName,
    string InterfaceDisplayName,
    string ClientName,
    bool IsPublic,
    string? Audience,
    string? BaseUrl,
    string GeneratorVersion,
    EquatableArray<MethodModel> Methods,
    string? JsonContextTypeName,
    EquatableArray<EnumFormatter> EnumFormatters)
{
    /// <summary>The options JSON bodies and responses use: the declared context's, or the runtime's defaults.</summary>
    public string JsonOptions => JsonContextTypeName is null
        ? KnownTypeNames.GlobalHelpers + ".DefaultJsonOptions"
        : JsonContextTypeName + ".Default.Options";

    /// <summary>The client's namespace-qualified name as C# spells it; two clients must never share it.</summary>
    public string ClientFullName => Namespace.Length == 0 ? ClientName : Namespace + "." + ClientName;
}

/// <summary>An enum whose values go on the wire by the names [JsonStringEnumMemberName] or [EnumMember] give.</summary>
/// <param name="EnumTypeName">The enum, fully qualified.</param>
/// <param name="Members">Each member's C# name and its name on the wire.</param>
internal sealed record EnumFormatter(string EnumTypeName, EquatableArray<EnumMemberName> Members);

/// <summary>One enum member and its name on the wire.</summary>
internal sealed record EnumMemberName(string Member, string WireName);
