using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// What the names of a <c>[Graph]</c> method denote, for <see cref="GraphBodyReader"/>: its inputs,
/// its locals, and the model's layer members. Either the compiler's binding of the method
/// (<see cref="Bound"/>), or, when <see cref="GraphSyntax"/> has shown the body binds without
/// errors and every name is unique, the names themselves (<see cref="Named"/>).
/// </summary>
internal abstract class GraphScope
{
    /// <summary>What a name denotes, as far as the reader cares.</summary>
    public enum Kind
    {
        /// <summary>A parameter of the method: a model input.</summary>
        Parameter,

        /// <summary>A local of the method.</summary>
        Local,

        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>Compares the keys this scope hands out.</summary>
    public abstract IEqualityComparer<object> Comparer { get; }

    /// <summary>The key of the method's parameter <paramref name="parameter"/>.</summary>
    public abstract object Parameter(IParameterSymbol parameter);

    /// <summary>The key of the local <paramref name="variable"/> declares, if any.</summary>
    public abstract object? Declared(VariableDeclaratorSyntax variable);

    /// <summary>The key of what <paramref name="name"/> denotes, if anything.</summary>
    public abstract object? Resolve(IdentifierNameSyntax name);

    /// <summary>What <paramref name="key"/> denotes, and its name.</summary>
    public abstract (Kind Kind, string Name) Describe(object key);

    /// <summary>The layer member <paramref name="receiver"/> (<c>hidden</c> or <c>this.hidden</c> in <c>hidden.Call(x)</c>) names, if it is one of <paramref name="layers"/>.</summary>
    public abstract string? LayerMember(ExpressionSyntax receiver, INamedTypeSymbol type, ISet<string> layers);

    /// <summary>Names bound by the compiler: keys are symbols.</summary>
    public sealed class Bound(SemanticModel semanticModel, CancellationToken cancellationToken) : GraphScope
    {
        /// <inheritdoc/>
        public override IEqualityComparer<object> Comparer { get; } = new SymbolKeys();

        /// <inheritdoc/>
        public override object Parameter(IParameterSymbol parameter) => parameter;

        /// <inheritdoc/>
        public override object? Declared(VariableDeclaratorSyntax variable) => semanticModel.GetDeclaredSymbol(variable, cancellationToken);

        /// <inheritdoc/>
        public override object? Resolve(IdentifierNameSyntax name) => semanticModel.GetSymbolInfo(name, cancellationToken).Symbol;

        /// <inheritdoc/>
        public override (Kind Kind, string Name) Describe(object key) => key switch
        {
            IParameterSymbol parameter => (Kind.Parameter, parameter.Name),
            ILocalSymbol local => (Kind.Local, local.Name),
            ISymbol symbol => (Kind.Other, symbol.Name),
            _ => (Kind.Other, string.Empty),
        };

        /// <inheritdoc/>
        public override string? LayerMember(ExpressionSyntax receiver, INamedTypeSymbol type, ISet<string> layers)
        {
            var member = semanticModel.GetSymbolInfo(receiver, cancellationToken).Symbol;
            return member is IFieldSymbol or IPropertySymbol
                && SymbolEqualityComparer.Default.Equals(member.ContainingType, type)
                && layers.Contains(member.Name)
                ? member.Name
                : null;
        }

        private sealed class SymbolKeys : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y) => SymbolEqualityComparer.Default.Equals(x as ISymbol, y as ISymbol);

            public int GetHashCode(object obj) => SymbolEqualityComparer.Default.GetHashCode(obj as ISymbol);
        }
    }

    /// <summary>
    /// Names read from syntax, where <see cref="GraphSyntax"/> has shown that each parameter and
    /// local has a name of its own and every other simple name is a layer member.
    /// </summary>
    public sealed class Named(ISet<string> parameters) : GraphScope
    {
        /// <inheritdoc/>
        public override IEqualityComparer<object> Comparer => EqualityComparer<object>.Default;

        /// <inheritdoc/>
        public override object Parameter(IParameterSymbol parameter) => parameter.Name;

        /// <inheritdoc/>
        public override object? Declared(VariableDeclaratorSyntax variable) => variable.Identifier.ValueText;

        /// <inheritdoc/>
        public override object? Resolve(IdentifierNameSyntax name) => name.Identifier.ValueText;

        /// <inheritdoc/>
        public override (Kind Kind, string Name) Describe(object key) => (parameters.Contains((string)key) ? Kind.Parameter : Kind.Local, (string)key);

        /// <inheritdoc/>
        public override string? LayerMember(ExpressionSyntax receiver, INamedTypeSymbol type, ISet<string> layers)
        {
            var name = receiver switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
                _ => null,
            };
            return name is not null && layers.Contains(name) ? name : null;
        }
    }
}
