using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Auth0ClientGen.Generator.Diagnostics;
using Auth0ClientGen.Generator.Helpers;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

internal sealed partial class ApiParser
{
    /// <summary>
    /// Merges <c>[Headers]</c> from the [Auth0Api] interface, the interface that declares the method, and the
    /// method, in that order: a later header of the same name wins, and a name without a value removes it.
    /// </summary>
    private EquatableArray<StaticHeader> ParseStaticHeaders(INamedTypeSymbol declaringInterface, IMethodSymbol method)
    {
        var merged = new List<StaticHeader>();
        IEnumerable<ISymbol> sources = SymbolEqualityComparer.Default.Equals(declaringInterface, _interface)
            ? [_interface, method]
            : [_interface, declaringInterface, method];
        foreach (var source in sources)
        {
            var attribute = FindAttribute(source, KnownTypeNames.HeadersAttribute);
            if (attribute is null)
            {
                continue;
            }

            var values = attribute.ConstructorArguments.FirstOrDefault();
            var entries = values.Kind != TypedConstantKind.Array ? ImmutableArray.Create(values) : values.Values;
            for (var i = 0; i < entries.Length; i++)
            {
                if (ParseStaticHeader(entries[i].Value as string, HeaderArgumentLocation(attribute, i)) is not { } header)
                {
                    continue;
                }

                merged.RemoveAll(existing => string.Equals(existing.Name, header.Name, StringComparison.OrdinalIgnoreCase));
                if (header.Value.Length > 0)
                {
                    merged.Add(header);
                }
            }
        }

        return merged.ToEquatableArray();
    }

    /// <summary>
    /// The union of <c>[Scopes]</c> on the [Auth0Api] interface, the declaring interface and the method, sorted
    /// so that equal sets give equal strings and share one cached token; null when there are none.
    /// </summary>
    private string? ParseScopes(INamedTypeSymbol declaringInterface, IMethodSymbol method)
    {
        SortedSet<string>? scopes = null;

        // Listed without Distinct, which would hash the symbols: only the two interfaces can be one.
        ISymbol[] sources = SymbolEqualityComparer.Default.Equals(declaringInterface, _interface)
            ? [_interface, method]
            : [_interface, declaringInterface, method];
        foreach (var source in sources)
        {
            var attribute = FindAttribute(source, KnownTypeNames.ScopesAttribute);
            var values = attribute?.ConstructorArguments.FirstOrDefault() ?? default;
            if (attribute is null || values.Kind != TypedConstantKind.Array || values.IsNull)
            {
                continue;
            }

            for (var i = 0; i < values.Values.Length; i++)
            {
                var scope = values.Values[i].Value as string;
                if (string.IsNullOrEmpty(scope) || scope!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"' || c == '\\'))
                {
                    Report(DiagnosticDescriptors.InvalidScope, HeaderArgumentLocation(attribute, i), scope ?? "null");
                    continue;
                }

                (scopes ??= new SortedSet<string>(StringComparer.Ordinal)).Add(scope!);
            }
        }

        return scopes is null ? null : string.Join(" ", scopes);
    }

    /// <summary>Splits <c>"Name: value"</c>; reports and returns null when it is malformed.</summary>
    private StaticHeader? ParseStaticHeader(string? text, Location? location)
    {
        if (text is null)
        {
            Report(DiagnosticDescriptors.MalformedStaticHeader, location, "null", "a header cannot be null");
            return null;
        }

        var colon = text.IndexOf(':');
        var name = (colon < 0 ? text : text.Substring(0, colon)).Trim();
        var value = colon < 0 ? string.Empty : text.Substring(colon + 1).Trim();
        if (!IsHttpToken(name))
        {
            Report(DiagnosticDescriptors.MalformedStaticHeader, location, text, "write it as \"Name: value\", with a name made of letters, digits and '-'");
            return null;
        }

        if (value.Any(c => c < 0x20 && c != '\t' || c == 0x7F))
        {
            Report(DiagnosticDescriptors.MalformedStaticHeader, location, text, "the value contains a line break or another control character");
            return null;
        }

        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
        {
            Report(DiagnosticDescriptors.MalformedStaticHeader, location, text, "the client or HttpClient sets this header itself");
            return null;
        }

        return new StaticHeader(name, value);
    }

    private static Location? HeaderArgumentLocation(DeclaredAttribute attribute, int index)
    {
        if (attribute.Syntax is not { } syntax)
        {
            return null;
        }

        var arguments = syntax.ArgumentList?.Arguments;
        return arguments is { Count: > 0 } list
            ? (index < list.Count ? list[index] : list[list.Count - 1]).GetLocation()
            : syntax.GetLocation();
    }
}
