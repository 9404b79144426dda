using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// What a simple type name (<c>Dense</c>, <c>Activation</c>) denotes among a model's members, bound once
/// per compilation for every model declared in the same scope. Outside the class, a simple name is
/// looked up in the namespaces around it (their members are the compilation's) and in the using
/// directives of each level: models in files whose namespace and usings read the same get the same
/// answer. The class's own scope (its members, type parameters, base classes and containing types) can
/// change the answer, so a class that is nested, generic, has a base list or other parts, or declares a
/// member of that name binds it for itself, and so does every class when a file-local type has the name.
/// </summary>
internal sealed class ScopedTypeNames
{
    private static readonly ConditionalWeakTable<Compilation, Bindings> s_bound = new();

    private readonly SemanticModel _semanticModel;
    private readonly INamedTypeSymbol _model;
    private readonly string? _scope;

    /// <summary>Names bound in the class <paramref name="syntax"/> (the part of <paramref name="model"/> being read).</summary>
    public ScopedTypeNames(SemanticModel semanticModel, INamedTypeSymbol model, TypeDeclarationSyntax syntax)
    {
        _semanticModel = semanticModel;
        _model = model;
        _scope = ScopeOf(model, syntax);
    }

    /// <summary>The type <paramref name="name"/> denotes at <paramref name="position"/> as a member's declared type (an error type when none).</summary>
    public ITypeSymbol? DeclaredType(int position, IdentifierNameSyntax name) =>
        Bind("type ", name.Identifier.ValueText, () => _semanticModel.GetSpeculativeTypeInfo(position, name, SpeculativeBindingOption.BindAsTypeOrNamespace).Type);

    /// <summary>The type <paramref name="name"/> denotes at <paramref name="position"/>, or <see langword="null"/> when it denotes none.</summary>
    public ITypeSymbol? Type(int position, string name) =>
        Bind("symbol ", name, () => _semanticModel.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol as ITypeSymbol);

    private ITypeSymbol? Bind(string kind, string name, Func<ITypeSymbol?> bind)
    {
        // MemberNames lists the members other than nested types.
        if (_scope is null || _model.MemberNames.Contains(name) || !_model.GetTypeMembers(name).IsEmpty)
        {
            return bind();
        }

        var bindings = s_bound.GetValue(_semanticModel.Compilation, static _ => new Bindings());
        // A file-local type is seen only in its own file, whatever the namespaces and usings around it.
        if (bindings.FileLocal.GetOrAdd(name, IsFileLocalAnywhere))
        {
            return bind();
        }

        var key = kind + name + "\n" + _scope;
        if (!bindings.Types.TryGetValue(key, out var type))
        {
            bindings.Types[key] = type = bind();
        }

        return type;
    }

    private bool IsFileLocalAnywhere(string name) =>
        _semanticModel.Compilation.GetSymbolsWithName(name, SymbolFilter.Type).Any(t => t is INamedTypeSymbol { IsFileLocal: true });

    // What one compilation's names were bound to, by kind, name and scope; and whether a file-local type has the name.
    private sealed class Bindings
    {
        public ConcurrentDictionary<string, ITypeSymbol?> Types { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> FileLocal { get; } = new(StringComparer.Ordinal);
    }

    // The namespaces and using directives around a top-level class, as text; null when the class's own
    // scope could change what a name outside it means.
    private static string? ScopeOf(INamedTypeSymbol model, TypeDeclarationSyntax syntax)
    {
        if (syntax.Parent is TypeDeclarationSyntax || syntax.TypeParameterList is not null || syntax.BaseList is not null
            || model.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var scope = new StringBuilder();
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            var (name, externs, usings) = node switch
            {
                BaseNamespaceDeclarationSyntax ns => (ns.Name.ToString(), ns.Externs, ns.Usings),
                CompilationUnitSyntax unit => ("", unit.Externs, unit.Usings),
                _ => (null, default, default),
            };
            if (name is null)
            {
                return null;
            }

            scope.Append(name).Append('{');
            foreach (var external in externs)
            {
                scope.Append(external).Append(';');
            }

            foreach (var @using in usings)
            {
                scope.Append(@using).Append(';');
            }

            scope.Append('}');
        }

        return scope.ToString();
    }
}
