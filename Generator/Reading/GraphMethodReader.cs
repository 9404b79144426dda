using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Finds the one <c>[Graph]</c> method of a <c>[Model]</c> class and reads its signature: each
/// parameter a model input, the return type a tensor or a tuple of named tensors, one per output
/// (STK0060-STK0062, STK0068). The body is read
/// by <see cref="GraphBodyReader"/>.
/// </summary>
internal static class GraphMethodReader
{
    /// <summary>The graph, or <see langword="null"/> when the method is missing or has errors (reported).</summary>
    public static GraphDeclaration? Read(
        INamedTypeSymbol type, SourceLocation classLocation, SemanticModel classModel, IReadOnlyList<LayerDeclaration> layers, ReadContext context, CancellationToken cancellationToken)
    {
        // Only a method with attributes in its syntax binds them: every other method's would be bound for nothing on every keystroke.
        var methods = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is MethodDeclarationSyntax { AttributeLists.Count: > 0 }))
            .Where(m => m.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, KnownTypes.GraphAttribute)))
            .Select(m => (Symbol: m, Syntax: m.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault()))
            .Where(m => m.Syntax is not null)
            .OrderBy(m => m.Syntax!.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(m => m.Syntax!.SpanStart)
            .ToList();
        if (methods.Count == 0)
        {
            context.Report(DiagnosticDescriptors.MissingGraphMethod, classLocation, type.Name);
            return null;
        }

        var (method, syntax) = (methods[0].Symbol, methods[0].Syntax!);
        foreach (var (other, otherSyntax) in methods.Skip(1))
        {
            context.Report(DiagnosticDescriptors.DuplicateGraphMethod, SourceLocation.From(otherSyntax!.Identifier), type.Name, other.Name, method.Name);
        }

        // Syntax decides the usual body; otherwise the compiler binds it (with the class's own semantic
        // model when the method is in the same file, the usual case: it has bound the layers already).
        var compilation = classModel.Compilation;
        var tensor = RuntimeSymbols.Of(compilation).Tensor;
        var outputNames = OutputNames(method.ReturnType, tensor);
        var scope = outputNames is null ? null : GraphSyntax.TryScope(syntax, method, type, tensor, layers, outputNames.Count, context.LayerTypes);
        if (scope is null)
        {
            var semanticModel = classModel.SyntaxTree == syntax.SyntaxTree ? classModel : SemanticModels.For(compilation, syntax.SyntaxTree);
            if (BindingErrors.In(syntax, semanticModel, cancellationToken, NestedModelReader.IsGeneratedCall))
            {
                context.CompilerErrors.Add($"[Graph] method '{method.Name}' does not compile");
                return null;
            }

            scope = new GraphScope.Bound(semanticModel, cancellationToken);
        }

        var valid = methods.Count == 1;
        if (outputNames is null)
        {
            context.Report(DiagnosticDescriptors.InvalidGraphReturn, SourceLocation.From(syntax.ReturnType), method.Name, syntax.ReturnType.ToString());
            if (method.ReturnType.IsTupleType)
            {
                return null;   // its elements are not all tensors: reading the returned tuple would only repeat the error
            }

            valid = false;
        }

        var inputs = new List<GraphInput>();
        foreach (var (parameter, parameterSyntax) in method.Parameters.Zip(syntax.ParameterList.Parameters, (p, s) => (p, s)))
        {
            if (ReadInput(method, parameter, parameterSyntax, tensor, context, cancellationToken) is { } input)
            {
                inputs.Add(input);
            }
        }

        var body = new GraphBodyReader(scope, type, method.Name, layers, context, cancellationToken)
            .Read(syntax, method.Parameters, inputs, outputNames ?? [null]);
        return valid && inputs.Count == method.Parameters.Length ? body : null;
    }

    // Tensor: one output, named after its layer ([null]). (Tensor cls, Tensor value): one output per
    // element, named by the element (null where unnamed). Anything else: null (STK0068).
    private static IReadOnlyList<string?>? OutputNames(ITypeSymbol returnType, INamedTypeSymbol? tensor)
    {
        if (SymbolEqualityComparer.Default.Equals(returnType, tensor))
        {
            return [null];
        }

        if (returnType is INamedTypeSymbol { IsTupleType: true } tuple
            && tuple.TupleElements.All(e => SymbolEqualityComparer.Default.Equals(e.Type, tensor)))
        {
            return tuple.TupleElements.Select(e => SymbolEqualityComparer.Default.Equals(e, e.CorrespondingTupleField) ? null : e.Name).ToList();
        }

        return null;
    }

    private static GraphInput? ReadInput(
        IMethodSymbol method, IParameterSymbol parameter, ParameterSyntax syntax, INamedTypeSymbol? tensor, ReadContext context, CancellationToken cancellationToken)
    {
        var location = SourceLocation.From(syntax);
        var attribute = parameter.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, KnownTypes.InputAttribute));
        var found = !SymbolEqualityComparer.Default.Equals(parameter.Type, tensor) ? "type '" + parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'"
            : parameter.RefKind != RefKind.None ? "a " + parameter.RefKind.ToString().ToLowerInvariant() + " parameter"
            : attribute is null ? "no [Input(...)] attribute"
            : null;
        if (found is not null)
        {
            context.Report(DiagnosticDescriptors.GraphParameterNotInput, location, parameter.Name, method.Name, found);
            return null;
        }

        var shape = InputReader.Read(attribute!, location, context, cancellationToken);
        return shape is null ? null : new GraphInput(parameter.Name, shape, location);
    }
}
