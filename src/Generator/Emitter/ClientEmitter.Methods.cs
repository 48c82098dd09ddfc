using System.Collections.Generic;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;

namespace Auth0ClientGen.Generator.Emitter;

internal static partial class ClientEmitter
{
    private static void WriteMethod(
        SourceWriter writer,
        ApiModel api,
        MethodModel method,
        IReadOnlyDictionary<string, int> constantRoutes,
        LocalNames locals)
    {
        var signature = new MethodSignature(method);

        writer.WriteLine("/// <inheritdoc />");
        if (method.UnsupportedReason is not null)
        {
            // The build already fails with the reported diagnostic. A throwing body keeps that diagnostic the
            // only error, instead of adding "does not implement interface member" on top of it.
            writer.WriteLine($"{signature}");
            writer.OpenBlock();
            writer.WriteLine("throw new global::System.NotSupportedException(");
            using (writer.Indent())
            {
                var message = $"{api.InterfaceDisplayName}.{method.Name} could not be generated: see diagnostic {method.UnsupportedReason}.";
                writer.WriteLine($"{Literal(message)}");
            }

            writer.WriteLine(");");
            writer.CloseBlock();
            return;
        }

        locals.StartMethod(method);
        var requestUri = locals.Reserve("requestUri");
        var request = locals.Reserve("request");
        var response = locals.Reserve("response");
        var cancellationToken = CancellationTokenParameter(method)?.Name ?? "default";

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

        var send = new SendCall(method, request, cancellationToken);
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
                var path = segment.Text.TrimStart(Asterisk);
                var dot = path.IndexOf('.');
                var valueName = method.Parameters[segment.ParameterIndex].Name.TrimStart(At) + (dot < 0 ? string.Empty : path.Substring(dot));
                var value = segment.IsCatchAll ? FormatValue(segment.Value!) : AddressValue(segment.Value!);
                writer.WriteLine($".{append}({value}, {Literal(valueName)})");
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Binding == ParameterBinding.Query)
                {
                    // A name is known at build time, so it is escaped here rather than on every call.
                    WriteNameValuePairs(
                        writer, parameter.QueryValues, locals, AppendQueryValue, "AppendQueryCollection", UriEscaping.EscapeDataString);
                }
            }

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
            if (IsContentHeader(header.Name))
            {
                writer.WriteLine($"{KnownTypeNames.GlobalHelpers}.SetStaticHeader({request}, {Literal(header.Name)}, {Literal(header.Value)});");
            }
            else
            {
                writer.WriteLine($"{request}.Headers.TryAddWithoutValidation({Literal(header.Name)}, {Literal(header.Value)});");
            }
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
            foreach (var part in method.Parameters)
            {
                if (part.Binding != ParameterBinding.Part)
                {
                    continue;
                }

                var name = Literal(part.WireName);
                var add = part.BodyKind switch
                {
                    BodyKind.FilePart => "AddFile",
                    BodyKind.FileParts => "AddFiles",
                    BodyKind.Content => "AddContent",
                    BodyKind.Stream => "AddStream",
                    BodyKind.Bytes => "AddBytes",
                    _ => null,
                };
                if (part.BodyKind == BodyKind.Text)
                {
                    writer.WriteLine($".AddText({name}, {FormatValue(part.Value!)})");
                }
                else if (add is not null)
                {
                    writer.WriteLine($".{add}({name}, {part.Name})");
                }
                else
                {
                    writer.WriteLine($".AddJson<{part.TypeName}>({name}, {part.Name}, {jsonOptions})");
                }
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
        EquatableArray<QueryValue> pairs,
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

    // netstandard2.0 has only TrimStart(params char[]), so TrimStart('@') would allocate an array on every call.
    private static readonly char[] At = ['@'];
    private static readonly char[] Asterisk = ['*'];

    /// <summary>
    /// A value for RequestUriBuilder: a number that is always there is passed as it is, for the builder's overloads
    /// that write it without making a string; anything else as <see cref="FormatValue"/> turns it into text.
    /// </summary>
    private static FormattedValue AddressValue(ValueSource source) => new(source, passNumber: true);

    /// <summary>An expression that turns a value into text, or null when the value is null.</summary>
    private static FormattedValue FormatValue(ValueSource source) => new(source, passNumber: false);

    /// <summary>What <see cref="FormatValue"/> and <see cref="AddressValue"/> write.</summary>
    private readonly struct FormattedValue(ValueSource source, bool passNumber) : ISourceFragment
    {
        public void WriteTo(SourceWriter writer)
        {
            if (passNumber && source is { Format: ValueFormat.Number, IsNullableValueType: false, SkipDefaultOf: null, EnumFormatter: null })
            {
                writer.Write(source.Expression);
                return;
            }

            if (source.IsNullableValueType)
            {
                writer.Write($"({source.Expression}.HasValue ? ");
            }

            var value = new UnwrappedValue(source);
            if (source.SkipDefaultOf is { } type)
            {
                // [JsonIgnore(Condition = WhenWritingDefault)]: the type's default value is left out like a null.
                writer.Write($"(global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals({value}, default) ? null : ");
            }

            switch (source.Format)
            {
                case ValueFormat.String:
                    writer.Write($"{value}");
                    break;
                case ValueFormat.Boolean:
                    writer.Write($"({value} ? \"true\" : \"false\")");
                    break;
                case ValueFormat.RoundTripDate:
                    writer.Write($"{value}.ToString(\"O\", {KnownTypeNames.GlobalInvariantCulture})");
                    break;
                case ValueFormat.Invariant or ValueFormat.Number:
                    writer.Write($"{value}.ToString(null, {KnownTypeNames.GlobalInvariantCulture})");
                    break;
                case ValueFormat.InvariantThroughInterface:
                    writer.Write($"((global::System.IFormattable){value}).ToString(null, {KnownTypeNames.GlobalInvariantCulture})");
                    break;
                case ValueFormat.UriString:
                    writer.Write($"{value}?.OriginalString");
                    break;
                case var _ when source.EnumFormatter is not null:
                    writer.Write($"{source.EnumFormatter}({value})");
                    break;
                default:
                    writer.Write($"{value}.ToString()");
                    break;
            }

            if (source.SkipDefaultOf is not null)
            {
                writer.Write(')');
            }

            if (source.IsNullableValueType)
            {
                writer.Write(" : null)");
            }
        }

        public override string ToString() => SourceWriter.Render(this);
    }

    /// <summary>The value itself: a Nullable&lt;T&gt; is read with GetValueOrDefault, after its HasValue was checked.</summary>
    private readonly struct UnwrappedValue(ValueSource source) : ISourceFragment
    {
        public void WriteTo(SourceWriter writer)
        {
            writer.Write(source.Expression);
            if (source.IsNullableValueType)
            {
                writer.Write(".GetValueOrDefault()");
            }
        }

        public override string ToString() => SourceWriter.Render(this);
    }

    /// <summary>Whether HttpClient keeps a header with the body rather than the request, as the runtime decides it.</summary>
    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Expires", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", System.StringComparison.OrdinalIgnoreCase)
            || name.Equals("Allow", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Picks local variable names that no parameter or type parameter of the method already uses. One serves all of a
    /// client's methods in turn, each starting with <see cref="StartMethod"/>.
    /// </summary>
    private sealed class LocalNames
    {
        // A method has a few parameters and gets a few locals, so a scan is cheaper than building a set.
        private readonly List<string> _reserved = new(capacity: 4);
        private MethodModel _method = null!;

        public void StartMethod(MethodModel method)
        {
            _method = method;
            _reserved.Clear();
        }

        public string Reserve(string preferred)
        {
            var name = preferred;
            for (var suffix = 1; IsTaken(name); suffix++)
            {
                name = preferred + suffix;
            }

            _reserved.Add(name);
            return name;
        }

        private bool IsTaken(string name)
        {
            foreach (var parameter in _method.Parameters)
            {
                if (parameter.Name.TrimStart(At) == name)
                {
                    return true;
                }
            }

            return _reserved.Contains(name)
                || (_method.TypeParameterList.Length != 0 && System.Linq.Enumerable.Contains(_method.TypeParameterNames, name));
        }
    }
}
