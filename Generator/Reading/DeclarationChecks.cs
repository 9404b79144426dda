using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The checks that decide whether a partial part can be added to the class at all: a part added to
/// a class that is not partial, is generic, has another base class or cannot see the runtime
/// would only bring more errors.
/// </summary>
internal static class DeclarationChecks
{
    /// <summary>Reports STK0011, STK0003, STK0001 and STK0008; returns whether the class can receive a generated part.</summary>
    public static bool CanGenerate(INamedTypeSymbol type, TypeDeclarationSyntax syntax, INamedTypeSymbol? modelBase, ReadContext context)
    {
        var name = type.Name;
        var identifier = SourceLocation.From(syntax.Identifier);
        if (modelBase is null)
        {
            context.Report(DiagnosticDescriptors.RuntimeNotReferenced, identifier, name);
            return false;
        }

        var canGenerate = CheckKindAndBase(type, syntax, modelBase, context);
        foreach (var declaration in syntax.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.Report(
                    DiagnosticDescriptors.NotPartial, SourceLocation.From(declaration.Identifier), declaration.Identifier.ValueText, Header(declaration));
                canGenerate = false;
            }

            if (declaration.TypeParameterList is { } typeParameters)
            {
                context.Report(
                    DiagnosticDescriptors.GenericModel, SourceLocation.From(typeParameters), name, declaration.Identifier.ValueText + typeParameters);
                canGenerate = false;
            }
        }

        return MemberNameChecks.Check(type, syntax, isModel: true, context) && canGenerate;
    }

    private static bool CheckKindAndBase(INamedTypeSymbol type, TypeDeclarationSyntax syntax, INamedTypeSymbol modelBase, ReadContext context)
    {
        var found = type.IsRecord ? "a record"
            : type.IsStatic ? "a static class"
            : type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && !SymbolEqualityComparer.Default.Equals(baseType, modelBase)
                ? "base class '" + baseType.ToDisplayString() + "'"
                : null;
        if (found is null)
        {
            return true;
        }

        var location = type.IsRecord || type.IsStatic || syntax.BaseList is null
            ? SourceLocation.From(syntax.Identifier)
            : SourceLocation.From(syntax.BaseList.Types[0]);
        context.Report(DiagnosticDescriptors.InvalidModelType, location, type.Name, found);
        return false;
    }

    private static string Header(TypeDeclarationSyntax declaration)
    {
        var keyword = declaration is RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not 0 } record
            ? declaration.Keyword.Text + " " + record.ClassOrStructKeyword.Text
            : declaration.Keyword.Text;
        var modifiers = declaration.Modifiers.ToString();
        return (modifiers.Length > 0 ? modifiers + " " : string.Empty) + keyword + " " + declaration.Identifier.Text;
    }
}
