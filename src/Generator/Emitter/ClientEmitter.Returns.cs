using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;

namespace Auth0ClientGen.Generator.Emitter;

internal static partial class ClientEmitter
{
    /// <summary>
    /// What goes before a parameter's type in the signature. An async iterator's cancellation token is marked
    /// [EnumeratorCancellation], so a token passed to WithCancellation cancels the call as well as the argument does.
    /// </summary>
    private static string ParameterPrefix(MethodModel method, ParameterModel parameter)
        => method.ReturnKind == ReturnKind.AsyncEnumerable
            && method.UnsupportedReason is null
            && parameter.Binding == ParameterBinding.CancellationToken
                ? $"[{KnownTypeNames.GlobalEnumeratorCancellationAttribute}] "
                : string.Empty;

    /// <summary>The explicit implementation's signature, from the return type to the constraints.</summary>
    private readonly struct MethodSignature(MethodModel method) : ISourceFragment
    {
        public void WriteTo(SourceWriter writer)
        {
            writer.Write($"{method.ReturnTypeName} {method.DeclaringInterfaceTypeName}.{method.Name}{method.TypeParameterList}(");
            for (var i = 0; i < method.Parameters.Count; i++)
            {
                var parameter = method.Parameters[i];
                if (i != 0)
                {
                    writer.Write(", ");
                }

                writer.Write($"{ParameterPrefix(method, parameter)}{parameter.RefKindPrefix}{parameter.TypeName} {parameter.Name}");
            }

            writer.Write($"){method.ConstraintClauses}");
        }

        public override string ToString() => SourceWriter.Render(this);
    }

    /// <summary>The method's CancellationToken parameter, or null when it has none.</summary>
    private static ParameterModel? CancellationTokenParameter(MethodModel method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Binding == ParameterBinding.CancellationToken)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// An iterator without a token parameter of its own has nowhere to receive WithCancellation's token, so
    /// its body goes into a local async iterator that takes one.
    /// </summary>
    private static bool NeedsLocalIterator(MethodModel method)
        => method.ReturnKind == ReturnKind.AsyncEnumerable && CancellationTokenParameter(method) is null;

    /// <summary>Opens the method's body; returns the cancellation token the body uses.</summary>
    private static string WriteMethodOpening(
        SourceWriter writer,
        MethodModel method,
        MethodSignature signature,
        LocalNames locals,
        string cancellationToken)
    {
        if (!NeedsLocalIterator(method))
        {
            writer.WriteLine($"async {signature}");
            writer.OpenBlock();
            return cancellationToken;
        }

        var iterator = locals.Reserve("EnumerateAsync");
        var enumeratorCancellation = locals.Reserve("cancellationToken");
        writer.WriteLine($"{signature}");
        writer.OpenBlock();
        writer.WriteLine($"return {iterator}(default);");
        writer.WriteLine();
        writer.WriteLine($"async {method.ReturnTypeName} {iterator}(");
        using (writer.Indent())
        {
            writer.WriteLine(
                $"[{KnownTypeNames.GlobalEnumeratorCancellationAttribute}] {KnownTypeNames.GlobalCancellationToken} {enumeratorCancellation})");
        }

        writer.OpenBlock();
        return enumeratorCancellation;
    }

    /// <summary>Closes what <see cref="WriteMethodOpening"/> opened.</summary>
    private static void WriteMethodClosing(SourceWriter writer, MethodModel method)
    {
        if (NeedsLocalIterator(method))
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>Writes the send and what turns its response into the method's return value.</summary>
    private static void WriteResponseHandling(
        SourceWriter writer,
        MethodModel method,
        LocalNames locals,
        SendCall send,
        string response,
        string cancellationToken,
        string jsonOptions)
    {
        switch (method.ReturnKind)
        {
            case ReturnKind.None:
                writer.WriteLine($"using var {response} = {send};");
                break;
            case ReturnKind.ResponseMessage:
                // The caller owns the response and disposes it.
                writer.WriteLine($"return {send};");
                break;
            case ReturnKind.Stream:
                // The stream owns the response, so the caller's disposing of the stream releases the connection.
                writer.WriteLine($"var {response} = {send};");
                writer.WriteLine($"return await {KnownTypeNames.GlobalHelpers}.ReadStreamAsync({response}, {cancellationToken}).ConfigureAwait(false);");
                break;
            case ReturnKind.String:
                writer.WriteLine($"using var {response} = {send};");
                writer.WriteLine($"return await {KnownTypeNames.GlobalHelpers}.ReadStringAsync({response}, {cancellationToken}).ConfigureAwait(false);");
                break;
            case ReturnKind.Json:
                writer.WriteLine($"using var {response} = {send};");
                writer.WriteLine($"return await {KnownTypeNames.GlobalHelpers}.ReadJsonAsync<{method.ResultTypeName}>(");
                using (writer.Indent())
                {
                    writer.WriteLine($"{response}, {jsonOptions}, {AllowNull(method)}, {cancellationToken}).ConfigureAwait(false);");
                }

                break;
            case ReturnKind.ApiResponse:
            case ReturnKind.ApiResponseString:
                // A failed status becomes ApiResponse.Error instead of an exception; the ApiResponse owns the response.
                writer.WriteLine($"var {response} = {send};");
                if (method.ReturnKind == ReturnKind.ApiResponseString)
                {
                    writer.WriteLine($"return await {KnownTypeNames.GlobalHelpers}.ReadTextApiResponseAsync({response}, {cancellationToken}).ConfigureAwait(false);");
                    break;
                }

                writer.WriteLine($"return await {KnownTypeNames.GlobalHelpers}.ReadApiResponseAsync<{method.ResultTypeName}>(");
                using (writer.Indent())
                {
                    writer.WriteLine($"{response}, {jsonOptions}, {cancellationToken}).ConfigureAwait(false);");
                }

                break;
            case ReturnKind.AsyncEnumerable:
                // Disposing the iterator, when the loop ends or the caller stops early, disposes the response.
                var item = locals.Reserve("item");
                writer.WriteLine($"using var {response} = {send};");
                writer.WriteLine($"await foreach (var {item} in {KnownTypeNames.GlobalHelpers}.ReadJsonArrayAsync<{method.ResultTypeName}>(");
                using (writer.Indent())
                {
                    writer.WriteLine($"{response}, {jsonOptions}, {AllowNull(method)}, {cancellationToken}))");
                }

                writer.OpenBlock();
                writer.WriteLine($"yield return {item};");
                writer.CloseBlock();
                break;
        }
    }

    /// <summary>The awaited call that sends the request.</summary>
    private readonly struct SendCall(MethodModel method, string request, string cancellationToken) : ISourceFragment
    {
        public void WriteTo(SourceWriter writer)
        {
            // An ApiResponse describes an error status instead of throwing for it.
            var acceptErrorStatus = method.ReturnKind is ReturnKind.ApiResponse or ReturnKind.ApiResponseString
                ? "acceptErrorStatus: true"
                : "acceptErrorStatus: false";
            if (method.SendsAccessToken)
            {
                writer.Write(
                    $"await this.SendAsync({request}, scope: {NullableLiteral(method.Scope)}, {acceptErrorStatus}, {cancellationToken}).ConfigureAwait(false)");
            }
            else
            {
                writer.Write($"await this.SendWithoutAccessTokenAsync({request}, {acceptErrorStatus}, {cancellationToken}).ConfigureAwait(false)");
            }
        }

        public override string ToString() => SourceWriter.Render(this);
    }

    private static string AllowNull(MethodModel method)
        => method.ResultAllowsNull ? "allowNull: true" : "allowNull: false";
}
