using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Benchmarks.Generators;

/// <summary>How much of an API interface a <see cref="BindingFloorGenerator"/> binds.</summary>
public enum FloorWork
{
    /// <summary>
    /// Only ForAttributeWithMetadataName's match of <c>[Auth0Api]</c> interfaces, which every run of a generator built
    /// on it pays after any edit.
    /// </summary>
    MatchOnly,

    /// <summary>
    /// The match, then every member's return and parameter types: what a generator must know to write a method's
    /// signature and to tell a CancellationToken or an int from a body, whatever it does about attributes.
    /// </summary>
    BindSignatures,

    /// <summary>The signatures, and the attributes of every method and parameter, bound by the compiler.</summary>
    BindMembers,
}

/// <summary>
/// A reference, not a contender: what a generator pays to read these interfaces before doing any work of its own.
/// It finds each <c>[Auth0Api]</c> interface with ForAttributeWithMetadataName and binds what <paramref name="work"/>
/// says. It writes nothing, so its time is the compiler's binding plus the driver's own bookkeeping.
/// </summary>
/// <remarks>
/// It has no [Generator] attribute: the benchmark creates it directly, and the attribute would make this program an
/// analyzer assembly.
/// </remarks>
public sealed class BindingFloorGenerator(FloorWork work) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The same match as Auth0ApiGenerator's first step; the result is a number, so it compares cheaply.
        var touched = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Auth0ClientGen.Auth0ApiAttribute",
            predicate: static (node, _) => node is InterfaceDeclarationSyntax,
            transform: (context, _) => work == FloorWork.MatchOnly ? 0 : Touch((INamedTypeSymbol)context.TargetSymbol, work));

        // A step no output reads is never run, so one output reads it and writes nothing.
        context.RegisterSourceOutput(touched, static (_, _) => { });
    }

    private static int Touch(INamedTypeSymbol @interface, FloorWork work)
    {
        var bindAttributes = work == FloorWork.BindMembers;
        var count = bindAttributes ? @interface.GetAttributes().Length : 0;
        foreach (var method in @interface.GetMembers().OfType<IMethodSymbol>())
        {
            count += (bindAttributes ? method.GetAttributes().Length : 0) + TypeArguments(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                count += (bindAttributes ? parameter.GetAttributes().Length : 0) + TypeArguments(parameter.Type);
            }
        }

        return count;
    }

    private static int TypeArguments(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true } named ? named.TypeArguments.Sum(TypeArguments) + 1 : 0;
}
