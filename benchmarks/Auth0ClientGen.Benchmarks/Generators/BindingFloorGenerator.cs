using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Benchmarks.Generators;

/// <summary>
/// A reference, not a contender: what a generator pays to read these interfaces before doing any work of its own.
/// It finds each <c>[Auth0Api]</c> interface with ForAttributeWithMetadataName and, when
/// <paramref name="bindMembers"/> is true, touches what a client generator must bind: every member, its return and
/// parameter types, and the attributes on the method and its parameters. It writes nothing, so its time is the
/// compiler's binding plus the driver's own bookkeeping. With <paramref name="bindMembers"/> false it is the cost of
/// the match alone, which every run of a generator built on ForAttributeWithMetadataName pays after any edit.
/// </summary>
/// <remarks>
/// It has no [Generator] attribute: the benchmark creates it directly, and the attribute would make this program an
/// analyzer assembly.
/// </remarks>
public sealed class BindingFloorGenerator(bool bindMembers) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The same match as Auth0ApiGenerator's first step; the result is a number, so it compares cheaply.
        var touched = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Auth0ClientGen.Auth0ApiAttribute",
            predicate: static (node, _) => node is InterfaceDeclarationSyntax,
            transform: (context, _) => bindMembers ? Touch((INamedTypeSymbol)context.TargetSymbol) : 0);

        // A step no output reads is never run, so one output reads it and writes nothing.
        context.RegisterSourceOutput(touched, static (_, _) => { });
    }

    private static int Touch(INamedTypeSymbol @interface)
    {
        var count = @interface.GetAttributes().Length;
        foreach (var method in @interface.GetMembers().OfType<IMethodSymbol>())
        {
            count += method.GetAttributes().Length + TypeArguments(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                count += parameter.GetAttributes().Length + TypeArguments(parameter.Type);
            }
        }

        return count;
    }

    private static int TypeArguments(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true } named ? named.TypeArguments.Sum(TypeArguments) + 1 : 0;
}
