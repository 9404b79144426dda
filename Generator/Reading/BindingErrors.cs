using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Whether code the compiler reports errors for (so the generator stays quiet about it) is in a
/// layer initializer or a graph method, found from its syntax and its bound operations only.
/// Asking the semantic model for all diagnostics of a span instead would run declaration
/// diagnostics and flow analysis for every layer on every keystroke.
/// </summary>
internal static class BindingErrors
{
    /// <summary>
    /// Whether <paramref name="node"/> has a syntax error or binds to an invalid operation (an
    /// unknown name, no matching constructor or overload, a conversion that does not exist), except
    /// those <paramref name="expected"/> accepts.
    /// </summary>
    public static bool In(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken, Func<IOperation, bool>? expected = null)
    {
        if (node.ContainsDiagnostics && node.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return true;
        }

        if (semanticModel.GetOperation(node, cancellationToken) is not { } operation)
        {
            return true;
        }

        foreach (var descendant in operation.DescendantsAndSelf())
        {
            var invalid = descendant.Kind == OperationKind.Invalid
                || descendant is IConversionOperation { Conversion.Exists: false }
                || descendant is IObjectCreationOperation { Constructor: null };
            if (invalid && !IsCascade(descendant) && expected?.Invoke(descendant) != true)
            {
                return true;
            }
        }

        return false;
    }

    // An operation made invalid only by an operand whose type is already an error (the compiler
    // reports the operand, not this): it is judged by that operand.
    private static bool IsCascade(IOperation operation) =>
        operation.ChildOperations.Any(child => child.Type is { TypeKind: TypeKind.Error });
}
