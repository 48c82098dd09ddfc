using System;
using System.Linq;
using System.Reflection;

namespace Auth0ClientGen.RefitParity.Tests.Corpus;

/// <summary>
/// An argument that is made when the call is made, by the side that makes it: a value that can be sent only once,
/// such as a stream, or an instance of a model each side compiles with its own attributes.
/// </summary>
public abstract record CorpusArgument
{
    /// <summary>Makes the value for one call on the side whose corpus is <paramref name="corpus"/>.</summary>
    public abstract object? Create(Assembly corpus);

    /// <summary>A value made anew for every call, for streams and contents that are consumed by sending.</summary>
    public static CorpusArgument Fresh(Func<object?> create) => new FreshArgument(create);

    /// <summary>
    /// An instance of a model from <see cref="ParityCorpus.SideModels"/>, which each side compiles with its own
    /// <c>[AliasAs]</c> and <c>[Query]</c>, with the named properties set.
    /// </summary>
    public static CorpusArgument Model(string typeName, params (string Name, object? Value)[] properties)
        => new ModelArgument(typeName, properties);

    private sealed record FreshArgument(Func<object?> Make) : CorpusArgument
    {
        public override object? Create(Assembly corpus) => Make();
    }

    private sealed record ModelArgument(string TypeName, (string Name, object? Value)[] Properties) : CorpusArgument
    {
        public override object? Create(Assembly corpus)
        {
            var type = corpus.GetType($"{Harness.CorpusCompiler.CorpusNamespace}.{TypeName}", throwOnError: true)!;
            var instance = Activator.CreateInstance(type)!;
            foreach (var (name, value) in Properties)
            {
                var property = type.GetProperty(name)
                    ?? throw new ArgumentException($"{TypeName} has no property {name}.", nameof(Properties));
                property.SetValue(instance, value);
            }

            return instance;
        }

        public override string ToString()
        {
            var properties = Properties.Select(property => $"{property.Name} = {property.Value}");
            return $"{TypeName} {{ {string.Join(", ", properties)} }}";
        }
    }
}
