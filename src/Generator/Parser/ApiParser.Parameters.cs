using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    private (EquatableArray<ParameterModel> Parameters, EquatableArray<RouteSegment> Route) ParseParameters(
        IMethodSymbol method,
        RouteTemplate? route,
        Location? templateLocation)
    {
        var placeholderRoots = new List<string>();
        var parts = route?.Parts ?? [];
        foreach (var (text, isPlaceholder) in parts)
        {
            if (isPlaceholder)
            {
                placeholderRoots.Add(PlaceholderRoot(text));
            }
        }

        var parameters = ImmutableArray.CreateBuilder<ParameterModel>(method.Parameters.Length);
        var bodyCount = 0;
        var cancellationTokenCount = 0;

        foreach (var parameter in method.Parameters)
        {
            var model = ParseParameter(method, parameter, placeholderRoots);
            parameters.Add(model);
            if (model.Binding == ParameterBinding.Body && ++bodyCount == 2)
            {
                Report(DiagnosticDescriptors.MultipleBodies, LocationOf(parameter), method.Name);
            }

            if (model.Binding == ParameterBinding.CancellationToken && ++cancellationTokenCount == 2)
            {
                Report(DiagnosticDescriptors.MultipleCancellationTokens, LocationOf(parameter), method.Name);
            }
        }

        var segments = ImmutableArray.CreateBuilder<RouteSegment>();
        HashSet<string>? reportedAmbiguity = null;
        foreach (var (text, isPlaceholder) in parts)
        {
            if (!isPlaceholder)
            {
                segments.Add(new RouteSegment(text, -1));
                continue;
            }

            var root = PlaceholderRoot(text);
            var matches = FindRouteParameters(parameters, root);
            if (matches.Count == 0)
            {
                Report(DiagnosticDescriptors.UnmatchedPlaceholder, templateLocation, root, method.Name);
                segments.Add(new RouteSegment(text, -1));
                continue;
            }

            if (matches.Count > 1 && (reportedAmbiguity ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(root))
            {
                // Silently taking one would drop the other parameter's value from the request.
                Report(
                    DiagnosticDescriptors.AmbiguousPlaceholder,
                    LocationOf(method.Parameters[matches[1]]),
                    root,
                    method.Name,
                    $"parameters '{method.Parameters[matches[0]].Name}' and '{method.Parameters[matches[1]].Name}'",
                    "rename one of them or mark one with [Query]");
            }

            var index = matches[0];
            var value = parameters[index].Binding == ParameterBinding.Route
                ? ResolvePlaceholderValue(method, method.Parameters[index], parameters[index], text, templateLocation)
                : null;
            segments.Add(new RouteSegment(text, index, value, text.StartsWith("**", StringComparison.Ordinal)));
        }

        return (parameters.ToEquatableArray(), segments.ToEquatableArray());
    }

    private static bool ContainsIgnoringCase(List<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameter name a placeholder refers to: <c>id</c> for <c>{id}</c>, <c>{**id}</c> and <c>{id.Name}</c>.</summary>
    private static string PlaceholderRoot(string placeholder)
    {
        var name = placeholder.StartsWith("**", StringComparison.Ordinal) ? placeholder.Substring(2) : placeholder;
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name.Substring(0, dot);
    }

    /// <summary>
    /// The value that fills a placeholder: the parameter itself, or for <c>{order.Id}</c> a property path on it.
    /// Reports and returns null when the value is not simple or the property does not exist.
    /// </summary>
    private ValueSource? ResolvePlaceholderValue(
        IMethodSymbol method,
        IParameterSymbol parameter,
        ParameterModel model,
        string placeholder,
        Location? templateLocation)
    {
        var path = placeholder.StartsWith("**", StringComparison.Ordinal) ? placeholder.Substring(2) : placeholder;
        var properties = path.Split('.').Skip(1).ToList();
        var type = parameter.Type;
        var expression = model.Name;
        foreach (var propertyName in properties)
        {
            var candidates = FindReadableProperties(type, propertyName);
            if (candidates.Count == 0)
            {
                Report(DiagnosticDescriptors.UnknownPlaceholderProperty, templateLocation, placeholder, method.Name, type.ToDisplayString(), propertyName);
                return null;
            }

            if (candidates.Count > 1)
            {
                // As with two parameters, taking either property would quietly send a value the caller may not mean.
                Report(
                    DiagnosticDescriptors.AmbiguousPlaceholder,
                    templateLocation,
                    placeholder,
                    method.Name,
                    $"properties '{candidates[0].Name}' and '{candidates[1].Name}' of '{type.ToDisplayString()}'",
                    "name a property that differs in more than case, or rename one of them");
                return null;
            }

            var property = candidates[0];

            // A null object makes the value null, which AppendPathValue refuses with the parameter's name.
            expression += (type.IsReferenceType || IsNullableValueType(type) ? "?." : ".") + EscapeIdentifier(property.Name);
            type = property.Type;
        }

        var (format, isNullableValueType) = ClassifySimpleType(type);
        if (properties.Count > 0 && (type.IsValueType && !isNullableValueType) && (parameter.Type.IsReferenceType || IsNullableValueType(parameter.Type)))
        {
            // "order?.Id" of an int property has type int?, so it is formatted as a nullable value.
            isNullableValueType = true;
        }

        if (format == ValueFormat.NotFormatted)
        {
            Report(
                DiagnosticDescriptors.UnbindableParameter,
                LocationOf(parameter),
                path,
                method.Name,
                type.ToDisplayString(),
                "route");
            return null;
        }

        return new ValueSource(
            properties.Count > 0 && isNullableValueType ? "(" + expression + ")" : expression,
            format,
            isNullableValueType,
            EnumFormatterFor(type));
    }

    private static List<int> FindRouteParameters(
        ImmutableArray<ParameterModel>.Builder parameters,
        string placeholder)
    {
        var matches = new List<int>();
        for (var i = 0; i < parameters.Count; i++)
        {
            // A parameter that already failed with its own diagnostic still claims its placeholder,
            // so one mistake is reported once.
            if (parameters[i].Binding is ParameterBinding.Route or ParameterBinding.None
                && string.Equals(parameters[i].WireName, placeholder, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add(i);
            }
        }

        return matches;
    }

    private ParameterModel ParseParameter(IMethodSymbol method, IParameterSymbol parameter, List<string> placeholderRoots)
    {
        var name = EscapeIdentifier(parameter.Name);
        var typeName = CachedTypeName(parameter.Type);
        var location = LocationOf(parameter);
        var refKindPrefix = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };

        ParameterModel Unbound() => new(name, typeName, refKindPrefix, ParameterBinding.None, parameter.Name);

        if (refKindPrefix.Length != 0 || parameter.Type.IsRefLikeType
            || ContainsPointer(parameter.Type))
        {
            Report(DiagnosticDescriptors.ByReferenceParameter, location, parameter.Name, method.Name);
            return Unbound();
        }

        if (IsNamed(parameter.Type, KnownTypeNames.CancellationToken))
        {
            // The token always cancels the call; an attribute asking to send it would be quietly dropped.
            var valueAttribute = AttributesOf(parameter).FirstOrDefault(a => a.ClassName
                is KnownTypeNames.BodyAttribute or KnownTypeNames.QueryAttribute
                    or KnownTypeNames.HeaderAttribute or KnownTypeNames.HeaderCollectionAttribute
                    or KnownTypeNames.AliasAsAttribute);
            if (valueAttribute is not null)
            {
                Report(
                    DiagnosticDescriptors.CancellationTokenMarkedAsValue,
                    AttributeLocation(valueAttribute) ?? location,
                    parameter.Name,
                    method.Name,
                    valueAttribute.ShortName);
            }

            return new(name, typeName, string.Empty, ParameterBinding.CancellationToken, parameter.Name);
        }

        var attributes = AttributesOf(parameter);
        var body = FindAttribute(attributes, KnownTypeNames.BodyAttribute);
        var query = FindAttribute(attributes, KnownTypeNames.QueryAttribute);
        var header = FindAttribute(attributes, KnownTypeNames.HeaderAttribute);
        var headerCollection = FindAttribute(attributes, KnownTypeNames.HeaderCollectionAttribute);
        var alias = FindAttribute(attributes, KnownTypeNames.AliasAsAttribute);
        if ((body is null ? 0 : 1) + (query is null ? 0 : 1) + (header is null ? 0 : 1) + (headerCollection is null ? 0 : 1) > 1)
        {
            Report(DiagnosticDescriptors.ConflictingParameterAttributes, location, parameter.Name, method.Name);
            return Unbound();
        }

        if (headerCollection is not null)
        {
            if (!IsStringDictionary(parameter.Type))
            {
                Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "header collection, which takes an IDictionary<string, string>");
                return Unbound();
            }

            return new(name, typeName, string.Empty, ParameterBinding.HeaderCollection, parameter.Name);
        }

        if (body is not null && IsMultipart(method, out _))
        {
            return ParsePart(parameter, name, typeName, alias?.FirstStringArgument is { Length: > 0 } partName ? partName : parameter.Name);
        }

        if (body is not null && IsUrlEncoded(body))
        {
            return ParseFormBody(method, parameter, name, typeName, location) ?? Unbound();
        }

        if (body is not null)
        {
            return new(name, typeName, string.Empty, ParameterBinding.Body, parameter.Name, BodyKind: ClassifyBody(parameter.Type));
        }

        if (header is not null)
        {
            var headerName = header.FirstStringArgument;
            if (string.IsNullOrEmpty(headerName))
            {
                Report(DiagnosticDescriptors.InvalidAliasOrQueryName, location, parameter.Name, method.Name);
                return Unbound();
            }

            if (!IsHttpToken(headerName!))
            {
                Report(DiagnosticDescriptors.InvalidHeaderName, FirstArgumentLocation(header) ?? location, headerName!, parameter.Name);
                return Unbound();
            }

            if (ReservedHeaderReason(headerName!) is { } reason)
            {
                Report(DiagnosticDescriptors.ReservedHeader, FirstArgumentLocation(header) ?? location, headerName!, parameter.Name, reason);
                return Unbound();
            }

            var (format, isNullableValueType) = ClassifySimpleType(parameter.Type);
            if (format == ValueFormat.NotFormatted)
            {
                Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "header");
                return Unbound();
            }

            var headerValue = new ValueSource(name, format, isNullableValueType, EnumFormatterFor(parameter.Type));
            return new(name, typeName, string.Empty, ParameterBinding.Header, headerName!, headerValue);
        }

        var wireName = parameter.Name;
        if (alias is not null)
        {
            var aliasName = alias.FirstStringArgument;
            if (string.IsNullOrEmpty(aliasName))
            {
                Report(DiagnosticDescriptors.InvalidAliasOrQueryName, location, parameter.Name, method.Name);
                return Unbound();
            }

            wireName = aliasName!;
        }

        // The placeholder decides later whether the value itself or a property of it fills the route.
        if (query is null && ContainsIgnoringCase(placeholderRoots, wireName))
        {
            return new(name, typeName, string.Empty, ParameterBinding.Route, wireName);
        }

        // In a multipart request, everything not in the route, a header or explicitly in the query is a part.
        if (query is null && IsMultipart(method, out _))
        {
            return ParsePart(parameter, name, typeName, wireName);
        }

        var queryValues = ParseQueryValues(method, parameter, name, wireName, query, location);
        return queryValues is null
            ? Unbound()
            : new(name, typeName, string.Empty, ParameterBinding.Query, wireName, QueryValues: queryValues.Value);
    }

    /// <summary>
    /// The query pairs a parameter adds: one for a simple value or a collection, one per property for an object.
    /// Reports and returns null when a value cannot be written as text.
    /// </summary>
    private EquatableArray<QueryValue>? ParseQueryValues(
        IMethodSymbol method,
        IParameterSymbol parameter,
        string expression,
        string key,
        DeclaredAttribute? query,
        Location? location)
    {
        var settings = ReadQuerySettings(query);
        if (QueryValueFor(parameter.Type, key, expression, settings.CollectionFormat) is { } single)
        {
            return new EquatableArray<QueryValue>(ImmutableArray.Create(single));
        }

        if (parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } objectType
            || parameter.Type.SpecialType == SpecialType.System_Object
            || IsCollection(parameter.Type, out _))
        {
            Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "query string");
            return null;
        }

        // An object is flattened into one pair per public property; a null object adds nothing.
        var values = ImmutableArray.CreateBuilder<QueryValue>();
        var access = objectType.IsReferenceType || IsNullableValueType(objectType) ? "?." : ".";
        foreach (var property in ReadableProperties(objectType))
        {
            // [JsonIgnore] leaves a property out (Always, the default condition); WhenWritingNull needs nothing
            // more, since null values are left out anyway; WhenWritingDefault leaves out the type's default value.
            var ignoreCondition = JsonIgnoreConditionOf(property);
            if (ignoreCondition == JsonIgnoreAlways)
            {
                continue;
            }

            var propertyKey = PropertyWireName(property);
            if (settings.Prefix is { Length: > 0 } prefix)
            {
                propertyKey = prefix + settings.Delimiter + propertyKey;
            }

            var propertyType = property.Type;

            // After "?." the whole access is parenthesized, so ".HasValue" applies to its result.
            var propertyExpression = access == "?."
                ? "(" + expression + access + EscapeIdentifier(property.Name) + ")"
                : expression + access + EscapeIdentifier(property.Name);
            if (access == "?." && propertyType.IsValueType && !IsNullableValueType(propertyType))
            {
                // "filter?.Size" of an int property has type int?.
                var (format, _) = ClassifySimpleType(propertyType);
                if (format != ValueFormat.NotFormatted)
                {
                    var skipDefault = ignoreCondition == JsonIgnoreWhenWritingDefault ? TypeName(propertyType) : null;
                    values.Add(new QueryValue(propertyKey, new ValueSource(propertyExpression, format, true, EnumFormatterFor(propertyType), skipDefault), null, null));
                    continue;
                }
            }

            // A [Query(CollectionFormat.X)] on the property wins over the parameter's format for its collection.
            var propertyFormat = HasAttribute(property, KnownTypeNames.QueryAttribute, out var propertyQuery)
                && ReadQuerySettings(propertyQuery) is var own
                && (propertyQuery!.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Enum)
                    || propertyQuery.NamedArguments.Any(a => a.Key == "CollectionFormat"))
                ? own.CollectionFormat
                : settings.CollectionFormat;
            if (QueryValueFor(propertyType, propertyKey, propertyExpression, propertyFormat) is not { } value)
            {
                Report(
                    DiagnosticDescriptors.UnbindableParameter,
                    location,
                    parameter.Name + "." + property.Name,
                    method.Name,
                    propertyType.ToDisplayString(),
                    "query string");
                return null;
            }

            // The default of a Nullable<T> is null, which is left out anyway; only plain value types need the check.
            values.Add(ignoreCondition == JsonIgnoreWhenWritingDefault && value.CollectionFormat is null
                && propertyType.IsValueType && !IsNullableValueType(propertyType)
                ? value with { Value = value.Value with { SkipDefaultOf = TypeName(propertyType) } }
                : value);
        }

        if (values.Count == 0)
        {
            // An object with only fields (a value tuple, say) would silently add nothing.
            Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "query string or form, which read public properties, and this type has none");
            return null;
        }

        return values.ToEquatableArray();
    }

    /// <summary>A query pair for a simple value or a collection of simple values, or null for anything else.</summary>
    private QueryValue? QueryValueFor(ITypeSymbol type, string key, string expression, string collectionFormat)
    {
        var (format, isNullableValueType) = ClassifySimpleType(type);
        if (format != ValueFormat.NotFormatted)
        {
            return new QueryValue(key, new ValueSource(expression, format, isNullableValueType, EnumFormatterFor(type)), null, null);
        }

        if (IsCollection(type, out var elementType))
        {
            var (elementFormat, elementIsNullable) = ClassifySimpleType(elementType!);
            if (elementFormat != ValueFormat.NotFormatted)
            {
                var element = new ValueSource("item", elementFormat, elementIsNullable, EnumFormatterFor(elementType!));
                return new QueryValue(key, element with { Expression = expression }, collectionFormat, TypeName(elementType!));
            }
        }

        return null;
    }

    private static bool IsCollection(ITypeSymbol type, out ITypeSymbol? elementType)
    {
        elementType = null;
        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            elementType = array.ElementType;
            return true;
        }

        var enumerable = type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            ? (INamedTypeSymbol)type
            : type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        elementType = enumerable?.TypeArguments[0];
        return elementType is not null;
    }

    private readonly record struct QuerySettings(string CollectionFormat, string Delimiter, string? Prefix);

    private static QuerySettings ReadQuerySettings(DeclaredAttribute? query)
    {
        // Comma-separated by default, as Refit's default parameter formatter writes collections.
        var settings = new QuerySettings("Csv", ".", null);
        if (query is null)
        {
            return settings;
        }

        var arguments = query.ConstructorArguments;
        if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Enum && arguments[0].Value is int format)
        {
            settings = settings with { CollectionFormat = CollectionFormatName(format) };
        }
        else if (arguments.Length >= 1 && arguments[0].Value is string delimiter)
        {
            settings = settings with { Delimiter = delimiter, Prefix = arguments.Length > 1 ? arguments[1].Value as string : null };
        }

        foreach (var named in query.NamedArguments)
        {
            settings = named.Key switch
            {
                "CollectionFormat" when named.Value.Value is int value => settings with { CollectionFormat = CollectionFormatName(value) },
                "Delimiter" when named.Value.Value is string value => settings with { Delimiter = value },
                "Prefix" => settings with { Prefix = named.Value.Value as string },
                _ => settings,
            };
        }

        return settings;
    }

    private const int JsonIgnoreNever = 0;
    private const int JsonIgnoreAlways = 1;
    private const int JsonIgnoreWhenWritingDefault = 2;

    /// <summary>The JsonIgnoreCondition of a property's [JsonIgnore] (Always when it names none), or Never without one.</summary>
    private static int JsonIgnoreConditionOf(IPropertySymbol property)
    {
        if (!HasAttribute(property, "System.Text.Json.Serialization.JsonIgnoreAttribute", out var ignore))
        {
            return JsonIgnoreNever;
        }

        return ignore!.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value as int? ?? JsonIgnoreAlways;
    }

    private static string CollectionFormatName(int value)
        => value switch { 1 => "Csv", 2 => "Ssv", 3 => "Tsv", 4 => "Pipes", _ => "Multi" };

    /// <summary>The name a property goes by in the query: [AliasAs], then [JsonPropertyName], then its own name.</summary>
    private static string PropertyWireName(IPropertySymbol property)
    {
        if (HasAttribute(property, KnownTypeNames.AliasAsAttribute, out var alias) && alias!.FirstStringArgument is { Length: > 0 } aliasName)
        {
            return aliasName;
        }

        if (HasAttribute(property, "System.Text.Json.Serialization.JsonPropertyNameAttribute", out var jsonName)
            && jsonName!.FirstStringArgument is { Length: > 0 } jsonPropertyName)
        {
            return jsonPropertyName;
        }

        return property.Name;
    }

    /// <summary>Public instance properties with a public getter, the most derived first, each name once.</summary>
    private static IEnumerable<IPropertySymbol> ReadableProperties(ITypeSymbol type)
    {
        var seen = new HashSet<string>();
        var types = new List<ITypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            types.Add(current);
        }

        // An interface's properties include those of the interfaces it extends.
        if (type.TypeKind == TypeKind.Interface)
        {
            types.AddRange(type.AllInterfaces);
        }

        foreach (var current in types)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    && !IsObsoleteAsError(property)
                    && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>An [Obsolete(..., true)] property cannot be read without a compiler error, so it is not sent.</summary>
    private static bool IsObsoleteAsError(ISymbol symbol)
        => HasAttribute(symbol, "System.ObsoleteAttribute", out var obsolete)
            && obsolete!.ConstructorArguments.Length == 2
            && obsolete.ConstructorArguments[1].Value is true;

    /// <summary>The readable properties whose names match, compared case-insensitively like placeholders.</summary>
    private static List<IPropertySymbol> FindReadableProperties(ITypeSymbol type, string name)
    {
        var target = IsNullableValueType(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        return ReadableProperties(target)
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static bool IsNullableValueType(ITypeSymbol type)
        => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>Finds an attribute on a member of a model type, which is always read through the compiler.</summary>
    private static bool HasAttribute(ISymbol symbol, string metadataName, out DeclaredAttribute? attribute)
    {
        var data = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } type && IsNamed(type, metadataName));
        attribute = data is null ? null : DeclaredAttribute.FromData(data, default);
        return attribute is not null;
    }

    /// <summary>
    /// For an enum whose members carry [JsonStringEnumMemberName] or [EnumMember(Value = ...)], records the names
    /// and returns the generated formatter to call, fully qualified so no parameter can hide it; null otherwise.
    /// </summary>
    private string? EnumFormatterFor(ITypeSymbol type)
    {
        if (IsNullableValueType(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        if (type.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        var typeName = TypeName(type);
        if (_enumFormatters.ContainsKey(typeName))
        {
            return _enumFormatterMethod;
        }

        var members = ImmutableArray.CreateBuilder<EnumMemberName>();
        var renamed = false;
        var seenValues = new HashSet<object?>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            // Members that share a value share a switch arm; the first declared one names it.
            if (!seenValues.Add(field.ConstantValue))
            {
                continue;
            }

            var wireName = field.Name;
            if (HasAttribute(field, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute", out var json)
                && json!.FirstStringArgument is { } jsonName)
            {
                wireName = jsonName;
                renamed = true;
            }
            else if (HasAttribute(field, "System.Runtime.Serialization.EnumMemberAttribute", out var enumMember)
                && enumMember!.NamedArguments.FirstOrDefault(a => a.Key == "Value").Value.Value is string memberValue)
            {
                wireName = memberValue;
                renamed = true;
            }

            members.Add(new EnumMemberName(EscapeIdentifier(field.Name), wireName));
        }

        if (!renamed)
        {
            return null;
        }

        _enumFormatters[typeName] = new EnumFormatter(typeName, members.ToEquatableArray());
        return _enumFormatterMethod;
    }

    /// <summary>A part of a multipart request: a file, a stream or bytes, text for simple values, else JSON.</summary>
    private ParameterModel ParsePart(IParameterSymbol parameter, string name, string typeName, string partName)
    {
        var kind = IsFilePart(parameter.Type) ? BodyKind.FilePart
            : IsCollection(parameter.Type, out var element) && element is not null && IsFilePart(element) ? BodyKind.FileParts
            : ClassifyBody(parameter.Type);
        var (format, isNullable) = ClassifySimpleType(parameter.Type);
        var value = format == ValueFormat.NotFormatted || kind == BodyKind.FilePart
            ? null
            : new ValueSource(name, format, isNullable, EnumFormatterFor(parameter.Type));
        return new(name, typeName, string.Empty, ParameterBinding.Part, partName, value, value is null ? kind : BodyKind.Text);
    }

    private static bool IsFilePart(ITypeSymbol type)
        => IsNamed(type, "Auth0ClientGen.StreamPart") || IsNamed(type, "Auth0ClientGen.ByteArrayPart");

    /// <summary>Whether the method is [Multipart], and its declared boundary (null for a random one per request).</summary>
    private bool IsMultipart(IMethodSymbol method, out string? boundary)
    {
        var attribute = FindAttribute(method, KnownTypeNames.MultipartAttribute);
        boundary = attribute?.ConstructorArguments.FirstOrDefault().Value as string;
        return attribute is not null;
    }

    /// <summary>
    /// A form body: a dictionary's entries, or an object's public properties named like query values. Reports and
    /// returns null for anything else.
    /// </summary>
    private ParameterModel? ParseFormBody(IMethodSymbol method, IParameterSymbol parameter, string name, string typeName, Location? location)
    {
        if (StringKeyedEntryType(parameter.Type) is { } valueType)
        {
            var (format, isNullable) = ClassifySimpleType(valueType);
            if (format == ValueFormat.NotFormatted)
            {
                Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "form");
                return null;
            }

            var entry = new QueryValue(string.Empty, new ValueSource(name, format, isNullable, EnumFormatterFor(valueType)), null, TypeName(valueType));
            return new(name, typeName, string.Empty, ParameterBinding.Body, parameter.Name, BodyKind: BodyKind.FormEntries, QueryValues: new EquatableArray<QueryValue>(ImmutableArray.Create(entry)));
        }

        var (simpleFormat, _) = ClassifySimpleType(parameter.Type);
        var fields = simpleFormat == ValueFormat.NotFormatted && !IsCollection(parameter.Type, out _)
            ? ParseQueryValues(method, parameter, name, parameter.Name, query: null, location)
            : null;
        if (fields is null)
        {
            if (simpleFormat != ValueFormat.NotFormatted || IsCollection(parameter.Type, out _))
            {
                Report(DiagnosticDescriptors.UnbindableParameter, location, parameter.Name, method.Name, parameter.Type.ToDisplayString(), "form, which takes a dictionary or an object");
            }

            return null;
        }

        return new(name, typeName, string.Empty, ParameterBinding.Body, parameter.Name, BodyKind: BodyKind.Form, QueryValues: fields.Value);
    }

    private static bool IsUrlEncoded(DeclaredAttribute body)
        => body.ConstructorArguments.Length == 1 && body.ConstructorArguments[0].Value is int method && method == 2;

    /// <summary>The value type of an <c>IEnumerable&lt;KeyValuePair&lt;string, TValue&gt;&gt;</c>, or null.</summary>
    private static ITypeSymbol? StringKeyedEntryType(ITypeSymbol type)
    {
        if (!IsCollection(type, out var element)
            || element is not INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair
            || !IsNamed(pair.OriginalDefinition, "System.Collections.Generic.KeyValuePair<TKey, TValue>")
            || pair.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            return null;
        }

        return pair.TypeArguments[1];
    }

    private static bool IsStringDictionary(ITypeSymbol type)
        => StringKeyedEntryType(type) is { SpecialType: SpecialType.System_String };

    /// <summary>Strings, bytes, streams and HttpContent are sent as they are; anything else becomes JSON.</summary>
    private static BodyKind ClassifyBody(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return BodyKind.Text;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return BodyKind.Bytes;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, KnownTypeNames.Stream))
            {
                return BodyKind.Stream;
            }

            if (IsNamed(current, KnownTypeNames.HttpContent))
            {
                return BodyKind.Content;
            }
        }

        return BodyKind.Json;
    }

    /// <summary>Decides how a simple value becomes text, or <see cref="ValueFormat.NotFormatted"/> for other types.</summary>
    private static (ValueFormat Format, bool IsNullableValueType) ClassifySimpleType(ITypeSymbol type)
    {
        var isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        var format = type.SpecialType switch
        {
            SpecialType.System_String => ValueFormat.String,
            SpecialType.System_Boolean => ValueFormat.Boolean,
            SpecialType.System_Char => ValueFormat.PlainToString,
            SpecialType.System_DateTime => ValueFormat.RoundTripDate,

            // The numbers are answered without the interface walk below, which is costly for them: each
            // implements some thirty generic math interfaces. Each has a public ToString(string, IFormatProvider).
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single
                or SpecialType.System_Double or SpecialType.System_Decimal => ValueFormat.Number,
            _ when type.TypeKind == TypeKind.Enum => ValueFormat.PlainToString,
            _ when IsNamed(type, "System.Uri") => ValueFormat.UriString,
            _ when IsNamed(type, "System.DateTimeOffset") || IsNamed(type, "System.DateOnly") || IsNamed(type, "System.TimeOnly")
                => ValueFormat.RoundTripDate,
            _ when type.IsValueType && type.AllInterfaces.Any(i => i.Arity == 0 && IsNamed(i, "System.IFormattable"))
                => HasPublicFormattingToString(type) ? ValueFormat.Invariant : ValueFormat.InvariantThroughInterface,
            _ => ValueFormat.NotFormatted,
        };
        return (format, isNullableValueType);
    }

    private static bool HasPublicFormattingToString(ITypeSymbol type)
        => type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m =>
            m.DeclaredAccessibility == Accessibility.Public
            && m.Parameters.Length == 2
            && m.Parameters[0].Type.SpecialType == SpecialType.System_String
            && IsNamed(m.Parameters[1].Type, "System.IFormatProvider"));

    /// <summary>Why a header cannot come from a parameter, or null when it can.</summary>
    private static string? ReservedHeaderReason(string name)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return "the client sets it to the Auth0 bearer token; use [AllowAnonymous] with a custom handler to send another";
        }

        if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
        {
            return "HttpClient manages it from the address and the connection";
        }

        if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Allow", StringComparison.OrdinalIgnoreCase))
        {
            return "it describes the request body, which the [Body] parameter's content sets";
        }

        return null;
    }

    /// <summary>Whether the name is an HTTP token (RFC 9110), which is what a header name must be.</summary>
    private static bool IsHttpToken(string name)
    {
        foreach (var c in name)
        {
            var isTokenChar = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!isTokenChar)
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
