using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Auth0ClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Auth0ClientGen.Generator.Parser;

/// <summary>
/// Hands back an interface's <see cref="ParseResult"/> from the previous run when no edit since could have changed
/// it, so that an edit elsewhere in the project does not bind every API interface again.
/// </summary>
/// <remarks>
/// <para>
/// ForAttributeWithMetadataName runs its transform for every matching interface whenever the compilation changes,
/// and the driver cannot key a step on anything narrower than the compilation. This cache does it instead, from
/// syntax only. A result is reused when the interface's own file is the same syntax tree, the compilation's
/// options, references and assembly name are the same, the files that stayed are in the same order, and every file
/// that changed since the result was made (edited, added or removed) both
/// </para>
/// <list type="bullet">
/// <item>keeps its <see cref="TreeOutline"/>: it declares the same namespaces and types with the same modifiers and
/// bases, and has the same using directives, so every name binds as before in every other file; and</item>
/// <item>declares no type whose simple name the interface can reach: the names written in the interface's file,
/// in any using directive, and the client's name, then transitively every name written in a declaration of a
/// type with one of those names (with and without the Attribute suffix).</item>
/// </list>
/// <para>
/// Everything the parser reads is a symbol found by binding a name written in one of those places, or a member,
/// base, attribute or constant of such a symbol, declared in a file that declares a type of that name. Metadata
/// cannot change while the references are the same objects. So an edit that passes both checks leaves every symbol
/// the parser reads as it was. The check is conservative: an edit to a file that declares an unrelated type of
/// the same simple name, or that adds any type anywhere, parses the interface again.
/// </para>
/// <para>
/// One cache belongs to one pipeline, made in Initialize, so a new driver starts empty. It holds no compilation:
/// only the syntax trees of the compilation it last saw, and plain results.
/// </para>
/// </remarks>
internal sealed class ParseResultCache
{
    // An outline depends on its tree alone, so every cache shares them, and each goes when its tree does.
    private static readonly ConditionalWeakTable<SyntaxTree, TreeOutline> Outlines = new();

    // The results by the tree of their interface. A plain dictionary, trimmed to the trees of the newest
    // compilation, rather than a weak table keyed by the trees: trees outlive drivers (the IDE keeps its documents
    // when it makes a new driver), and a weak table keeps a value alive for as long as its key lives unless the
    // table itself is collected first, so every driver ever made would have kept its results, and every garbage
    // collection would have walked them (in the cold-run benchmark that was a sixth of the run).
    private readonly Dictionary<SyntaxTree, Dictionary<TextSpanKey, Entry>> _entries = new();

    // A state holds nothing of the cache, so a compilation that outlives its driver keeps only its own state alive.
    private readonly ConditionalWeakTable<Compilation, CompilationState> _states = new();
    private int _reusedCount;
    private int _readFromSyntaxCount;

    /// <summary>Whether the parser reads plain attributes from syntax; tests turn it off to compare.</summary>
    public bool ReadAttributesFromSyntax { get; init; } = true;

    /// <summary>How many methods and parameters had their attributes read from syntax, so tests can see it happen.</summary>
    public int ReadFromSyntaxCount => Volatile.Read(ref _readFromSyntaxCount);

    /// <summary>How many results were handed back rather than parsed again, so that tests can see reuse happen.</summary>
    public int ReusedCount => Volatile.Read(ref _reusedCount);

    public ParseResult GetOrParse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var tree = context.TargetNode.SyntaxTree;
        var key = new TextSpanKey(context.TargetNode.Span.Start, context.TargetNode.Span.Length);
        var state = _states.GetValue(compilation, NewState);
        Dictionary<TextSpanKey, Entry>? entries;
        lock (_entries)
        {
            if (!_entries.TryGetValue(tree, out entries))
            {
                _entries.Add(tree, entries = []);
            }
        }

        Entry? entry;
        lock (entries)
        {
            entries.TryGetValue(key, out entry);
        }

        if (entry is not null && CanReuse(entry, state, tree, cancellationToken))
        {
            lock (entries)
            {
                entries[key] = entry with { State = state };
            }

            Interlocked.Increment(ref _reusedCount);
            return entry.Result;
        }

        var reader = ReadAttributesFromSyntax ? new SyntaxAttributeReader(NameCensus.Of(compilation)) : null;
        var result = ApiParser.Parse(context, reader, cancellationToken);
        if (reader is not null)
        {
            Interlocked.Add(ref _readFromSyntaxCount, reader.ReadCount);
        }

        var clientName = context.TargetSymbol is INamedTypeSymbol @interface
            ? ApiParser.GetClientName(@interface)
            : string.Empty;
        lock (entries)
        {
            entries[key] = new Entry(state, result, clientName);
        }

        return result;
    }

    private static TreeOutline OutlineOf(SyntaxTree tree, CancellationToken cancellationToken)
        => Outlines.GetValue(tree, t => TreeOutline.Read(t, cancellationToken));

    /// <summary>
    /// The state of a compilation seen for the first time, after dropping the results of interfaces in trees it
    /// no longer has: an edited file is a new tree, and the old one could never be reused again.
    /// </summary>
    /// <remarks>
    /// Two compilations run at once (the IDE may run a partial one beside the full one) can drop each other's
    /// results; the cost is a parse that could have been reused, never a wrong result.
    /// </remarks>
    private CompilationState NewState(Compilation compilation)
    {
        var state = new CompilationState(compilation);
        lock (_entries)
        {
            foreach (var tree in _entries.Keys.Where(tree => !state.Contains(tree)).ToList())
            {
                _entries.Remove(tree);
            }
        }

        return state;
    }

    private bool CanReuse(
        Entry entry,
        CompilationState state,
        SyntaxTree interfaceTree,
        CancellationToken cancellationToken)
    {
        if (ReferenceEquals(entry.State, state))
        {
            return true;
        }

        var changes = state.ChangesSince(entry.State, cancellationToken);
        if (changes is null)
        {
            return false;
        }

        return changes.Count == 0
            || !state.Reaches(interfaceTree, entry.ClientName, changes, cancellationToken);
    }

    private readonly record struct TextSpanKey(int Start, int Length);

    private sealed record Entry(CompilationState State, ParseResult Result, string ClientName);

    /// <summary>What the cache keeps of one compilation: its trees and what else can change binding.</summary>
    private sealed class CompilationState
    {
        private readonly CompilationOptions _options;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly string? _assemblyName;
        private readonly bool _isScript;
        private readonly HashSet<SyntaxTree> _trees;
        private readonly ImmutableArray<SyntaxTree> _order;
        private readonly object _gate = new();

        // The last comparison made, since every entry usually asks about the same previous compilation. Held weakly,
        // or each state would keep every earlier one, with its trees, alive.
        private (WeakReference<CompilationState> Previous, HashSet<string>? Changes)? _lastChanges;
        private Dictionary<string, List<TreeOutline>>? _declarationsByName;
        private HashSet<string>? _usingIdentifiers;

        public CompilationState(Compilation compilation)
        {
            _options = compilation.Options;
            _references = compilation.References.ToImmutableArray();
            _assemblyName = compilation.AssemblyName;
            _isScript = compilation.ScriptCompilationInfo is not null;
            _order = compilation.SyntaxTrees.ToImmutableArray();
            _trees = new HashSet<SyntaxTree>(_order);
        }

        public bool Contains(SyntaxTree tree) => _trees.Contains(tree);

        /// <summary>
        /// The simple names of the types declared in the files that changed since <paramref name="previous"/>, or
        /// null when a change could alter binding anywhere.
        /// </summary>
        public HashSet<string>? ChangesSince(CompilationState previous, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_lastChanges is { } last
                    && last.Previous.TryGetTarget(out var target)
                    && ReferenceEquals(target, previous))
                {
                    return last.Changes;
                }

                var changes = Compare(previous, cancellationToken);
                _lastChanges = (new WeakReference<CompilationState>(previous), changes);
                return changes;
            }
        }

        private HashSet<string>? Compare(CompilationState previous, CancellationToken cancellationToken)
        {
            if (_isScript || previous._isScript
                || !Equals(_options, previous._options)
                || _assemblyName != previous._assemblyName
                || !_references.SequenceEqual(previous._references))
            {
                return null;
            }

            // A partial type lists its members, and its locations, in the order of its files in the compilation.
            // A tree that changed is checked below with the names it declares, wherever it moved; the order of
            // the others must be the same.
            var kept = _order.Where(previous._trees.Contains);
            var keptBefore = previous._order.Where(_trees.Contains);
            if (!kept.SequenceEqual(keptBefore))
            {
                return null;
            }

            var removed = previous._trees.Where(tree => !_trees.Contains(tree))
                .Select(tree => OutlineOf(tree, cancellationToken))
                .ToList();
            var added = _trees.Where(tree => !previous._trees.Contains(tree))
                .Select(tree => OutlineOf(tree, cancellationToken))
                .ToList();
            var removedTexts = removed.Select(outline => outline.Text).OrderBy(text => text, StringComparer.Ordinal);
            var addedTexts = added.Select(outline => outline.Text).OrderBy(text => text, StringComparer.Ordinal);
            if (!removedTexts.SequenceEqual(addedTexts, StringComparer.Ordinal))
            {
                return null;
            }

            return new HashSet<string>(removed.Concat(added).SelectMany(outline => outline.IdentifiersByTypeName.Keys));
        }

        /// <summary>
        /// Whether any of <paramref name="typeNames"/> can be reached from the interface's file: see the remarks on
        /// <see cref="ParseResultCache"/>.
        /// </summary>
        public bool Reaches(
            SyntaxTree interfaceTree,
            string clientName,
            HashSet<string> typeNames,
            CancellationToken cancellationToken)
        {
            Dictionary<string, List<TreeOutline>> declarationsByName;
            HashSet<string> usingIdentifiers;
            lock (_gate)
            {
                if (_declarationsByName is null || _usingIdentifiers is null)
                {
                    _declarationsByName = [];
                    _usingIdentifiers = [];
                    foreach (var tree in _trees)
                    {
                        var outline = OutlineOf(tree, cancellationToken);
                        _usingIdentifiers.UnionWith(outline.UsingIdentifiers);
                        foreach (var name in outline.IdentifiersByTypeName.Keys)
                        {
                            if (!_declarationsByName.TryGetValue(name, out var declarations))
                            {
                                _declarationsByName[name] = declarations = [];
                            }

                            declarations.Add(outline);
                        }
                    }
                }

                declarationsByName = _declarationsByName;
                usingIdentifiers = _usingIdentifiers;
            }

            var seen = new HashSet<string>();
            var pending = new Stack<string>();
            var roots = OutlineOf(interfaceTree, cancellationToken).Identifiers
                .Concat(usingIdentifiers)
                .Append(clientName);
            foreach (var name in roots)
            {
                pending.Push(name);
            }

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var written = pending.Pop();

                // [Get] may name GetAttribute.
                foreach (var name in new[] { written, written + "Attribute" })
                {
                    if (!seen.Add(name))
                    {
                        continue;
                    }

                    if (typeNames.Contains(name))
                    {
                        return true;
                    }

                    if (declarationsByName.TryGetValue(name, out var declarations))
                    {
                        foreach (var declaration in declarations)
                        {
                            foreach (var identifier in declaration.IdentifiersByTypeName[name])
                            {
                                pending.Push(identifier);
                            }
                        }
                    }
                }
            }

            return false;
        }
    }
}
