using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Auth0ClientGen.Generator.Tests.Fuzzing;

/// <summary>One generated source file for the fuzzer, and the mutations that made it.</summary>
internal sealed record FuzzCase(int Index, string Source, IReadOnlyList<string> Mutations)
{
    public override string ToString() => $"case {Index} ({string.Join(", ", Mutations)})";
}

/// <summary>
/// Derives hostile <c>[Auth0Api]</c> interfaces from the parity corpus. A case takes one to three corpus methods,
/// mutates their attributes, route templates, parameters and types, and sometimes the interface around them or the
/// code around that. Every choice comes from a <see cref="Random"/> seeded by the run's seed and the case's index,
/// so a case can be rebuilt from those two numbers alone.
/// </summary>
internal static class DeclarationMutator
{
    public const string Namespace = "Fuzz";
    public const string InterfaceName = "IFuzzApi";

    private static readonly string[] HttpMethods = ["Get", "Post", "Put", "Patch", "Delete", "Head", "Options"];

    private static readonly string[] HostileTemplates =
    [
        "{", "}", "{}", "{id}{id}", "{**}", "{{id}}", "{ id }", "{**a}/{**b}", "{**id}/{id}", "{a.b.c}", "{a.}",
        "{.a}", "{id:int}", "{id?}", "{*id}", "{id}}", "{{", "}{", "/café/日本/{名前}", "/😀/{id}", "\u202e", "\0", "\t",
        "\r\n", " ", "?", "?{q}", "?a={a}&a={a}", "#fragment", "%", "%2F", "%2e%2e", "/..", "/./", "//", "\\",
        "http://other.example/x", "//other.example/x", "{" + new string('a', 600) + "}", new string('/', 300),
    ];

    private static readonly string[] TemplateExpressions =
    [
        "\"\"", "null", "default", "nameof(Fuzz)", "\"/a/\" + \"{id}\"", "Route", "1", "$\"/{nameof(Fuzz)}\"",
    ];

    private static readonly string[] MethodAttributes =
    [
        "Get(\"/x\")", "Post(\"/x/{id}\")", "Get", "Get(\"/a\", \"/b\")", "Get(path: \"/n\")", "Headers(\"X-A: 1\")",
        "Headers(\"\")", "Headers(null)", "Headers(\"X-A:\\r\\nX-Evil: 1\")", "Headers(\": nothing\")",
        "Headers(\"Bad Name: 1\")", "Headers(\"Host: other.example\")", "Headers(\"Authorization: Bearer x\")",
        "Headers(\"Content-Length: 5\")", "Scopes()", "Scopes(null)", "Scopes(\"read:x\", \"read:x\")",
        "Scopes(\"\")", "Scopes(\"a b\")", "AllowAnonymous", "Multipart", "Multipart(\"\")",
        "Multipart(\"\\r\\n\")", "Body", "Obsolete", "Auth0Api", "Query", "AliasAs(\"x\")",
    ];

    private static readonly string[] ParameterAttributes =
    [
        "Body", "Body(BodySerializationMethod.UrlEncoded)", "Body((BodySerializationMethod)99)", "Query",
        "Query(null)", "Query(\"\")", "Query((CollectionFormat)42)", "Query(CollectionFormat.Csv)",
        "Query(\".\", \"p\")", "Query(null, null)", "Header(\"X-A\")", "Header(\"\")", "Header(null)",
        "Header(\"Bad Name\")", "Header(\"X-A\\r\\n\")", "Header(\"Content-Type\")", "Header(\"Authorization\")",
        "Header(\"Host\")", "Header(\"Content-Length\")", "AliasAs(\"\")", "AliasAs(null)", "AliasAs(\"{x}\")",
        "AliasAs(\"a b\")", "AliasAs(\"id\")", "AliasAs(\"é\")", "HeaderCollection", "Get(\"/x\")", "Obsolete",
        "Scopes(\"x\")",
    ];

    private static readonly string[] UnusualTypes =
    [
        "(int, string)", "(int Id, string? Name)?", "ValueTuple", "int*", "void*", "delegate*<int, void>", "dynamic",
        "dynamic?", "List<dynamic>", "Dictionary<string, List<Tuple<int, string?>>>", "int?[]", "string?[][]",
        "int[,]", "Dictionary<(int, int), int?[]>", "IEnumerable<IEnumerable<int?>>", "Task<int>", "Action",
        "Func<int>", "object", "object?", "Span<int>", "ReadOnlySpan<char>", "Memory<byte>", "TypedReference",
        "nint", "nuint", "T", "Missing", "System.IO.Stream", "HttpContent", "byte[]", "CancellationToken",
        "CancellationToken?", "IDictionary<string, string>", "IDictionary<string, object?>", "Shade[]",
        "KeyValuePair<string, int>[]", "Widget?", "Nullable<Nullable<int>>", "Lazy<Widget>", "IAsyncEnumerable<int>",
        "string", "int", "Guid?", "DateTimeOffset",
    ];

    private static readonly string[] UnusualReturnTypes =
    [
        "Task<(int, string)>", "Task<(int Id, string Name)?>", "Task<dynamic>", "Task<dynamic?>", "Task<int*[]>",
        "Task<int?[]>", "Task<string?[][]>", "Task<Dictionary<string, List<int?>>>", "ValueTask<object>",
        "Task<Task<string>>", "Task<ApiResponse<ApiResponse<int>>>", "Task<Span<int>>", "Task<T>", "Task<Missing>",
        "IAsyncEnumerable<(int, int)>", "IAsyncEnumerable<dynamic>", "Task<HttpResponseMessage?>", "Task<Stream?>",
        "Task?", "ValueTask", "Task<int[,]>", "Task<Action>", "void", "ref int", "Task<ApiResponse<Stream>>",
        "Task<IAsyncEnumerable<int>>", "Task<Nullable<int>>", "Task<object?>", "Task<ValueTuple>",
    ];

    private static readonly string[] ParameterModifiers =
        ["ref", "out", "in", "params", "ref readonly", "scoped", "scoped ref", "this"];

    private static readonly string[] DefaultValues = ["null", "default", "\"x\"", "5", "default!", "null!"];

    private static readonly string[] MethodModifiers = ["static", "abstract", "public", "new", "unsafe", "sealed"];

    private static readonly string[] InterfaceMembers =
    [
        "string Name { get; }", "event EventHandler? Changed;", "int this[int i] { get; }",
        "static Task Ping() => Task.CompletedTask;", "Task Defaulted() => Task.CompletedTask;",
        "const string Route = \"/const/{id}\";", "void Plain();", "[Get(\"/static\")] static Task<string> S() => null!;",
        "[Get(\"/defaulted\")] Task<string> D() => Task.FromResult(\"x\");",
        "[Get(\"/prop\")] string Property { get; }",
    ];

    private static readonly string[] ApiAttributes =
    [
        "", "[Auth0Api, Auth0Api]", "[Auth0Api(Audience = null)]", "[Auth0Api(Audience = \"\")]",
        "[Auth0Api(BaseUrl = \"not a url\")]", "[Auth0Api(BaseUrl = \"http://x/{id}\")]",
        "[Auth0Api(BaseUrl = \"ftp://x\")]", "[Auth0Api(JsonContext = typeof(string))]",
        "[Auth0Api(JsonContext = typeof(Missing))]", "[Auth0Api(JsonContext = null)]", "[Auth0Api(Audience = \"\\r\\n\")]",
        "[Auth0ClientGen.Auth0Api]", "[Auth0ApiAttribute()]",
    ];

    private static readonly string[] Surroundings =
    [
        "public class Broken {", "}", "#if FUZZ", "#endif", "using ;", "namespace ;", "[Auth0Api]", "interface",
        "\"unterminated", "/* unterminated", "#error fuzz", "@", "public interface IOther { [Get(\"/o\")] Task<string> O(); }",
        "partial", "[Auth0Api] public interface", "public record R(int A", "#pragma warning disable",
        "#nullable disable", "extern alias Missing;", "global using System.Linq;",
    ];

    private static readonly string Junk = "{}()[]<>;,\"'@#$\\.?=:";

    /// <summary>Builds case <paramref name="index"/> of the run seeded with <paramref name="seed"/>.</summary>
    public static FuzzCase CreateCase(FuzzCorpus corpus, int seed, int index)
    {
        var random = new Random(unchecked((seed * 100_003) + index));
        var mutations = new List<string>();
        var methodCount = random.Next(1, 4);
        var picked = new HashSet<int>();
        var methods = new List<string>();
        while (methods.Count < methodCount)
        {
            var pick = random.Next(corpus.Declarations.Length);
            if (!picked.Add(pick))
            {
                continue;
            }

            // The first method always changes; the others only sometimes, so they stay as context.
            var declaration = corpus.Declarations[pick];
            var changes = methods.Count == 0 ? random.Next(1, 4) : random.Next(0, 2);
            for (var i = 0; i < changes; i++)
            {
                declaration = MutateMethod(declaration, random, mutations);
            }

            methods.Add(declaration);
        }

        return new FuzzCase(index, WriteSource(corpus, methods, random, mutations), mutations);
    }

    /// <summary>The corpus methods as they are, in one interface: the control every mutation departs from.</summary>
    public static string WriteUnmutatedSource(FuzzCorpus corpus, IEnumerable<string> methods)
        => WriteSource(corpus, methods.ToList(), random: null, mutations: []);

    private static string WriteSource(FuzzCorpus corpus, List<string> methods, Random? random, List<string> mutations)
    {
        bool Chance(double probability) => random is not null && random.NextDouble() < probability;

        var apiAttribute = "[Auth0Api(Audience = \"https://api.example.com\")]";
        var modifiers = "public";
        var typeParameters = "";
        var baseList = "";
        var before = "";
        var after = "";
        var (outerOpen, outerClose) = ("", "");
        var members = new List<string>(methods);
        if (Chance(0.15))
        {
            apiAttribute = Pick(random!, ApiAttributes);
            mutations.Add($"api attribute: {apiAttribute}");
        }

        if (Chance(0.15))
        {
            (modifiers, typeParameters, baseList, outerOpen, outerClose) = random!.Next(9) switch
            {
                0 => ("public", "<T>", "", "", ""),
                1 => ("public", "<T>", " where T : class", "", ""),
                2 => ("public", "", "", "public static partial class Outer {", "}"),
                3 => ("public", "", "", "public class Outer<TOuter> {", "}"),
                4 => ("internal", "", "", "", ""),
                5 => ("file", "", "", "", ""),
                6 => ("public partial", "", "", "", ""),
                7 => ("public unsafe", "", "", "", ""),
                _ => ("public", "", " : IBase", "", ""),
            };
            mutations.Add($"interface shape: {modifiers}{typeParameters}{baseList} {outerOpen}");
            if (baseList == " : IBase")
            {
                before += $"public interface IBase {{ {MutateMethod(Pick(random, corpus.Declarations), random, mutations)} }}";
            }
        }

        if (Chance(0.1))
        {
            var member = Pick(random!, InterfaceMembers);
            members.Insert(random!.Next(members.Count + 1), member);
            mutations.Add($"member: {member}");
        }

        if (Chance(0.1))
        {
            var surrounding = Pick(random!, Surroundings);
            if (random!.Next(2) == 0)
            {
                before += Environment.NewLine + surrounding;
            }
            else
            {
                after += Environment.NewLine + surrounding;
            }

            mutations.Add($"surrounding: {surrounding}");
        }

        if (Chance(0.03))
        {
            // The same interface twice: a partial pair, or a plain duplicate.
            after += Environment.NewLine + $"{apiAttribute} {modifiers} interface {InterfaceName}{typeParameters} {{ {methods[0]} }}";
            mutations.Add("interface declared twice");
        }

        var source = new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("using System.Collections.Generic;")
            .AppendLine("using System.IO;")
            .AppendLine("using System.Net.Http;")
            .AppendLine("using System.Runtime.Serialization;")
            .AppendLine("using System.Text.Json.Serialization;")
            .AppendLine("using System.Threading;")
            .AppendLine("using System.Threading.Tasks;")
            .AppendLine("using Auth0ClientGen;")
            .AppendLine("using Auth0ClientGen.RefitParity.Tests.Corpus;")
            .AppendLine()
            .AppendLine($"namespace {Namespace};")
            .AppendLine()
            .AppendLine(corpus.SideModels)
            .AppendLine(before)
            .AppendLine(outerOpen)
            .AppendLine(apiAttribute);
        if (Chance(0.2))
        {
            source.AppendLine(corpus.InterfaceHeaders);
        }

        source.AppendLine($"{modifiers} interface {InterfaceName}{typeParameters}{baseList}").AppendLine("{");
        foreach (var member in members)
        {
            source.Append("    ").AppendLine(member);
        }

        return source.AppendLine("}").AppendLine(outerClose).AppendLine(after).ToString();
    }

    /// <summary>Applies one mutation, chosen at random, to a method declaration.</summary>
    private static string MutateMethod(string declaration, Random random, List<string> mutations)
    {
        if (SyntaxFactory.ParseMemberDeclaration(declaration) is not MethodDeclarationSyntax method
            || method.ContainsDiagnostics)
        {
            // An earlier mutation broke the syntax: only text-level mutations apply now.
            return MutateText(declaration, random, mutations);
        }

        var mutated = random.Next(16) switch
        {
            0 => DropOrDuplicateAttribute(method, random, mutations, drop: true),
            1 => DropOrDuplicateAttribute(method, random, mutations, drop: false),
            2 => SwapAttributes(method, random, mutations),
            3 => ChangeHttpMethod(method, random, mutations),
            4 => AddAttribute(method, random, mutations),
            5 or 6 => BreakTemplate(method, random, mutations),
            7 => RenameParameter(method, random, mutations),
            8 => DuplicateParameter(method, random, mutations),
            9 => RemoveParameter(method, random, mutations),
            10 or 11 => ChangeParameterType(method, random, mutations),
            12 => ChangeReturnType(method, random, mutations),
            13 => ChangeModifiers(method, random, mutations),
            14 => MakeGeneric(method, random, mutations),
            _ => null,
        };
        return mutated?.NormalizeWhitespace().ToFullString() ?? MutateText(declaration, random, mutations);
    }

    /// <summary>Removes one attribute, or writes it a second time beside itself.</summary>
    private static MethodDeclarationSyntax? DropOrDuplicateAttribute(
        MethodDeclarationSyntax method, Random random, List<string> mutations, bool drop)
    {
        var attributes = method.DescendantNodes().OfType<AttributeSyntax>().ToList();
        if (attributes.Count == 0)
        {
            return null;
        }

        var attribute = Pick(random, attributes);
        var list = (AttributeListSyntax)attribute.Parent!;
        mutations.Add($"{(drop ? "drop" : "duplicate")} [{attribute}]");
        if (!drop)
        {
            return method.ReplaceNode(list, list.AddAttributes(attribute));
        }

        return list.Attributes.Count == 1
            ? method.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)
            : method.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
    }

    private static MethodDeclarationSyntax? SwapAttributes(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        // Trade the attributes of two targets: the method and a parameter, or two parameters.
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0)
        {
            return null;
        }

        var second = random.Next(parameters.Count);
        var first = random.Next(-1, parameters.Count);
        if (first == second)
        {
            return null;
        }

        var firstLists = first < 0 ? method.AttributeLists : parameters[first].AttributeLists;
        var secondLists = parameters[second].AttributeLists;
        mutations.Add($"swap attributes of {(first < 0 ? "the method" : $"parameter {first}")} and parameter {second}");
        var swapped = parameters.Replace(parameters[second], parameters[second].WithAttributeLists(firstLists));
        if (first < 0)
        {
            return method.WithParameterList(method.ParameterList.WithParameters(swapped)).WithAttributeLists(secondLists);
        }

        swapped = swapped.Replace(swapped[first], swapped[first].WithAttributeLists(secondLists));
        return method.WithParameterList(method.ParameterList.WithParameters(swapped));
    }

    private static MethodDeclarationSyntax? ChangeHttpMethod(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var verb = FindHttpMethod(method);
        if (verb is null)
        {
            return null;
        }

        var replacement = Pick(random, HttpMethods);
        mutations.Add($"verb {verb.Name} -> {replacement}");
        return method.ReplaceNode(verb, verb.WithName(SyntaxFactory.IdentifierName(replacement)));
    }

    private static MethodDeclarationSyntax AddAttribute(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0 || random.Next(3) == 0)
        {
            var added = Pick(random, MethodAttributes);
            mutations.Add($"add [{added}] to the method");
            return method.AddAttributeLists(ParseAttributeList(added));
        }

        var index = random.Next(parameters.Count);
        var attribute = Pick(random, ParameterAttributes);
        mutations.Add($"add [{attribute}] to parameter {index}");
        var parameter = parameters[index].AddAttributeLists(ParseAttributeList(attribute));
        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Replace(parameters[index], parameter)));
    }

    private static MethodDeclarationSyntax? BreakTemplate(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var verb = FindHttpMethod(method);
        var argument = verb?.ArgumentList?.Arguments.FirstOrDefault();
        if (argument?.Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var template = literal.Token.ValueText;
        ExpressionSyntax replacement;
        switch (random.Next(5))
        {
            case 0:
                var expression = Pick(random, TemplateExpressions);
                mutations.Add($"template expression {expression}");
                replacement = SyntaxFactory.ParseExpression(expression);
                break;
            case 1:
                var whole = Pick(random, HostileTemplates);
                mutations.Add($"template {Describe(whole)}");
                replacement = StringLiteral(whole);
                break;
            case 2:
                // A placeholder no parameter matches.
                var position = random.Next(template.Length + 1);
                mutations.Add("unmatched placeholder");
                replacement = StringLiteral(template.Insert(position, "/{unmatched}"));
                break;
            default:
                var fragment = Pick(random, HostileTemplates);
                var at = random.Next(template.Length + 1);
                mutations.Add($"insert {Describe(fragment)} into the template at {at}");
                replacement = StringLiteral(template.Insert(at, fragment));
                break;
        }

        return method.ReplaceNode(argument.Expression, replacement);
    }

    private static MethodDeclarationSyntax? RenameParameter(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0)
        {
            return null;
        }

        var index = random.Next(parameters.Count);
        var name = random.Next(4) switch
        {
            0 => SyntaxFactory.Identifier("renamed"),
            1 => SyntaxFactory.ParseToken("@class"),
            2 => SyntaxFactory.Identifier("名前"),
            _ => parameters[(index + 1) % parameters.Count].Identifier,
        };
        mutations.Add($"rename parameter {index} to {name.Text}");
        var renamed = parameters[index].WithIdentifier(name);
        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Replace(parameters[index], renamed)));
    }

    private static MethodDeclarationSyntax? DuplicateParameter(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0)
        {
            return null;
        }

        var index = random.Next(parameters.Count);
        var copy = parameters[index];
        if (random.Next(2) == 0)
        {
            copy = copy.WithIdentifier(SyntaxFactory.Identifier(copy.Identifier.ValueText + "Copy"));
            mutations.Add($"copy parameter {index} under a new name");
        }
        else
        {
            mutations.Add($"duplicate parameter {index}");
        }

        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Insert(index + 1, copy)));
    }

    private static MethodDeclarationSyntax? RemoveParameter(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0)
        {
            return null;
        }

        var index = random.Next(parameters.Count);
        mutations.Add($"remove parameter {index}");
        return method.WithParameterList(method.ParameterList.WithParameters(parameters.RemoveAt(index)));
    }

    private static MethodDeclarationSyntax ChangeParameterType(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 0)
        {
            var type = Pick(random, UnusualTypes);
            mutations.Add($"add parameter of type {type}");
            return method.AddParameterListParameters(SyntaxFactory.Parameter(SyntaxFactory.Identifier("added"))
                .WithType(SyntaxFactory.ParseTypeName(type)));
        }

        var index = random.Next(parameters.Count);
        var parameter = parameters[index];
        switch (random.Next(4))
        {
            case 0:
                var modifier = Pick(random, ParameterModifiers);
                mutations.Add($"parameter {index} becomes {modifier}");
                parameter = parameter.WithModifiers(SyntaxFactory.TokenList(Tokens(modifier)));
                break;
            case 1:
                var value = Pick(random, DefaultValues);
                mutations.Add($"parameter {index} defaults to {value}");
                parameter = parameter.WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression(value)));
                break;
            default:
                var type = Pick(random, UnusualTypes);
                mutations.Add($"parameter {index} becomes {type}");
                parameter = parameter.WithType(SyntaxFactory.ParseTypeName(type));
                break;
        }

        return method.WithParameterList(method.ParameterList.WithParameters(parameters.Replace(parameters[index], parameter)));
    }

    private static MethodDeclarationSyntax ChangeReturnType(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        var type = Pick(random, UnusualReturnTypes);
        mutations.Add($"returns {type}");
        return method.WithReturnType(SyntaxFactory.ParseTypeName(type));
    }

    private static MethodDeclarationSyntax ChangeModifiers(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        if (random.Next(3) == 0)
        {
            // A body makes it a default implementation, which the client need not implement.
            mutations.Add("default implementation");
            return method
                .WithSemicolonToken(default)
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("default!")))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        }

        var modifier = Pick(random, MethodModifiers);
        mutations.Add($"method is {modifier}");
        return method.AddModifiers(SyntaxFactory.ParseToken(modifier));
    }

    private static MethodDeclarationSyntax? MakeGeneric(
        MethodDeclarationSyntax method, Random random, List<string> mutations)
    {
        if (method.TypeParameterList is not null)
        {
            return null;
        }

        var constraint = random.Next(4) switch
        {
            0 => "",
            1 => " where T : struct",
            2 => " where T : unmanaged",
            _ => " where T : Widget",
        };
        mutations.Add($"generic <T>{constraint}");
        var shape = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"void M<T>(){constraint};")!;
        return method.WithTypeParameterList(shape.TypeParameterList).WithConstraintClauses(shape.ConstraintClauses);
    }

    /// <summary>Breaks the syntax: deletes, repeats or inserts a character or a token, or cuts the text short.</summary>
    private static string MutateText(string declaration, Random random, List<string> mutations)
    {
        var tokens = Tokens(declaration).ToList();
        switch (random.Next(4))
        {
            case 0 when tokens.Count > 0:
                var removed = Pick(random, tokens);
                mutations.Add($"delete token '{Describe(removed.Text)}'");
                return declaration.Remove(removed.SpanStart, removed.Span.Length);
            case 1 when tokens.Count > 0:
                var repeated = Pick(random, tokens);
                mutations.Add($"repeat token '{Describe(repeated.Text)}'");
                return declaration.Insert(repeated.SpanStart, repeated.Text + " ");
            case 2:
                var cut = random.Next(declaration.Length + 1);
                mutations.Add($"cut at {cut}");
                return declaration[..cut];
            default:
                var junk = Junk[random.Next(Junk.Length)];
                var at = random.Next(declaration.Length + 1);
                mutations.Add($"insert '{junk}' at {at}");
                return declaration.Insert(at, junk.ToString());
        }
    }

    private static IEnumerable<SyntaxToken> Tokens(string text)
        => SyntaxFactory.ParseTokens(text).Where(token => !token.IsKind(SyntaxKind.EndOfFileToken));

    private static AttributeSyntax? FindHttpMethod(MethodDeclarationSyntax method)
        => method.AttributeLists.SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute => HttpMethods.Contains(attribute.Name.ToString()));

    private static AttributeListSyntax ParseAttributeList(string attribute)
        => ((MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"[{attribute}] void M();")!).AttributeLists[0];

    private static LiteralExpressionSyntax StringLiteral(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    private static string Describe(string text)
        => text.Length > 40 ? $"{SymbolDisplay.FormatLiteral(text[..20], quote: false)}… ({text.Length} chars)"
            : SymbolDisplay.FormatLiteral(text, quote: false);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
