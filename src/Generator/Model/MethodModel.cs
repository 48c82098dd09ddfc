using System.Linq;
using Auth0ClientGen.Generator.Helpers;

namespace Auth0ClientGen.Generator.Model;

/// <summary>One interface method, ready to emit.</summary>
/// <param name="DeclaringInterfaceTypeName">The interface that declares the method, used for the explicit implementation.</param>
/// <param name="Name">The method's name, escaped if it is a keyword.</param>
/// <param name="TypeParameterList">"&lt;T&gt;" for a generic method, else empty; constraints are inherited.</param>
/// <param name="ConstraintClauses">The where-clauses an explicit implementation of a generic method restates.</param>
/// <param name="ReturnTypeName">The declared return type, fully qualified, after "ref " for a by-reference return.</param>
/// <param name="ReturnKind">How the response is turned into the return value.</param>
/// <param name="ResultTypeName">The <c>T</c> of <c>Task&lt;T&gt;</c>, fully qualified, or null.</param>
/// <param name="ResultAllowsNull">
/// Whether <c>T</c> may be null (a nullable reference type, a reference type in a nullable-oblivious context,
/// or <c>Nullable&lt;T&gt;</c>), so an empty body or a JSON null can be returned as null instead of failing.
/// </param>
/// <param name="HttpMethod">The HttpMethod property name: Get, Post, Put, Patch or Delete.</param>
/// <param name="SendsAccessToken">False for <c>[AllowAnonymous]</c> methods, which send no token.</param>
/// <param name="Scope">The scopes from <c>[Scopes]</c> on the interfaces and the method, sorted and space-separated, or null.</param>
/// <param name="Route">The route template, split into literal text and placeholders.</param>
/// <param name="Parameters">Every parameter, in declaration order.</param>
/// <param name="IsMultipart">Whether the method sends <c>multipart/form-data</c>.</param>
/// <param name="MultipartBoundary">The declared boundary, or null for a random one per request.</param>
/// <param name="StaticHeaders">Headers from <c>[Headers]</c> on the interfaces and the method, merged.</param>
/// <param name="UnsupportedReason">
/// Null for a method the emitter can implement. Otherwise the diagnostic id that was reported for it: the
/// emitter then writes a body that throws, so the only build error the user sees is that diagnostic.
/// </param>
internal sealed record MethodModel(
    string DeclaringInterfaceTypeName,
    string Name,
    string TypeParameterList,
    string ConstraintClauses,
    string ReturnTypeName,
    ReturnKind ReturnKind,
    string? ResultTypeName,
    bool ResultAllowsNull,
    string HttpMethod,
    bool SendsAccessToken,
    string? Scope,
    EquatableArray<RouteSegment> Route,
    EquatableArray<ParameterModel> Parameters,
    bool IsMultipart,
    string? MultipartBoundary,
    EquatableArray<StaticHeader> StaticHeaders,
    string? UnsupportedReason)
{
    /// <summary>The names of the method's type parameters, which generated locals must not reuse.</summary>
    public System.Collections.Generic.IEnumerable<string> TypeParameterNames
        => TypeParameterList.Trim('<', '>').Split([','], System.StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.Trim().TrimStart('@'));
}

/// <summary>How a method's response becomes its return value, whether it returns a Task or a ValueTask.</summary>
internal enum ReturnKind
{
    /// <summary><c>Task</c>: the body is ignored.</summary>
    None,

    /// <summary><c>Task&lt;T&gt;</c>: the body is read as JSON.</summary>
    Json,

    /// <summary><c>Task&lt;string&gt;</c>: the body is read as text.</summary>
    String,

    /// <summary><c>Task&lt;HttpResponseMessage&gt;</c>: the response is handed to the caller, who disposes it.</summary>
    ResponseMessage,

    /// <summary><c>Task&lt;Stream&gt;</c>: the body, streamed; disposing the stream disposes the response.</summary>
    Stream,

    /// <summary>
    /// <c>Task&lt;ApiResponse&lt;T&gt;&gt;</c>: the status and headers, with the body read as JSON, or the error
    /// instead of an exception.
    /// </summary>
    ApiResponse,

    /// <summary><c>Task&lt;ApiResponse&lt;string&gt;&gt;</c>: as <see cref="ApiResponse"/>, with the body read as text.</summary>
    ApiResponseString,

    /// <summary>
    /// <c>IAsyncEnumerable&lt;T&gt;</c>: a JSON array read element by element. The method is an async iterator,
    /// and <see cref="MethodModel.ResultTypeName"/> is the element type.
    /// </summary>
    AsyncEnumerable,
}

/// <summary>A piece of a route template: literal text, or a placeholder filled from a parameter.</summary>
/// <param name="Text">The literal text, or the placeholder's name without braces.</param>
/// <param name="ParameterIndex">For a placeholder, the index of the parameter that fills it; -1 for literal text.</param>
/// <param name="Value">For a placeholder, the value that fills it.</param>
/// <param name="IsCatchAll">For <c>{**path}</c>: slashes in the value are kept, each segment escaped.</param>
internal sealed record RouteSegment(string Text, int ParameterIndex, ValueSource? Value = null, bool IsCatchAll = false)
{
    public bool IsLiteral => ParameterIndex < 0;
}

/// <summary>A fixed header from <c>[Headers]</c>, sent with every request of the method.</summary>
internal sealed record StaticHeader(string Name, string Value);
