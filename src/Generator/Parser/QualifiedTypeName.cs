using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Writes the common shapes of type names the way Roslyn displays them in the parser's two formats: as code, in
/// <c>SymbolDisplayFormat.FullyQualifiedFormat</c> with nullable reference annotations
/// (<c>global::System.Threading.Tasks.Task&lt;global::Shop.Order?&gt;</c>, <c>int?</c>, <c>string</c>), and as the full
/// names the parser compares (<c>System.Threading.Tasks.Task&lt;TResult&gt;</c>).
/// </summary>
/// <remarks>
/// Why: the parser names the return type, the result type and every parameter type of every method, and compares
/// full names to recognise Task, ApiResponse and the rest; Roslyn's display machinery was a noticeable part of a
/// cold run. This covers top-level named types, their type arguments,
/// keywords for the special types, <c>T?</c> for nullable value types and annotated reference types, and type
/// parameters. Anything else (arrays, tuples, nested, pointer, error and native-integer types, names that are
/// keywords of any kind) returns null and the caller asks Roslyn; a test compares both on every type the test
/// sources and fuzz cases declare.
/// </remarks>
internal static class QualifiedTypeName
{
    // One builder per thread, reused: names are written for every parameter of every method, and a new builder
    // grows several times for a name such as "global::System.Threading.Tasks.Task<...>".
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>The name as C# code can use it anywhere, or null for a shape this class leaves to Roslyn.</summary>
    public static string? TryWrite(ITypeSymbol type) => Write(type, asCode: true);

    /// <summary>
    /// The name as the parser compares names, with namespaces, type arguments and CLR names but no <c>global::</c>,
    /// keywords or nullable annotations (<c>System.Threading.Tasks.Task&lt;System.Int32&gt;</c>), or null for a shape
    /// this class leaves to Roslyn.
    /// </summary>
    public static string? TryWriteFullName(ITypeSymbol type) => Write(type, asCode: false);

    private static string? Write(ITypeSymbol type, bool asCode)
    {
        // Taken while in use, so a nested call (there is none today) would get a builder of its own.
        var text = t_builder ?? new StringBuilder(128);
        t_builder = null;
        var name = TryWrite(type, text, asCode) ? text.ToString() : null;
        text.Clear();
        t_builder = text;
        return name;
    }

    private static bool TryWrite(ITypeSymbol type, StringBuilder text, bool asCode)
    {
        if (type is ITypeParameterSymbol typeParameter)
        {
            if (IsKeyword(typeParameter.Name))
            {
                return false;
            }

            text.Append(typeParameter.Name);
            return !asCode || AppendAnnotation(type, text);
        }

        if (type is not INamedTypeSymbol named
            || named.TypeKind == TypeKind.Error
            || named.IsTupleType
            || named.IsAnonymousType
            || named.IsNativeIntegerType
            || named.ContainingType is not null
            || named.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            return false;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            // Nullable<T> itself is displayed in full; the full names the parser compares are left to Roslyn.
            if (!asCode || named.IsDefinition)
            {
                return false;
            }

            // int? rather than Nullable<int>; a nullable of a nullable is a compiler error the caller handles.
            var underlying = named.TypeArguments[0];
            if (underlying.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || !TryWrite(underlying, text, asCode))
            {
                return false;
            }

            text.Append('?');
            return true;
        }

        if (asCode && Keyword(named.SpecialType) is { } keyword)
        {
            text.Append(keyword);
            return AppendAnnotation(type, text);
        }

        if (IsKeyword(named.Name) || !AppendNamespace(named.ContainingNamespace, text, asCode))
        {
            return false;
        }

        text.Append(named.Name);
        if (named.TypeArguments.Length > 0)
        {
            text.Append('<');
            for (var i = 0; i < named.TypeArguments.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                if (!TryWrite(named.TypeArguments[i], text, asCode))
                {
                    return false;
                }
            }

            text.Append('>');
        }

        return !asCode || AppendAnnotation(type, text);
    }

    private static bool AppendNamespace(INamespaceSymbol? @namespace, StringBuilder text, bool asCode)
    {
        if (@namespace is null)
        {
            return false;
        }

        if (@namespace.IsGlobalNamespace)
        {
            if (asCode)
            {
                text.Append("global::");
            }

            return true;
        }

        if (IsKeyword(@namespace.Name) || !AppendNamespace(@namespace.ContainingNamespace, text, asCode))
        {
            return false;
        }

        text.Append(@namespace.Name).Append('.');
        return true;
    }

    /// <summary>A reference type or type parameter annotated with ? shows it; a value type never has one here.</summary>
    private static bool AppendAnnotation(ITypeSymbol type, StringBuilder text)
    {
        if (type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            if (type.IsValueType)
            {
                return false;
            }

            text.Append('?');
        }

        return true;
    }

    private static bool IsKeyword(string name)
        => name.Length == 0
            || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None;

    private static string? Keyword(SpecialType type) => type switch
    {
        SpecialType.System_Object => "object",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_String => "string",
        SpecialType.System_Void => "void",
        _ => null,
    };
}
