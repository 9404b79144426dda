using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Decides from syntax, without binding the method, that a <c>[Graph]</c> method's body compiles
/// and what its names denote: the usual body of <c>var x = layer.Call(...);</c>,
/// <c>x = layer.Call(...);</c> and a final <c>return</c>, where every parameter is a <c>Tensor</c>
/// input, every local is declared once with <c>var</c> before its use, every other simple name is a
/// layer member of the model not shadowed by a local or parameter, and each <c>Call</c> has exactly
/// one overload that surely takes that many tensors and returns a tensor. Anything else returns
/// <see langword="null"/>, and the compiler binds the method instead (with the same diagnostics).
/// </summary>
internal static class GraphSyntax
{
    /// <summary>The names of <paramref name="syntax"/>, or <see langword="null"/> when syntax cannot show that it binds without errors.</summary>
    /// <param name="syntax">The method.</param>
    /// <param name="method">Its symbol.</param>
    /// <param name="type">The model class.</param>
    /// <param name="tensor">TorchSharp's tensor type.</param>
    /// <param name="layers">The model's layers.</param>
    /// <param name="outputs">How many tensors the method returns.</param>
    /// <param name="layerTypes">The layer members' types as the layer reader bound them (a member not in it is bound through its symbol).</param>
    public static GraphScope? TryScope(
        MethodDeclarationSyntax syntax, IMethodSymbol method, INamedTypeSymbol type, INamedTypeSymbol? tensor, IReadOnlyList<LayerDeclaration> layers, int outputs,
        IReadOnlyDictionary<string, ITypeSymbol>? layerTypes = null)
    {
        if (tensor is null || syntax.ContainsDiagnostics || method.IsStatic || method.IsGenericMethod
            || method.Parameters.Any(p => !SymbolEqualityComparer.Default.Equals(p.Type, tensor) || p.RefKind != RefKind.None || p.IsOptional || p.IsParams))
        {
            return null;
        }

        var parameters = new HashSet<string>(method.Parameters.Select(p => p.Name), System.StringComparer.Ordinal);
        var statements = syntax.Body?.Statements.ToList() ?? [];
        var returned = syntax.ExpressionBody?.Expression;
        if (parameters.Count != method.Parameters.Length || (syntax.Body is null) == (returned is null))
        {
            return null;
        }

        if (returned is null)
        {
            if (statements.Count == 0 || statements[statements.Count - 1] is not ReturnStatementSyntax { Expression: { } last })
            {
                return null;
            }

            returned = last;
            statements.RemoveAt(statements.Count - 1);
        }

        // Every name a local or parameter takes, wherever declared: a layer member must not share one.
        var locals = statements.OfType<LocalDeclarationStatementSyntax>().SelectMany(s => s.Declaration.Variables).Select(v => v.Identifier.ValueText);
        var check = new Check(type, tensor, layerTypes, new HashSet<string>(layers.Select(l => l.Name), System.StringComparer.Ordinal), new HashSet<string>(parameters.Concat(locals), System.StringComparer.Ordinal));
        var declared = new HashSet<string>(parameters, System.StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax { IsConst: false, UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0, Modifiers.Count: 0 } local
                    when local.Declaration is { Type: IdentifierNameSyntax { IsVar: true }, Variables: { Count: 1 } variables }
                    && variables[0] is { ArgumentList: null, Initializer: { } initializer } variable
                    && check.IsTensor(initializer.Value, declared)
                    && declared.Add(variable.Identifier.ValueText):
                    break;
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment }
                    when declared.Contains(target.Identifier.ValueText) && !parameters.Contains(target.Identifier.ValueText)
                    && check.IsTensor(assignment.Right, declared):
                    break;
                default:
                    return null;
            }
        }

        var returns = outputs == 1
            ? check.IsTensor(returned, declared)
            : returned is TupleExpressionSyntax tuple && tuple.Arguments.Count == outputs && tuple.Arguments.All(a => check.IsTensor(a.Expression, declared));
        return returns ? new GraphScope.Named(parameters) : null;
    }

    private sealed class Check(INamedTypeSymbol type, INamedTypeSymbol tensor, IReadOnlyDictionary<string, ITypeSymbol>? layerTypes, HashSet<string> layers, HashSet<string> localNames)
    {
        private readonly Dictionary<(string, int), bool> _calls = [];

        // A parameter or local declared before, or a layer member's Call on tensors that returns a tensor.
        public bool IsTensor(ExpressionSyntax expression, HashSet<string> declared)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsTensor(parenthesized.Expression, declared);
                case IdentifierNameSyntax name:
                    return declared.Contains(name.Identifier.ValueText);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax { Identifier.ValueText: "Call" } } access } invocation:
                    var member = access.Expression switch
                    {
                        IdentifierNameSyntax identifier when !localNames.Contains(identifier.Identifier.ValueText) => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    var arguments = invocation.ArgumentList.Arguments;
                    return member is not null && layers.Contains(member)
                        && arguments.All(a => a.NameColon is null && a.RefKindKeyword.RawKind == 0 && IsTensor(a.Expression, declared))
                        && CallTakes(member, arguments.Count);
                default:
                    return false;
            }
        }

        // Whether the member's type has exactly one Call surely taking `count` tensors, returning a tensor.
        private bool CallTakes(string member, int count)
        {
            if (!_calls.TryGetValue((member, count), out var takes))
            {
                var symbols = type.GetMembers(member);
                var memberType = symbols.Length != 1 ? null
                    : layerTypes is not null && layerTypes.TryGetValue(member, out var bound) ? bound
                    : symbols[0] switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
                _calls[(member, count)] = takes = memberType is not null && Takes(memberType, count);
            }

            return takes;
        }

        // C# keeps the applicable methods of the most derived type that has any: walk down from it.
        private bool Takes(ITypeSymbol memberType, int count)
        {
            for (var current = memberType; current is not null; current = current.BaseType)
            {
                IMethodSymbol? chosen = null;
                foreach (var call in current.GetMembers("Call").OfType<IMethodSymbol>())
                {
                    if (call.IsOverride || call.IsStatic || call.MethodKind != MethodKind.Ordinary)
                    {
                        continue;   // an override is its base's candidate; a static Call is not callable on the instance
                    }

                    var fit = call.DeclaredAccessibility != Accessibility.Public || call.IsGenericMethod ? null : Fits(call, count);
                    if (fit is null || (fit == true && chosen is not null))
                    {
                        return false;
                    }

                    chosen = fit == true ? call : chosen;
                }

                if (chosen is not null)
                {
                    return SymbolEqualityComparer.Default.Equals(chosen.ReturnType, tensor);
                }
            }

            return false;   // interfaces' and extension methods are found only when no instance method applies: left to the compiler
        }

        // true: takes `count` tensors; false: surely does not; null: syntax cannot tell.
        private bool? Fits(IMethodSymbol call, int count)
        {
            var parameters = call.Parameters;
            for (var i = 0; i < System.Math.Max(count, parameters.Length); i++)
            {
                if (i >= parameters.Length)
                {
                    return false;   // more arguments than parameters
                }

                var parameter = parameters[i];
                if (parameter.IsParams)
                {
                    // The rest of the tensors, expanded into a params Tensor[] (a tensor is no array: not the normal form).
                    return parameter.Type is IArrayTypeSymbol { Rank: 1 } array && SymbolEqualityComparer.Default.Equals(array.ElementType, tensor) ? true : null;
                }

                if (i >= count)
                {
                    if (!parameter.IsOptional)
                    {
                        return false;
                    }

                    continue;
                }

                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }

                if (!SymbolEqualityComparer.Default.Equals(parameter.Type, tensor))
                {
                    // A tensor does not convert to a value type or a string; to anything else it might.
                    return parameter.Type.IsValueType || parameter.Type.SpecialType == SpecialType.System_String ? false : null;
                }
            }

            return true;
        }
    }
}
