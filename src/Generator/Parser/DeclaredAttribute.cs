using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// An attribute as the parser reads it: the full name of its class, its arguments and where it is written. Made
/// from the compiler's <see cref="AttributeData"/>, or, for our own attributes written plainly on a method or a
/// parameter, straight from the syntax (see <see cref="SyntaxAttributeReader"/>); the parser cannot tell which.
/// </summary>
internal sealed class DeclaredAttribute(
    string className,
    ImmutableArray<AttributeArgument> constructorArguments,
    ImmutableArray<KeyValuePair<string, AttributeArgument>> namedArguments,
    AttributeSyntax? syntax)
{
    /// <summary>The class's namespace-qualified name, such as <c>Auth0ClientGen.GetAttribute</c>; empty when unknown.</summary>
    public string ClassName { get; } = className;

    public ImmutableArray<AttributeArgument> ConstructorArguments { get; } = constructorArguments;

    public ImmutableArray<KeyValuePair<string, AttributeArgument>> NamedArguments { get; } = namedArguments;

    /// <summary>Where the attribute is written, when it is in source.</summary>
    public AttributeSyntax? Syntax { get; } = syntax;

    /// <summary>The class's name without namespace and without the "Attribute" suffix, as users write it.</summary>
    public string ShortName
    {
        get
        {
            var name = ClassName.Substring(ClassName.LastIndexOf('.') + 1);
            return name.EndsWith("Attribute", System.StringComparison.Ordinal)
                ? name.Substring(0, name.Length - "Attribute".Length)
                : name;
        }
    }

    /// <summary>The single constructor argument when it is a string; null otherwise.</summary>
    public string? FirstStringArgument => ConstructorArguments.Length == 1 ? ConstructorArguments[0].Value as string : null;

    public static DeclaredAttribute FromData(AttributeData data, CancellationToken cancellationToken)
        => new(
            data.AttributeClass is { } type ? ApiParser.FullName(type) : string.Empty,
            data.ConstructorArguments.Select(AttributeArgument.From).ToImmutableArray(),
            data.NamedArguments.Select(named => new KeyValuePair<string, AttributeArgument>(named.Key, AttributeArgument.From(named.Value))).ToImmutableArray(),
            data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);
}

/// <summary>One argument of a <see cref="DeclaredAttribute"/>, with the meaning <see cref="TypedConstant"/> gives it.</summary>
internal readonly struct AttributeArgument(TypedConstantKind kind, object? value, bool isNull, ImmutableArray<AttributeArgument> values)
{
    public TypedConstantKind Kind { get; } = kind;

    /// <summary>The value; for an enum, its underlying number; null for an array.</summary>
    public object? Value { get; } = value;

    public bool IsNull { get; } = isNull;

    private readonly ImmutableArray<AttributeArgument> _values = values;

    /// <summary>The elements of an array; empty for anything else, and for <c>default</c>.</summary>
    public ImmutableArray<AttributeArgument> Values => _values.IsDefault ? ImmutableArray<AttributeArgument>.Empty : _values;

    public static AttributeArgument From(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Array
            ? new(constant.Kind, null, constant.IsNull, constant.IsNull ? ImmutableArray<AttributeArgument>.Empty : constant.Values.Select(From).ToImmutableArray())
            : new(constant.Kind, constant.Value, constant.IsNull, ImmutableArray<AttributeArgument>.Empty);

    public static AttributeArgument String(string value) => new(TypedConstantKind.Primitive, value, false, ImmutableArray<AttributeArgument>.Empty);

    public static AttributeArgument StringArray(ImmutableArray<AttributeArgument> values) => new(TypedConstantKind.Array, null, false, values);
}
