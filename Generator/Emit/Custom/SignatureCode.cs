using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Emit.Custom;

/// <summary>The C# a custom layer's signatures become: input checks and bindings, and dimension expressions.</summary>
internal static class SignatureCode
{
    // base.CheckRank(inputShape, 1, orMore: true);
    // var d = inputShape[inputShape.Length - 1];
    // base.CheckSize(inputShape, 0, units, "units");
    /// <summary>The lines that check <paramref name="shape"/> against <paramref name="input"/> and declare a local per bound name.</summary>
    public static List<string> BindInput(ShapeSignature input, ICollection<string> parameters, string shape)
    {
        var lines = new List<string> { $"base.CheckRank({shape}, {input.FixedRank}, orMore: {(input.HasEllipsis ? "true" : "false")});" };
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var ellipsis = input.EllipsisIndex;
        for (var i = 0; i < input.Dims.Count; i++)
        {
            var axis = ellipsis >= 0 && i > ellipsis ? $"{shape}.Length - {Formatting.Number(input.Dims.Count - i)}" : Formatting.Number(i);
            switch (input.Dims[i])
            {
                case DimLiteral literal:
                    lines.Add($"base.CheckSize({shape}, {axis}, {Formatting.Number(literal.Value)}, {Literals.String(literal.ToString())});");
                    break;
                case DimName name when parameters.Contains(name.Name) || !declared.Add(name.Name):
                    lines.Add($"base.CheckSize({shape}, {axis}, {Identifier(name.Name)}, {Literals.String(name.Name)});");
                    break;
                case DimName name:
                    lines.Add($"var {Identifier(name.Name)} = {shape}[{axis}];");
                    break;
            }
        }

        return lines;
    }

    // base.Concat(base.Slice(inputShape, 0, inputShape.Length - 1), new long[] { units })
    /// <summary>The expression of the output shape for an input <paramref name="shape"/> bound by <see cref="BindInput"/>.</summary>
    public static string Output(ShapeSignature output, ShapeSignature input, string shape)
    {
        var ellipsis = output.EllipsisIndex;
        if (ellipsis < 0)
        {
            return Array(output.Dims, Name);
        }

        var parts = new List<string>();
        var before = output.Dims.Take(ellipsis).ToList();
        var after = output.Dims.Skip(ellipsis + 1).ToList();
        if (before.Count > 0)
        {
            parts.Add(Array(before, Name));
        }

        var start = Formatting.Number(input.EllipsisIndex);
        parts.Add($"global::StaticKeras.Layers.CustomLayer.Slice({shape}, {start}, {shape}.Length - {Formatting.Number(input.FixedRank)})");
        if (after.Count > 0)
        {
            parts.Add(Array(after, Name));
        }

        return parts.Count == 1 ? parts[0] : "global::StaticKeras.Layers.CustomLayer.Concat(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A weight's sizes as arguments: input-bound names must be known (<c>base.Known(d, "d", "W")</c>).</summary>
    public static string WeightSizes(WeightContract weight, ICollection<string> parameters) =>
        string.Join(", ", weight.Shape.Dims.Select(d => Expression(d, name => parameters.Contains(name)
            ? Identifier(name)
            : $"base.Known({Identifier(name)}, {Literals.String(name)}, {Literals.String(weight.Name)})")));

    /// <summary>A dimension expression: <c>2 * d</c>, <c>base.Divide(d, 2, "d / 2")</c>.</summary>
    public static string Expression(DimExpr expression, Func<string, string> name) => expression switch
    {
        DimLiteral literal => Formatting.Number(literal.Value),
        DimName n => name(n.Name),
        DimBinary { Operator: '/' } division =>
            $"base.Divide({Expression(division.Left, name)}, {Expression(division.Right, name)}, {Literals.String(division.ToString())})",
        DimBinary binary => Operand(binary.Left, name) + " " + binary.Operator + " " + Operand(binary.Right, name),
        _ => throw new ArgumentException($"'{expression}' is not a dimension expression", nameof(expression)),
    };

    /// <summary>A signature name as a C# identifier (<c>@event</c> for a keyword).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Operand(DimExpr operand, Func<string, string> name) =>
        operand is DimBinary { Operator: not '/' } ? "(" + Expression(operand, name) + ")" : Expression(operand, name);

    private static string Name(string name) => Identifier(name);

    private static string Array(IEnumerable<DimExpr> dims, Func<string, string> name)
    {
        var sizes = dims.Select(d => Expression(d, name)).ToList();
        return sizes.Count == 0 ? "global::System.Array.Empty<long>()" : "new long[] { " + string.Join(", ", sizes) + " }";
    }
}
