using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads the layer members of a <c>[Sequential]</c> class in declaration order: fields and
/// properties whose type derives from <c>StaticKeras.Layers.Layer</c> (STK0005, STK0006, STK0012).
/// </summary>
internal static class LayerReader
{
    /// <summary>The layers declared in <paramref name="syntax"/>, the part carrying <c>[Sequential]</c>.</summary>
    /// <remarks>
    /// A functional model passes <paramref name="graphOnlyBases"/> too: merge layers and models used as
    /// layers are members of graphs only.
    /// </remarks>
    public static List<LayerDeclaration> Read(
        TypeDeclarationSyntax syntax, INamedTypeSymbol type, SemanticModel semanticModel, INamedTypeSymbol layerBase, ReadContext context, CancellationToken cancellationToken,
        params INamedTypeSymbol?[] graphOnlyBases)
    {
        var layers = new List<LayerDeclaration>();
        // Attention layers are read in Sequential models too, where their shape rule reports the one input (STK1041).
        var multiInputBase = RuntimeSymbols.Of(semanticModel.Compilation).MultiInputLayer;
        var names = new ScopedTypeNames(semanticModel, type, syntax);
        var syntaxReader = new LayerSyntax(semanticModel, type, cancellationToken, names);
        foreach (var member in Members(syntax, semanticModel, names, cancellationToken))
        {
            // A [Layer] class derives from Layer only through the part the generator adds.
            if (KnownTypes.DerivesFrom(member.Type, layerBase) || Custom.CustomLayerTypes.IsCustomLayer(member.Type)
                || (multiInputBase is not null && KnownTypes.DerivesFrom(member.Type, multiInputBase))
                || (graphOnlyBases.Length > 0 && NestedModelReader.IsGeneratedModel(member.Type))
                || graphOnlyBases.Any(b => b is not null && KnownTypes.DerivesFrom(member.Type, b)))
            {
                context.LayerTypes[member.Name] = member.Type;
                layers.Add(ReadLayer(member, semanticModel, syntaxReader, context, cancellationToken));
            }
            else if (ElementLayer(member.Type, layerBase) is not null)
            {
                context.Report(DiagnosticDescriptors.LayerCollection, SourceLocation.From(member.TypeSyntax), member.Identifier.ValueText, member.Type.ToDisplayString());
            }
        }

        ReportLayersInOtherParts(syntax, type, layerBase, context);
        return layers;
    }

    // The layer type an array or generic collection member holds (Dense[], List<Dense>), if any.
    private static ITypeSymbol? ElementLayer(ITypeSymbol type, INamedTypeSymbol layerBase) => type switch
    {
        IArrayTypeSymbol array => KnownTypes.DerivesFrom(array.ElementType, layerBase) ? array.ElementType : null,
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.FirstOrDefault(t => KnownTypes.DerivesFrom(t, layerBase)),
        _ => null,
    };

    // Each field and property with its type. A type written as a simple name (Dense) is bound once per
    // model (or per scope, see ScopedTypeNames) as a type name, the way the member's declaration binds
    // it; any other through the member's symbol.
    private static IEnumerable<LayerMember> Members(TypeDeclarationSyntax syntax, SemanticModel semanticModel, ScopedTypeNames names, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, ITypeSymbol?>(System.StringComparer.Ordinal);
        ITypeSymbol? TypeOf(TypeSyntax type, SyntaxNode declaration)
        {
            if (type is not IdentifierNameSyntax { IsVar: false } name)
            {
                return semanticModel.GetDeclaredSymbol(declaration, cancellationToken) switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
            }

            if (!named.TryGetValue(name.Identifier.ValueText, out var bound))
            {
                named[name.Identifier.ValueText] = bound = names.DeclaredType(name.SpanStart, name);
            }

            return bound;
        }

        foreach (var member in syntax.Members)
        {
            var isStatic = member.Modifiers.Any(SyntaxKind.StaticKeyword);
            if (member is FieldDeclarationSyntax field)
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (TypeOf(field.Declaration.Type, variable) is { } type)
                    {
                        yield return new LayerMember(variable.Identifier, type, field.Declaration.Type, variable.Initializer?.Value, isStatic);
                    }
                }
            }
            else if (member is PropertyDeclarationSyntax property && TypeOf(property.Type, property) is { } type)
            {
                yield return new LayerMember(property.Identifier, type, property.Type, property.Initializer?.Value, isStatic);
            }
        }
    }

    private static LayerDeclaration ReadLayer(LayerMember member, SemanticModel semanticModel, LayerSyntax syntaxReader, ReadContext context, CancellationToken cancellationToken)
    {
        var (name, identifier) = (member.Name, member.Identifier.Text);
        var location = SourceLocation.From((SyntaxNode?)member.Initializer ?? member.TypeSyntax);
        var unresolved = new UnresolvedDeclaration(name, identifier, location, member.Type.Name);
        if (member.IsStatic || member.Initializer is null)
        {
            context.Report(DiagnosticDescriptors.LayerNotCreated, SourceLocation.From(member.Identifier), name, member.IsStatic ? "a static member" : "no initializer");
            return unresolved;
        }

        // Syntax decides most initializers; the compiler binds the rest (and stays the judge of errors).
        var creation = syntaxReader.TryRead(member);
        if (creation is null)
        {
            if (BindingErrors.In(member.Initializer, semanticModel, cancellationToken))
            {
                context.CompilerErrors.Add($"layer '{name}' does not compile");
                return unresolved;
            }

            var operation = semanticModel.GetOperation(member.Initializer, cancellationToken);
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is not IObjectCreationOperation { Type: { } created } bound)
            {
                context.Report(DiagnosticDescriptors.LayerNotCreated, location, name, "'" + member.Initializer + "'");
                return unresolved;
            }

            creation = LayerCreation.From(bound, created);
        }

        var layer = LayerFactory.Create(creation, name, identifier, location, context);
        if (layer is null)
        {
            var culprit = SymbolEqualityComparer.Default.Equals(member.Type, creation.Type) ? SourceLocation.From(member.TypeSyntax) : location;
            context.Report(DiagnosticDescriptors.UnsupportedLayer, culprit, name, creation.Type.Name);
        }
        else if (layer is not UnresolvedDeclaration)
        {
            layer = RegularizerReader.Apply(creation, layer, context);
            layer = layer is UnresolvedDeclaration ? layer : ConstraintReader.Apply(creation, layer, context);
            layer = layer is UnresolvedDeclaration ? layer : InitializerReader.Apply(creation, layer, context);
        }

        return layer ?? unresolved;
    }

    // Layers in another part of a partial class have no clear place in the sequence.
    private static void ReportLayersInOtherParts(TypeDeclarationSyntax syntax, INamedTypeSymbol type, INamedTypeSymbol layerBase, ReadContext context)
    {
        if (type.DeclaringSyntaxReferences.Length == 1)
        {
            return;   // no other part
        }

        foreach (var member in type.GetMembers())
        {
            // Only members declared elsewhere: this part's members are typed already, and typing them again costs a binding each.
            var elsewhere = member.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != syntax.SyntaxTree || !syntax.Span.Contains(r.Span));
            var memberType = !elsewhere ? null : member switch
            {
                IFieldSymbol { AssociatedSymbol: null, IsImplicitlyDeclared: false } field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is not null && KnownTypes.DerivesFrom(memberType, layerBase))
            {
                context.Report(DiagnosticDescriptors.LayerInOtherPart, SourceLocation.From(member.Locations[0]), member.Name, type.Name);
            }
        }
    }
}
