using System.Collections.Generic;
using System.Linq;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;

namespace Auth0ClientGen.Generator.Emitter;

internal static partial class ClientEmitter
{
    private static void WriteMethod(
        SourceWriter writer,
        ApiModel api,
        MethodModel method,
        IReadOnlyDictionary<string, int> constantRoutes)
    {
        var parameterList = string.Join(", ", method.Parameters.Select(p => $"{ParameterPrefix(method, p)}{p.RefKindPrefix}{p.TypeName} {p.Name}"));
        var signature = $"{method.ReturnTypeName} {method.DeclaringInterfaceTypeName}.{method.Name}{method.TypeParameterList}({parameterList}){method.ConstraintClauses}";

        writer.WriteLine("/// <inheritdoc />");
        if (method.UnsupportedReason is not null)
        {
            // The build already fails with the reported diagnostic. A throwing body keeps that diagnostic the
            // only error, instead of adding "does not implement interface member" on top of it.
            writer.WriteLine(signature);
            writer.OpenBlock();
            writer.WriteLine("throw new global::System.NotSupportedException(");
            using (writer.Indent())
            {
                writer.WriteLine(Literal($"{api.InterfaceDisplayName}.{method.Name} could not be generated: see diagnostic {method.UnsupportedReason}."));
            }

            writer.WriteLine(");");
            writer.CloseBlock();
            return;
        }

        var locals = new LocalNames(method.Parameters.Select(p => p.Name.TrimStart('@')).Concat(method.TypeParameterNames));
        var requestUri = locals.Reserve("requestUri");
        var request = locals.Reserve("request");
        var response = locals.Reserve("response");
        var cancellationToken = method.Parameters.FirstOrDefault(p => p.Binding == ParameterBinding.CancellationToken)?.Name
            ?? "default";

        cancellationToken = WriteMethodOpening(writer, method, signature, locals, cancellationToken);

        if (ConstantRoute(method) is { } route)
        {
            writer.WriteLine(
                $"var {requestUri} = {ClientTypeName(api)}.ConstantRequestUris[{constantRoutes[route]}].Resolve(this.ResolveBaseAddress());");
        }
        else
        {
            WriteRequestUri(writer, method, requestUri, locals);
        }

        writer.WriteLine();

        writer.WriteLine($"using var {request} = new {KnownTypeNames.GlobalHttpRequestMessage}(");
        using (writer.Indent())
        {
            writer.WriteLine($"{KnownTypeNames.GlobalHttpMethod}.{method.HttpMethod}, {requestUri});");
        }

        WriteHeadersAndBody(writer, method, request, locals, api.JsonOptions);
        writer.WriteLine();

        // An ApiResponse describes an error status instead of throwing for it.
        var acceptErrorStatus = method.ReturnKind is ReturnKind.ApiResponse or ReturnKind.ApiResponseString
            ? "acceptErrorStatus: true"
            : "acceptErrorStatus: false";
        var send = method.SendsAccessToken
            ? $"await this.SendAsync({request}, scope: {NullableLiteral(method.Scope)}, {acceptErrorStatus}, {cancellationToken}).ConfigureAwait(false)"
            : $"await this.SendWithoutAccessTokenAsync({request}, {acceptErrorStatus}, {cancellationToken}).ConfigureAwait(false)";
        WriteResponseHandling(writer, method, locals, send, response, cancellationToken, api.JsonOptions);
        WriteMethodClosing(writer, method);
    }

    private static void WriteRequestUri(SourceWriter writer, MethodModel method, string requestUri, LocalNames locals)
    {
        writer.WriteLine($"var {requestUri} = this.StartRequestUri()");
        using (writer.Indent())
        {
            foreach (var segment in method.Route)
            {
                if (segment.IsLiteral)
                {
                    writer.WriteLine($".AppendLiteral({Literal(segment.Text)})");
                    continue;
                }

                // The parameter's own name, or "order.Id", is what the exception names when the value is refused.
                var append = segment.IsCatchAll ? "AppendPathSegments" : "AppendPathValue";
                var path = segment.Text.TrimStart('*');
                var dot = path.IndexOf('.');
                var valueName = method.Parameters[segment.ParameterIndex].Name.TrimStart('@') + (dot < 0 ? string.Empty : path.Substring(dot));
                var value = segment.IsCatchAll ? FormatValue(segment.Value!) : AddressValue(segment.Value!);
                writer.WriteLine($".{append}({value}, {Literal(valueName)})");
            }

            var queryValues = method.Parameters.Where(p => p.Binding == ParameterBinding.Query).SelectMany(p => p.QueryValues);
            // A name is known at build time, so it is escaped here rather than on every call.
            WriteNameValuePairs(writer, queryValues, locals, AppendQueryValue, "AppendQueryCollection", UriEscaping.EscapeDataString);
            writer.WriteLine(".ToUri();");
        }
    }

    private static void WriteHeadersAndBody(
        SourceWriter writer,
        MethodModel method,
        string request,
        LocalNames locals,
        string jsonOptions)
    {
        foreach (var parameter in method.Parameters)
        {
            switch (parameter.Binding)
            {
                case ParameterBinding.Body when parameter.BodyKind == BodyKind.Form:
                    writer.WriteLine($"{request}.Content = new global::Auth0ClientGen.Infrastructure.FormBuilder()");
                    using (writer.Indent())
                    {
                        WriteNameValuePairs(writer, parameter.QueryValues, locals, "Add", "AddCollection", static name => name);
                        writer.WriteLine(".ToContent();");
                    }

                    break;
                case ParameterBinding.Body when parameter.BodyKind == BodyKind.FormEntries:
                    var entry = parameter.QueryValues[0];
                    var entryItem = locals.Reserve("item");
                    writer.WriteLine($"{request}.Content = new global::Auth0ClientGen.Infrastructure.FormBuilder()");
                    using (writer.Indent())
                    {
                        writer.WriteLine($".AddEntries<{entry.ElementTypeName}>({parameter.Name}, static {entryItem} => {FormatValue(entry.Value with { Expression = entryItem })})");
                        writer.WriteLine(".ToContent();");
                    }

                    break;
                case ParameterBinding.Body when parameter.BodyKind == BodyKind.Json:
                    writer.WriteLine($"{request}.Content = {KnownTypeNames.GlobalHelpers}.CreateJsonContent<{parameter.TypeName}>(");
                    using (writer.Indent())
                    {
                        writer.WriteLine($"{parameter.Name}, {jsonOptions});");
                    }

                    break;
                case ParameterBinding.Body:
                    var factory = parameter.BodyKind switch
                    {
                        BodyKind.Text => "CreateTextContent",
                        BodyKind.Bytes => "CreateBytesContent",
                        BodyKind.Stream => "CreateStreamContent",
                        _ => "UseContent",
                    };
                    writer.WriteLine($"{request}.Content = {KnownTypeNames.GlobalHelpers}.{factory}({parameter.Name});");
                    break;
            }
        }

        if (method.IsMultipart)
        {
            WriteMultipartContent(writer, method, request, jsonOptions);
        }

        foreach (var header in method.StaticHeaders)
        {
            // The merged [Headers] hold each name once and go first onto a new request, so a request header is
            // simply added; only a content header needs the helper, which puts it on the body if there is one.
            writer.WriteLine(IsContentHeader(header.Name)
                ? $"{KnownTypeNames.GlobalHelpers}.SetStaticHeader({request}, {Literal(header.Name)}, {Literal(header.Value)});"
                : $"{request}.Headers.TryAddWithoutValidation({Literal(header.Name)}, {Literal(header.Value)});");
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Header)
            {
                writer.WriteLine($"{KnownTypeNames.GlobalHelpers}.AddHeader({request}, {Literal(parameter.WireName)}, {FormatValue(parameter.Value!)});");
            }
            else if (parameter.Binding == ParameterBinding.HeaderCollection)
            {
                writer.WriteLine($"{KnownTypeNames.GlobalHelpers}.AddHeaders({request}, {parameter.Name});");
            }
        }
    }

    private static void WriteMultipartContent(SourceWriter writer, MethodModel method, string request, string jsonOptions)
    {
        writer.WriteLine($"{request}.Content = new global::Auth0ClientGen.Infrastructure.MultipartBuilder({NullableLiteral(method.MultipartBoundary)})");
        using (writer.Indent())
        {
            foreach (var part in method.Parameters.Where(p => p.Binding == ParameterBinding.Part))
            {
                var name = Literal(part.WireName);
                writer.WriteLine(part.BodyKind switch
                {
                    BodyKind.Text => $".AddText({name}, {FormatValue(part.Value!)})",
                    BodyKind.FilePart => $".AddFile({name}, {part.Name})",
                    BodyKind.FileParts => $".AddFiles({name}, {part.Name})",
                    BodyKind.Content => $".AddContent({name}, {part.Name})",
                    BodyKind.Stream => $".AddStream({name}, {part.Name})",
                    BodyKind.Bytes => $".AddBytes({name}, {part.Name})",
                    _ => $".AddJson<{part.TypeName}>({name}, {part.Name}, {jsonOptions})",
                });
            }

            writer.WriteLine(".ToContent();");
        }
    }

    /// <summary>
    /// Writes one fluent call per pair: <paramref name="addValue"/> for a single value, <paramref name="addCollection"/>
    /// for a collection. Query strings and form bodies share this; <paramref name="valueName"/> gives the name that
    /// <paramref name="addValue"/> takes.
    /// </summary>
    private static void WriteNameValuePairs(
        SourceWriter writer,
        IEnumerable<QueryValue> pairs,
        LocalNames locals,
        string addValue,
        string addCollection,
        System.Func<string, string> valueName)
    {
        foreach (var pair in pairs)
        {
            if (pair.CollectionFormat is null)
            {
                var value = addValue == AppendQueryValue ? AddressValue(pair.Value) : FormatValue(pair.Value);
                writer.WriteLine($".{addValue}({Literal(valueName(pair.Key))}, {value})");
                continue;
            }

            var item = locals.Reserve("item");
            var element = pair.Value with { Expression = item };
            writer.WriteLine($".{addCollection}<{pair.ElementTypeName}>(");
            using (writer.Indent())
            {
                writer.WriteLine($"{Literal(pair.Key)},");
                writer.WriteLine($"{pair.Value.Expression},");
                writer.WriteLine($"static {item} => {FormatValue(element)},");
                writer.WriteLine($"global::Auth0ClientGen.CollectionFormat.{pair.CollectionFormat})");
            }
        }
    }

    private const string AppendQueryValue = "AppendQueryWithEscapedName";

    /// <summary>
    /// A value for RequestUriBuilder: a number that is always there is passed as it is, for the builder's overloads
    /// that write it without making a string; anything else as <see cref="FormatValue"/> turns it into text.
    /// </summary>
    private static string AddressValue(ValueSource source)
        => source is { Format: ValueFormat.Number, IsNullableValueType: false, SkipDefaultOf: null, EnumFormatter: null }
            ? source.Expression
            : FormatValue(source);

    /// <summary>An expression that turns a value into text, or null when the value is null.</summary>
    private static string FormatValue(ValueSource source)
    {
        var value = source.IsNullableValueType ? source.Expression + ".GetValueOrDefault()" : source.Expression;
        var formatted = source.Format switch
        {
            ValueFormat.String => value,
            ValueFormat.Boolean => $"({value} ? \"true\" : \"false\")",
            ValueFormat.RoundTripDate => $"{value}.ToString(\"O\", {KnownTypeNames.GlobalInvariantCulture})",
            ValueFormat.Invariant or ValueFormat.Number => $"{value}.ToString(null, {KnownTypeNames.GlobalInvariantCulture})",
            ValueFormat.InvariantThroughInterface =>
                $"((global::System.IFormattable){value}).ToString(null, {KnownTypeNames.GlobalInvariantCulture})",
            ValueFormat.UriString => $"{value}?.OriginalString",
            _ when source.EnumFormatter is not null => $"{source.EnumFormatter}({value})",
            _ => $"{value}.ToString()",
        };
        if (source.SkipDefaultOf is { } type)
        {
            // [JsonIgnore(Condition = WhenWritingDefault)]: the type's default value is left out like a null.
            var isDefault = $"global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals({value}, default)";
            formatted = $"({isDefault} ? null : {formatted})";
        }

        return source.IsNullableValueType ? $"({source.Expression}.HasValue ? {formatted} : null)" : formatted;
    }

    /// <summary>Whether HttpClient keeps a header with the body rather than the request, as the runtime decides it.</summary>
    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Expires", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Allow", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks local variable names that no parameter of the method already uses.</summary>
    private sealed class LocalNames(IEnumerable<string> taken)
    {
        private readonly HashSet<string> _taken = new(taken);

        public string Reserve(string preferred)
        {
            var name = preferred;
            for (var suffix = 1; !_taken.Add(name); suffix++)
            {
                name = preferred + suffix;
            }

            return name;
        }
    }
}
