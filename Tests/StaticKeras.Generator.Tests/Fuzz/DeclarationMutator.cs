using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Tests.Fuzz;

/// <summary>
/// Mutates a valid declaration the ways a user's half-finished or mistaken code differs from it:
/// tokens deleted or swapped, wrong argument types, zero/negative/huge sizes, attributes missing or
/// repeated, generic/nested/record/file types, duplicated members, members named like generated
/// ones, graph statements out of order, unicode and verbatim names, text cut off mid-way. Every
/// choice comes from the <see cref="Random"/> given, so a case is reproduced from its seed.
/// </summary>
internal static class DeclarationMutator
{
    private static readonly string[] Sizes = ["0", "-1", "-128", "2147483647", "2147483646", "1073741824", "-2147483648", "65536", "1"];
    private static readonly string[] WrongArguments = ["\"x\"", "1.5", "true", "null", "'c'", "default", "new()", "(1, 2, 3)", "int.MaxValue", "1 + 1", "Activation.Relu"];
    private static readonly string[] Names = ["@class", "Ünïcödé", "名前", "Net", "NET", "nET", "Info", "Call", "_", "@Model", "X1"];
    private static readonly string[] GeneratedLikeMembers =
    [
        "public int Info;", "public void Call() { }", "public static int Summary;", "private int Forward;", "public int TrainStep { get; }",
        "public record Inputs(int A);", "public class Outputs { }", "public int Targets;", "public MnistMlp(int x) { }", "int __step;",
    ];

    /// <summary>The mutation kinds, one name each, for messages.</summary>
    public static readonly (string Name, Func<string, Random, string> Apply)[] Kinds =
    [
        ("delete token", DeleteToken),
        ("swap tokens", SwapTokens),
        ("wrong argument type", WrongArgumentType),
        ("size", Size),
        ("missing attribute", RemoveAttribute),
        ("repeated attribute part", RepeatAttributeOnAnotherPart),
        ("type kind", ChangeTypeKind),
        ("duplicate member", DuplicateMember),
        ("generated-like member", AddGeneratedLikeMember),
        ("graph statements out of order", SwapStatements),
        ("name", Rename),
        ("two models differing in case", TwoModelsDifferingInCase),
        ("half-typed", Truncate),
        ("symbolic dimension text", SymbolicDimensionText),
        ("layer array", LayerArray),
    ];

    /// <summary>Applies 1 to 3 random mutations to <paramref name="source"/>.</summary>
    public static (string Source, string Description) Mutate(string source, Random random)
    {
        var applied = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = Kinds[random.Next(Kinds.Length)];
            source = apply(source, random);
            applied.Add(name);
        }
        return (source, string.Join(", ", applied));
    }

    private static List<SyntaxToken> Tokens(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();

    private static string Replace(string source, TextSpanLike span, string text) =>
        source[..span.Start] + text + source[span.End..];

    private readonly record struct TextSpanLike(int Start, int End);

    private static TextSpanLike Span(SyntaxToken token) => new(token.SpanStart, token.Span.End);

    private static TextSpanLike Span(SyntaxNode node) => new(node.SpanStart, node.Span.End);

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static string DeleteToken(string source, Random random)
    {
        var tokens = Tokens(source);
        return Replace(source, Span(Pick(tokens, random)), "");
    }

    private static string SwapTokens(string source, Random random)
    {
        var tokens = Tokens(source);
        var i = random.Next(tokens.Count - 1);
        var (a, b) = (tokens[i], tokens[i + 1]);
        return source[..a.SpanStart] + b.Text + source[a.Span.End..b.SpanStart] + a.Text + source[b.Span.End..];
    }

    private static List<SyntaxNode> Arguments(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes()
            .Where(n => n is ArgumentSyntax || n is AttributeArgumentSyntax).ToList();

    private static string WrongArgumentType(string source, Random random)
    {
        var arguments = Arguments(source);
        return arguments.Count == 0 ? source : Replace(source, Span(Pick(arguments, random)), Pick(WrongArguments, random));
    }

    private static string Size(string source, Random random)
    {
        var literals = Tokens(source).Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
        return literals.Count == 0 ? source : Replace(source, Span(Pick(literals, random)), Pick(Sizes, random));
    }

    private static string RemoveAttribute(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
        if (attributes.Count == 0)
            return source;
        var attribute = Pick(attributes, random);
        var list = (AttributeListSyntax)attribute.Parent!;
        return list.Attributes.Count == 1 ? Replace(source, Span(list), "") : Replace(source, Span(attribute), "");
    }

    private static ClassDeclarationSyntax? AnyClass(string source, Random random)
    {
        var classes = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
        return classes.Count == 0 ? null : Pick(classes, random);
    }

    // A second partial part carrying the same attributes again ([Sequential] twice) and one of the members.
    private static string RepeatAttributeOnAnotherPart(string source, Random random)
    {
        if (AnyClass(source, random) is not { } type)
            return source;
        var attributes = string.Concat(type.AttributeLists.Select(a => a.ToString() + "\n"));
        var member = type.Members.Count > 0 && random.Next(2) == 0 ? type.Members[random.Next(type.Members.Count)].ToString() : "";
        return source + "\n" + attributes + "public partial class " + type.Identifier.Text + "\n{\n    " + member + "\n}\n";
    }

    private static string ChangeTypeKind(string source, Random random)
    {
        if (AnyClass(source, random) is not { } type)
            return source;
        var header = new TextSpanLike(type.Modifiers.Count > 0 ? type.Modifiers.First().SpanStart : type.Keyword.SpanStart, type.Identifier.Span.End);
        var name = type.Identifier.Text;
        switch (random.Next(6))
        {
            case 0:
                return Replace(source, header, $"public partial class {name}<T>");
            case 1:
                return Replace(source, header, $"public partial record {name}");
            case 2:
                return Replace(source, header, $"file partial class {name}");
            case 3:
                return Replace(source, header, $"public static partial class {name}");
            case 4:
                return Replace(source, header, $"public abstract partial class {name}");
            default:
                // Nested in another type (partial or not).
                var outer = random.Next(2) == 0 ? "public partial class Outer" : "public class Outer";
                return source[..type.FullSpan.Start] + outer + "\n{\n" + type.ToFullString() + "\n}\n" + source[type.FullSpan.End..];
        }
    }

    private static string DuplicateMember(string source, Random random)
    {
        if (AnyClass(source, random) is not { Members.Count: > 0 } type)
            return source;
        var member = type.Members[random.Next(type.Members.Count)];
        return source[..member.FullSpan.End] + member.ToFullString() + source[member.FullSpan.End..];
    }

    private static string AddGeneratedLikeMember(string source, Random random)
    {
        if (AnyClass(source, random) is not { } type)
            return source;
        var member = Pick(GeneratedLikeMembers, random).Replace("MnistMlp", type.Identifier.Text, StringComparison.Ordinal);
        return source[..type.OpenBraceToken.Span.End] + "\n    " + member + source[type.OpenBraceToken.Span.End..];
    }

    private static string SwapStatements(string source, Random random)
    {
        var blocks = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BlockSyntax>().Where(b => b.Statements.Count >= 2).ToList();
        if (blocks.Count == 0)
            return source;
        var block = Pick(blocks, random);
        var i = random.Next(block.Statements.Count - 1);
        var j = i + 1 + random.Next(block.Statements.Count - i - 1);
        var (a, b) = (block.Statements[i], block.Statements[j]);
        return source[..a.SpanStart] + b + source[a.Span.End..b.SpanStart] + a + source[b.Span.End..];
    }

    private static string Rename(string source, Random random)
    {
        var identifiers = Tokens(source).Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.Parent is ClassDeclarationSyntax or VariableDeclaratorSyntax or ParameterSyntax).ToList();
        if (identifiers.Count == 0)
            return source;
        var token = Pick(identifiers, random);
        // Rename every use of the identifier, so the declaration stays consistent.
        return Regex.Replace(source, $@"(?<![\w@]){Regex.Escape(token.Text)}(?!\w)", Pick(Names, random).Replace("$", "$$", StringComparison.Ordinal));
    }

    private static string TwoModelsDifferingInCase(string source, Random random)
    {
        if (AnyClass(source, random) is not { } type)
            return source;
        var name = type.Identifier.Text;
        var other = random.Next(2) == 0 ? name.ToUpperInvariant() : name.ToLowerInvariant();
        if (other == name)
            other = name + "_";
        return source + "\n" + Regex.Replace(type.ToFullString(), $@"(?<!\w){Regex.Escape(name)}(?!\w)", other) + "\n";
    }

    private static string Truncate(string source, Random random) => source[..random.Next(source.Length / 2, source.Length)];

    private static string SymbolicDimensionText(string source, Random random)
    {
        var strings = Tokens(source).Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
        string[] texts = ["\"a\\\"b\"", "\"line\\nbreak\"", "\"\"", "\" \"", "\"tab\\there\"", "\"back\\\\slash\"", "\"{0}\"", "\"@\"", "\"ü\""];
        if (strings.Count > 0 && random.Next(2) == 0)
            return Replace(source, Span(Pick(strings, random)), Pick(texts, random));
        var sizes = Tokens(source).Where(t => t.IsKind(SyntaxKind.NumericLiteralToken) && t.Parent?.Parent?.Parent?.Parent is AttributeSyntax).ToList();
        return sizes.Count == 0 ? source : Replace(source, Span(Pick(sizes, random)), Pick(texts, random));
    }

    private static string LayerArray(string source, Random random)
    {
        if (AnyClass(source, random) is not { } type)
            return source;
        string[] members = ["readonly Dense[] hidden = [new(128)];", "readonly Dense[] stack = new Dense[2];", "readonly System.Collections.Generic.List<Dense> list = [];", "readonly Dense? maybe = null;"];
        return source[..type.OpenBraceToken.Span.End] + "\n    " + Pick(members, random) + source[type.OpenBraceToken.Span.End..];
    }
}
