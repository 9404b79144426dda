using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// A layer's <c>new(...)</c> as the layer readers see it (reading only): the created type, the
/// constructor, and each parameter's argument. Read from syntax by <see cref="LayerSyntax"/> when
/// syntax decides what it binds to, otherwise from the compiler's bound operation.
/// </summary>
/// <param name="Type">The created layer type.</param>
/// <param name="Constructor">The constructor it calls.</param>
/// <param name="Arguments">One argument per parameter given or defaulted.</param>
/// <param name="Operation">The bound creation, when read from it (needed for custom layers and models used as layers).</param>
internal sealed record LayerCreation(ITypeSymbol Type, IMethodSymbol? Constructor, IReadOnlyList<LayerArgument> Arguments, IObjectCreationOperation? Operation)
{
    /// <summary>The creation <paramref name="operation"/> binds to.</summary>
    public static LayerCreation From(IObjectCreationOperation operation, ITypeSymbol type) =>
        new(type, operation.Constructor, operation.Arguments.Select(LayerArgument.From).ToList(), operation);
}

/// <summary>One argument of a <see cref="LayerCreation"/>.</summary>
/// <param name="Parameter">The parameter it is passed to.</param>
/// <param name="IsDefault">Whether it is the parameter's default (not written).</param>
/// <param name="Syntax">Where it is written (the argument), when written.</param>
/// <param name="SiteSpan">Where a diagnostic about its value goes, in <paramref name="Syntax"/>'s tree: the argument, or a params list's first to last element.</param>
/// <param name="IsConstant">Whether its value is known at build time (see <see cref="ConstantValues"/>).</param>
/// <param name="Value">That value: a boxed constant, <see langword="null"/>, or an <see cref="int"/> array.</param>
/// <param name="Operation">The bound argument, when read from the operation.</param>
internal sealed record LayerArgument(
    IParameterSymbol? Parameter, bool IsDefault, SyntaxNode Syntax, TextSpan SiteSpan, bool IsConstant, object? Value, IArgumentOperation? Operation)
{
    /// <summary>Where a diagnostic about the value goes (computed on demand: most arguments never need it).</summary>
    public SourceLocation Site => SourceLocation.From(Location.Create(Syntax.SyntaxTree, SiteSpan));

    /// <summary>The argument <paramref name="argument"/> binds to.</summary>
    public static LayerArgument From(IArgumentOperation argument)
    {
        var constant = ConstantValues.TryRead(argument.Value, out var value);
        return new(argument.Parameter, argument.ArgumentKind == ArgumentKind.DefaultValue, argument.Syntax, SpanOf(argument), constant, value, argument);
    }

    // Where the argument is written: for an expanded params list, its first to last element.
    private static TextSpan SpanOf(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }
            ? TextSpan.FromBounds(elements[0].Syntax.SpanStart, elements[elements.Length - 1].Syntax.Span.End)
            : argument.Syntax.Span;
}
