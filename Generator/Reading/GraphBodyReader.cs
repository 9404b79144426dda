using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads the body of a <c>[Graph]</c> method into nodes: <c>var x = layer.Call(...);</c>,
/// <c>x = layer.Call(...);</c> and a final <c>return ...;</c>, with calls nested freely. Anything
/// else is reported where it is written (STK0063-STK0065, STK0069), so the method stays plain C#
/// whose meaning the generator knows exactly.
/// </summary>
internal sealed class GraphBodyReader(
    GraphScope scope, INamedTypeSymbol type, string methodName, IReadOnlyList<LayerDeclaration> layers, ReadContext context, CancellationToken cancellationToken)
{
    private readonly Dictionary<object, int> _values = new(scope.Comparer);
    private readonly HashSet<object> _failed = new(scope.Comparer);
    private readonly HashSet<string> _layers = new(layers.Select(l => l.Name), System.StringComparer.Ordinal);
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphOutput> _outputs = [];
    private IReadOnlyList<string?> _outputNames = [null];
    private int _inputCount;
    private bool _valid = true;

    /// <summary>The graph of <paramref name="method"/>, or <see langword="null"/> when its body has errors (reported).</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">Its parameters, the model's inputs.</param>
    /// <param name="inputs">The inputs read from them.</param>
    /// <param name="outputNames">One entry per output: the name its return type gives it, or null for the producing layer's name.</param>
    public GraphDeclaration? Read(
        MethodDeclarationSyntax method, ImmutableArray<IParameterSymbol> parameters, IReadOnlyList<GraphInput> inputs, IReadOnlyList<string?> outputNames)
    {
        _outputNames = outputNames;
        _inputCount = parameters.Length;
        for (var i = 0; i < parameters.Length; i++)
        {
            _values[scope.Parameter(parameters[i])] = i;
        }

        if (method.ExpressionBody is { } arrow)
        {
            ReadReturn(arrow.Expression, parameters);
        }
        else if (method.Body is { } body)
        {
            for (var i = 0; i < body.Statements.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadStatement(body.Statements[i], i == body.Statements.Count - 1, parameters);
            }
        }

        return _valid && _outputs.Count == _outputNames.Count
            ? new GraphDeclaration(methodName, inputs.ToEquatableArray(), _nodes.ToEquatableArray(), _outputs.ToEquatableArray())
            : null;
    }

    private void ReadStatement(StatementSyntax statement, bool isLast, ImmutableArray<IParameterSymbol> parameters)
    {
        switch (statement)
        {
            case LocalDeclarationStatementSyntax { IsConst: false, UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } declaration
                when declaration.Declaration.Variables.All(v => v.Initializer is not null):
                foreach (var variable in declaration.Declaration.Variables)
                {
                    Bind(scope.Declared(variable), variable.Initializer!.Value);
                }

                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }:
                ReadAssignment(statement, assignment);
                break;
            case ReturnStatementSyntax { Expression: { } returned } when isLast:
                ReadReturn(returned, parameters);
                break;
            default:
                var (description, location) = StatementDescriptions.Describe(statement, isLast);
                Report(DiagnosticDescriptors.UnsupportedGraphStatement, location, description, methodName);
                break;
        }
    }

    private void ReadAssignment(StatementSyntax statement, AssignmentExpressionSyntax assignment)
    {
        var target = assignment.Left is IdentifierNameSyntax name ? scope.Resolve(name) : null;
        var (kind, targetName) = target is null ? (GraphScope.Kind.Other, string.Empty) : scope.Describe(target);
        switch (kind)
        {
            case GraphScope.Kind.Parameter:
                Report(DiagnosticDescriptors.InputReassigned, SourceLocation.From(assignment.Left), targetName, methodName);
                break;
            case GraphScope.Kind.Local:
                Bind(target, assignment.Right);
                break;
            default:
                Report(DiagnosticDescriptors.UnsupportedGraphStatement, SourceLocation.From(statement), "'" + statement + "'", methodName);
                break;
        }
    }

    private void Bind(object? local, ExpressionSyntax value)
    {
        if (local is null)
        {
            return;
        }

        if (ReadExpression(value) is { } id)
        {
            _values[local] = id;
            _failed.Remove(local);
        }
        else
        {
            _values.Remove(local);
            _failed.Add(local);
        }
    }

    // `return head.Call(x);`, or with several outputs `return (cls.Call(x), value.Call(x));`.
    private void ReadReturn(ExpressionSyntax returned, ImmutableArray<IParameterSymbol> parameters)
    {
        if (_outputNames.Count == 1)
        {
            ReadOutput(returned, _outputNames[0], parameters);
            return;
        }

        if (returned is not TupleExpressionSyntax tuple || tuple.Arguments.Count != _outputNames.Count)
        {
            Report(DiagnosticDescriptors.UnsupportedGraphExpression, SourceLocation.From(returned), returned.ToString(), methodName, type.Name);
            return;
        }

        for (var i = 0; i < tuple.Arguments.Count; i++)
        {
            var argument = tuple.Arguments[i];
            ReadOutput(argument.Expression, _outputNames[i] ?? argument.NameColon?.Name.Identifier.ValueText, parameters);
        }
    }

    private void ReadOutput(ExpressionSyntax returned, string? declaredName, ImmutableArray<IParameterSymbol> parameters)
    {
        if (ReadExpression(returned) is not { } id)
        {
            return;
        }

        if (id < _inputCount)
        {
            Report(DiagnosticDescriptors.EmptyGraph, SourceLocation.From(returned), methodName, parameters[id].Name);
            return;
        }

        var name = declaredName ?? _nodes[id - _inputCount].Layer;
        if (_outputs.Any(o => o.Name == name))
        {
            Report(DiagnosticDescriptors.DuplicateOutputName, SourceLocation.From(returned), methodName, name);
            return;
        }

        _outputs.Add(new GraphOutput(name, id, SourceLocation.From(returned)));
    }

    // A tensor: an input, a local bound earlier, or a layer call; null when unsupported (reported once).
    private int? ReadExpression(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ReadExpression(parenthesized.Expression);
            case IdentifierNameSyntax name:
                var symbol = scope.Resolve(name);
                if (symbol is not null && _values.TryGetValue(symbol, out var value))
                {
                    return value;
                }

                if (symbol is not null && _failed.Contains(symbol))
                {
                    return null;   // its own statement was reported
                }

                break;
            case InvocationExpressionSyntax invocation when LayerCall(invocation) is { } layer:
                return ReadCall(invocation, layer);
        }

        Report(DiagnosticDescriptors.UnsupportedGraphExpression, SourceLocation.From(expression), expression.ToString(), methodName, type.Name);
        return null;
    }

    private int? ReadCall(InvocationExpressionSyntax invocation, string layer)
    {
        var inputs = new List<int>();
        var complete = true;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is not null || argument.RefKindKeyword.RawKind != 0)
            {
                Report(DiagnosticDescriptors.UnsupportedGraphExpression, SourceLocation.From(argument), argument.ToString(), methodName, type.Name);
                complete = false;
            }
            else if (ReadExpression(argument.Expression) is { } id)
            {
                inputs.Add(id);
            }
            else
            {
                complete = false;
            }
        }

        if (!complete || inputs.Count == 0)
        {
            return null;
        }

        _nodes.Add(new GraphNode(layer, inputs.ToEquatableArray(), SourceLocation.From(invocation)));
        return _inputCount + _nodes.Count - 1;
    }

    // `hidden.Call(...)` or `this.hidden.Call(...)` on a layer member of this model: the member's name.
    private string? LayerCall(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Call" } access
            || access.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
        {
            return null;
        }

        return scope.LayerMember(access.Expression, type, _layers);
    }

    private void Report(DiagnosticDescriptor descriptor, SourceLocation location, params string[] arguments)
    {
        context.Report(descriptor, location, arguments);
        _valid = false;
    }
}
