using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Names that would make the generated part fail to compile: a member named like one the generated
/// part declares (STK0076), a name declared twice (STK0077), and a type the part cannot be added to,
/// file-local or named with a keyword or a generated member's name (STK0078).
/// </summary>
internal static class MemberNameChecks
{
    // Declared by the generated part of a model whatever the member's kind (a property, or records).
    private static readonly string[] AnyKind = ["Info", "Inputs", "Outputs", "Targets"];

    // Methods the generated part declares; a user's method of the same name is an overload, anything else clashes.
    private static readonly string[] Methods = ["Call", "TrainStep", "TestStep", "TrainStepMany", "TestStepMany", "Predict", "Fit", "Evaluate"];

    /// <summary>Reports the problems; returns whether the generated part can be added.</summary>
    /// <param name="type">The class.</param>
    /// <param name="syntax">The part carrying the attribute.</param>
    /// <param name="isModel">A model (its generated members are reserved), not a custom layer.</param>
    /// <param name="context">Where diagnostics go.</param>
    public static bool Check(INamedTypeSymbol type, TypeDeclarationSyntax syntax, bool isModel, ReadContext context)
    {
        var ok = CheckType(type, syntax, context);
        if (NamesAreDistinct(type, syntax))
        {
            return ok;   // what the checks below would conclude, without building every member's symbol
        }

        var members = type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.Locations.Any(l => l.IsInSource)).ToList();
        foreach (var group in members.Where(m => m is not IMethodSymbol).Concat(members.OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
                     .GroupBy(m => m.Name))
        {
            // One symbol declared once, the usual case: nothing to sort.
            if (!group.Skip(1).Any() && group.First().Locations.Length == 1)
            {
                continue;
            }

            var declarations = group.SelectMany(m => m.Locations.Where(l => l.IsInSource)).OrderBy(l => l.SourceTree?.FilePath).ThenBy(l => l.SourceSpan.Start).ToList();
            if (group.Any(m => m is not IMethodSymbol) && declarations.Count > 1 && !IsPartialPair(group))
            {
                context.Report(DiagnosticDescriptors.DuplicateMember, SourceLocation.From(declarations[1]), type.Name, group.Key);
                ok = false;
            }
        }

        // Methods may overload; the same signature twice is a duplicate (CS0111, then ambiguous calls in generated code).
        // Only a name declared more than once can be: the others' parameter types are never bound here.
        foreach (var group in members.OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary)
                     .GroupBy(m => m.Name).Where(g => g.Skip(1).Any())
                     .SelectMany(g => g.GroupBy(m => "(" + string.Join(",", m.Parameters.Select(p => p.Type.ToDisplayString())) + ")"))
                     .Where(g => g.Count() > 1))
        {
            var second = group.Select(m => m.Locations.First(l => l.IsInSource)).OrderBy(l => l.SourceTree?.FilePath).ThenBy(l => l.SourceSpan.Start).ElementAt(1);
            context.Report(DiagnosticDescriptors.DuplicateMember, SourceLocation.From(second), type.Name, group.First().Name);
            ok = false;
        }

        // A primary-constructor parameter named like a member (a custom layer's 'units' beside a method
        // 'units'): the generated code names the parameter, and the member would shadow it.
        if (syntax.ParameterList is { } primary)
        {
            foreach (var parameter in primary.Parameters.Where(p => members.Any(m => m.Name == p.Identifier.ValueText)))
            {
                context.Report(DiagnosticDescriptors.DuplicateMember, SourceLocation.From(parameter.Identifier), type.Name, parameter.Identifier.ValueText);
                ok = false;
            }
        }

        if (!isModel)
            return ok;
        foreach (var member in members)
        {
            var clashes = AnyKind.Contains(member.Name) || (Methods.Contains(member.Name) && member is not IMethodSymbol);
            if (clashes && member.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            {
                context.Report(DiagnosticDescriptors.GeneratedMemberName, SourceLocation.From(location), type.Name, member.Name,
                    string.Join(", ", AnyKind.Concat(Methods)));
                ok = false;
            }
        }

        return ok;
    }

    // Whether syntax alone shows that the checks find nothing: a class declared in this one part whose
    // members' names (and its primary constructor's parameters') are all different, none reserved.
    // Anything unusual returns false, and the symbols decide.
    private static bool NamesAreDistinct(INamedTypeSymbol type, TypeDeclarationSyntax syntax)
    {
        if (syntax is not ClassDeclarationSyntax || type.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        // Each name with whether a method declares it: a method may take a generated method's name (an overload), nothing else may.
        var names = new Dictionary<string, bool>(System.StringComparer.Ordinal);
        bool Add(SyntaxToken identifier, bool method = false) => AddName(identifier.ValueText, method);
        bool AddName(string name, bool method = false)
        {
            if (names.ContainsKey(name) || AnyKind.Contains(name) || (!method && Methods.Contains(name)))
            {
                return false;
            }

            names[name] = method;
            return true;
        }

        foreach (var member in syntax.Members)
        {
            var distinct = member switch
            {
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.All(v => Add(v.Identifier)),
                PropertyDeclarationSyntax property => Add(property.Identifier),
                EventDeclarationSyntax @event => Add(@event.Identifier),
                IndexerDeclarationSyntax => AddName("this[]"),
                MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method => Add(method.Identifier, method: true),
                BaseTypeDeclarationSyntax nested => Add(nested.Identifier),
                DelegateDeclarationSyntax @delegate => Add(@delegate.Identifier),
                ConstructorDeclarationSyntax => true,
                DestructorDeclarationSyntax => AddName("Finalize", method: true),
                _ => false,
            };
            if (!distinct)
            {
                return false;
            }
        }

        return syntax.ParameterList?.Parameters.Any(p => names.ContainsKey(p.Identifier.ValueText)) is not true;
    }

    private static bool CheckType(INamedTypeSymbol type, TypeDeclarationSyntax syntax, ReadContext context)
    {
        var identifier = syntax.Identifier;
        string? problem = null;
        string? fix = null;
        if (syntax.Modifiers.Any(SyntaxKind.FileKeyword) || type.IsFileLocal)
        {
            (problem, fix) = ("a file-local type", "remove 'file' (a partial type's parts must all be in one file; 'internal' keeps it out of your public API)");
        }
        else if (SyntaxFacts.GetKeywordKind(identifier.ValueText) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier.ValueText) is SyntaxKind.VarKeyword)
        {
            (problem, fix) = ($"named with the C# keyword '{identifier.ValueText}'", "rename it");
        }
        else if (AnyKind.Concat(Methods).Contains(identifier.ValueText))
        {
            (problem, fix) = ($"named like the generated member '{identifier.ValueText}'", "rename it");
        }

        if (problem is null)
            return true;
        context.Report(DiagnosticDescriptors.UnextendableType, SourceLocation.From(identifier), identifier.ValueText, problem, fix!);
        return false;
    }

    // A partial property or method: its declaring and implementing parts share a name legitimately.
    private static bool IsPartialPair(IEnumerable<ISymbol> group) =>
        group.Count() == 1 && group.Single() is IPropertySymbol { PartialImplementationPart: not null } or IPropertySymbol { PartialDefinitionPart: not null };
}
