using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: once shipped, an id keeps its meaning.
/// docs/diagnostics.md explains each one and how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Auth0ClientGen";

    public static readonly DiagnosticDescriptor MissingHttpMethod = Error(
        "ACG0001",
        "Method has no HTTP method attribute",
        "Method '{0}' has no HTTP method attribute; add [Get], [Post], [Put], [Patch], [Delete], [Head] or [Options] with a route template",
        "Every method of an [Auth0Api] interface becomes an HTTP call, so each needs a verb attribute.");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "ACG0002",
        "Return type is not supported",
        "Method '{0}' returns '{1}'; use Task, ValueTask, Task<T>, ValueTask<T>, Task<ApiResponse<T>>, ValueTask<ApiResponse<T>>, Task<string>, Task<Stream>, Task<HttpResponseMessage> or IAsyncEnumerable<T>",
        "Generated calls are asynchronous and return one of the supported task types.");

    public static readonly DiagnosticDescriptor UnmatchedPlaceholder = Error(
        "ACG0003",
        "Route placeholder has no matching parameter",
        "The route placeholder '{{{0}}}' of method '{1}' matches no parameter; correct the placeholder's spelling, rename the parameter it is meant for, or mark that parameter with [AliasAs(\"{0}\")]",
        "Each placeholder in a route template is filled from the parameter of the same name, compared case-insensitively.");

    public static readonly DiagnosticDescriptor MalformedRoute = Error(
        "ACG0004",
        "Route template is malformed",
        "The route template \"{0}\" of method '{1}' is malformed: {2}",
        "A route template starts with '/', and each placeholder is a name in braces, such as /orders/{id}.");

    public static readonly DiagnosticDescriptor MultipleBodies = Error(
        "ACG0005",
        "More than one body parameter",
        "Method '{0}' has more than one [Body] parameter; a request has a single body, so combine them into one type",
        "Only one parameter can be sent as the request body.");

    public static readonly DiagnosticDescriptor UnbindableParameter = Error(
        "ACG0006",
        "Parameter cannot be sent",
        "Parameter '{0}' of method '{1}' has type '{2}', which cannot be sent in the {3}; use a string, number, bool, enum, Guid or date, or send it with [Body]",
        "Route values, query values and headers are text, so only simple types can go there.");

    public static readonly DiagnosticDescriptor GenericNotSupported = Error(
        "ACG0007",
        "Generic interfaces are not supported",
        "'{0}' has type parameters, which the generator cannot implement; declare a non-generic {1} that inherits it with type arguments",
        "Generated clients are concrete classes, so the [Auth0Api] interface cannot be generic; generic methods are fine.");

    public static readonly DiagnosticDescriptor InaccessibleInterface = Error(
        "ACG0008",
        "Interface is not accessible to the generated client",
        "Interface '{0}' is private or protected, so a generated class cannot implement it; make it public or internal",
        "The generated client is a top-level class in the interface's namespace, so it must be able to see the interface.");

    public static readonly DiagnosticDescriptor ByReferenceParameter = Error(
        "ACG0009",
        "Parameter cannot be passed to an asynchronous call",
        "Parameter '{0}' of method '{1}' is a ref, out or in parameter, a pointer or a ref struct, which an asynchronous HTTP call cannot use; pass it by value",
        "Generated methods are async, and async methods cannot take parameters by reference.");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "ACG0010",
        "Interface member cannot be implemented",
        "'{0}' is a {1}; an [Auth0Api] interface may only declare methods, so move it to another interface or give it a default implementation",
        "The generator only knows how to turn methods into HTTP calls.");

    public static readonly DiagnosticDescriptor MultipleHttpMethods = Error(
        "ACG0011",
        "More than one HTTP method attribute",
        "Method '{0}' has more than one HTTP method attribute; keep exactly one of [Get], [Post], [Put], [Patch], [Delete], [Head] or [Options]",
        "A method sends one request, with one verb.");

    public static readonly DiagnosticDescriptor ConflictingParameterAttributes = Error(
        "ACG0012",
        "Parameter has conflicting attributes",
        "Parameter '{0}' of method '{1}' is marked with more than one of [Body], [Query] and [Header]; keep one",
        "A value goes to exactly one part of the request.");

    public static readonly DiagnosticDescriptor InvalidHeaderName = Error(
        "ACG0013",
        "Header name is not valid",
        "The header name \"{0}\" on parameter '{1}' is not a valid HTTP header name; use letters, digits and '-', such as X-Request-Id",
        "Header names are HTTP tokens: no spaces, colons or control characters.");

    public static readonly DiagnosticDescriptor InvalidBaseUrl = Error(
        "ACG0014",
        "BaseUrl is not an absolute http or https address",
        "BaseUrl \"{0}\" on '{1}' is not an absolute http or https address; use a value such as https://api.example.com",
        "The declared base address is used as the start of every request address.");

    public static readonly DiagnosticDescriptor ClientNameTaken = Error(
        "ACG0015",
        "Generated client name is already used",
        "The generated client for '{0}' would be named '{1}', but a type or namespace with that name already exists, or another [Auth0Api] interface gets the same client name; rename one of them",
        "The client class is named after the interface, without a leading 'I' and with 'Client' appended.");

    public static readonly DiagnosticDescriptor MultipleCancellationTokens = Error(
        "ACG0016",
        "More than one CancellationToken parameter",
        "Method '{0}' has more than one CancellationToken parameter; keep one, which cancels the call",
        "The call is cancelled through a single token.");

    public static readonly DiagnosticDescriptor InvalidAliasOrQueryName = Error(
        "ACG0017",
        "Name is empty",
        "The name given to parameter '{0}' of method '{1}' is empty; give [AliasAs] or [Header] a non-empty name",
        "An empty name would send an empty query key or header.");

    public static readonly DiagnosticDescriptor AmbiguousPlaceholder = Error(
        "ACG0018",
        "Route placeholder matches more than one parameter or property",
        "The route placeholder '{{{0}}}' of method '{1}' matches {2}, whose names differ only in case; {3}",
        "Placeholders match parameter and property names case-insensitively, so each placeholder must match exactly one of them.");

    public static readonly DiagnosticDescriptor PartialClientConflict = Error(
        "ACG0019",
        "Partial client class conflicts with the generated part",
        "The partial class '{0}' cannot be combined with the generated client: {1}",
        "A partial class may extend the generated client with members of its own, but must not redeclare what the generator writes.");

    public static readonly DiagnosticDescriptor IndistinguishableMethods = Error(
        "ACG0020",
        "Inherited methods cannot be told apart",
        "'{0}' has the same signature as another method of the same interface once its type arguments are filled in, so the client cannot implement both; rename one of them",
        "Each method of a generic base interface must keep a distinct signature for the type arguments the [Auth0Api] interface uses.");

    public static readonly DiagnosticDescriptor ReservedHeader = Error(
        "ACG0021",
        "Header cannot be set from a parameter",
        "The header \"{0}\" on parameter '{1}' cannot be set from a parameter: {2}",
        "Some headers are written by the client or belong to the request body, so a parameter value would be lost or conflict.");

    public static readonly DiagnosticDescriptor MalformedStaticHeader = Error(
        "ACG0022",
        "[Headers] value is malformed",
        "The header \"{0}\" in [Headers] cannot be sent: {1}",
        "Each [Headers] entry is written \"Name: value\"; a name alone removes a header set by the interface.");

    public static readonly DiagnosticDescriptor UnknownPlaceholderProperty = Error(
        "ACG0023",
        "Route placeholder names a property that does not exist",
        "The route placeholder '{{{0}}}' of method '{1}' names property '{3}', which '{2}' does not have as a public readable property; correct the name",
        "A placeholder such as {order.Id} reads a public property of the parameter.");

    public static readonly DiagnosticDescriptor BodyWithoutPayloadSemantics = Error(
        "ACG0024",
        "Body on a GET or HEAD request",
        "Method '{0}' sends a [Body] with {1}, whose body has no meaning and may be dropped on the way; use [Post], [Put] or [Patch], or send the value in the query string",
        "HTTP gives a GET or HEAD body no meaning, so servers and proxies may ignore or reject it.");

    public static readonly DiagnosticDescriptor InvalidScope = Error(
        "ACG0025",
        "Scope is not valid",
        "The scope \"{0}\" in [Scopes] is empty or contains a space, a quote, a backslash or a control character; give each scope as its own argument, such as [Scopes(\"read:users\", \"update:users\")]",
        "OAuth separates scopes with spaces, so a scope itself can hold none (RFC 6749, section 3.3).");

    public static readonly DiagnosticDescriptor InvalidJsonContext = Error(
        "ACG0026",
        "JsonContext is not a JsonSerializerContext",
        "JsonContext '{0}' on '{1}' does not derive from System.Text.Json.Serialization.JsonSerializerContext; declare a partial class deriving from it with [JsonSerializable] for each type",
        "The client serializes through the context's options, which only a source-generated JsonSerializerContext provides.");

    public static readonly DiagnosticDescriptor TypeMissingFromJsonContext = Error(
        "ACG0027",
        "Type is missing from the JsonSerializerContext",
        "'{0}' is read or written as JSON, but '{1}' has no [JsonSerializable(typeof({0}))]; add it, so the client never falls back to reflection",
        "With a declared context, every JSON type must be listed on it; otherwise serialization would fail at run time under Native AOT.");

    public static readonly DiagnosticDescriptor InaccessibleJsonContext = Error(
        "ACG0028",
        "JsonContext is not accessible to the generated client",
        "JsonContext '{0}' is private, protected or file-local, so the generated client cannot use it; make it and every type it is nested in public or internal",
        "The generated client is a top-level class in its own file and reads the context's Default instance.");

    public static readonly DiagnosticDescriptor ReabstractedMethodWithoutHttpMethod = Error(
        "ACG0029",
        "Re-abstracted method cannot be generated",
        "'{0}' re-abstracts '{1}', so the client must implement it as an HTTP call from the attributes of '{1}', but {2}",
        "A re-abstraction hides the base method's default implementation, and the client builds the call from the base method's declaration.");

    public static readonly DiagnosticDescriptor CancellationTokenMarkedAsValue = Error(
        "ACG0030",
        "CancellationToken parameter is marked to be sent",
        "Parameter '{0}' of method '{1}' is a CancellationToken, which cancels the call and is never sent, but it is marked with [{2}]; remove the attribute, or send the value in a parameter of another type",
        "A CancellationToken only cancels the call, so an attribute that would send it in the request is never honoured.");

    public static readonly DiagnosticDescriptor JsonContextWithoutWebNaming = Warning(
        "ACG0031",
        "JsonContext matches JSON property names as written",
        "JsonContext '{0}' sets no naming policy, so JSON property names will be matched as written (PascalCase, case-sensitive), unlike the default JSON settings, and a field such as \"message\" would be left unset without an error; add [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)] to the context, or suppress this warning if the API really uses PascalCase names",
        "Without a JsonContext the client uses System.Text.Json's web defaults. A context declared without them reads and writes property names exactly as the C# properties spell them.");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description)
        => Create(id, title, message, description, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description)
        => Create(id, title, message, description, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string message,
        string description,
        DiagnosticSeverity severity)
        => new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            description: description + " See docs/diagnostics.md#" + id.ToLowerInvariant() + " for the fix.");
}
