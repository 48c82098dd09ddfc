using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;

namespace Auth0ClientGen.Generator.Emitter;

internal static partial class ClientEmitter
{
    /// <summary>Writes the send and what turns its response into the method's return value.</summary>
    private static void WriteResponseHandling(
        SourceWriter writer,
        MethodModel method,
        string send,
        string response,
        string cancellationToken)
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
                    var allowNull = method.ResultAllowsNull ? "allowNull: true" : "allowNull: false";
                    writer.WriteLine($"{response}, {KnownTypeNames.GlobalHelpers}.DefaultJsonOptions, {allowNull}, {cancellationToken}).ConfigureAwait(false);");
                }

                break;
        }
    }
}
