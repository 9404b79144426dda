using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Reads a built-in layer's <c>new(...)</c> from its syntax, without binding it: the reading Roslyn
/// repeats for every model on every keystroke. Syntax decides when the member's type is a built-in
/// layer, the creation is <c>new(...)</c> (or <c>new T(...)</c> spelled as the member's type), and
/// each argument is a literal, a tuple or list of int literals, or an enum member
/// (<c>Activation.Relu</c>, its enum's name bound once per model) that exactly one public
/// constructor accepts. Anything else (named constants, expressions, custom layers, models used as
/// layers, overloads syntax cannot tell apart) returns <see langword="null"/>, and the compiler
/// binds the initializer instead, with the same diagnostics.
/// </summary>
internal sealed class LayerSyntax(SemanticModel semanticModel, INamedTypeSymbol model, CancellationToken cancellationToken, ScopedTypeNames? scopedNames = null)
{
    // The enum types simple names denote in the class's scope (every member initializer shares it).
    private readonly Dictionary<string, ITypeSymbol?> _names = new(StringComparer.Ordinal);

    // Where names are bound: a member's declared type, in the class's scope as its initializers are,
    // outside any initializer (whose binding the semantic model would set up for the position).
    private int _scope;

    // What an argument's syntax says about its value before its parameter is known.
    private enum ValueKind
    {
        Int,
        Double,
        Bool,
        Null,
        IntTuple,
        IntList,
        EnumMember,
    }

    private readonly record struct SyntaxValue(ValueKind Kind, object? Value, string? EnumName = null, string? Member = null);

    // Whether a constructor takes the arguments: surely not, surely (with the values), or syntax cannot tell.
    private enum Fit
    {
        No,
        Yes,
        Unknown,
    }

    private static readonly (Fit Fit, object? Value) No = (Fit.No, null);
    private static readonly (Fit Fit, object? Value) Unknown = (Fit.Unknown, null);

    /// <summary>The creation <paramref name="member"/>'s initializer writes, or <see langword="null"/> when syntax alone cannot decide it.</summary>
    public LayerCreation? TryRead(LayerMember member)
    {
        if (member.Initializer is not { ContainsDiagnostics: false } initializer
            || member.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } type
            || !IsBuiltIn(type))
        {
            return null;
        }

        _scope = member.TypeSyntax.SpanStart;
        var arguments = initializer switch
        {
            ImplicitObjectCreationExpressionSyntax { Initializer: null } created => created.ArgumentList,
            ObjectCreationExpressionSyntax { Initializer: null, ArgumentList: { } list } created
                when created.Type.IsEquivalentTo(member.TypeSyntax, topLevel: false) => list,
            _ => null,
        };
        if (arguments is null || arguments.Arguments.Any(a => a.RefKindKeyword.RawKind != 0))
        {
            return null;
        }

        var values = new List<SyntaxValue>(arguments.Arguments.Count);
        foreach (var argument in arguments.Arguments)
        {
            if (Read(argument.Expression) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        // Exactly one public constructor must surely take the arguments, and none may be unsure.
        LayerCreation? chosen = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
            {
                if (constructor.DeclaredAccessibility != Accessibility.Private)
                {
                    return null;
                }

                continue;
            }

            var (fit, creation) = Match(type, constructor, initializer, arguments, values);
            if (fit == Fit.Unknown || (fit == Fit.Yes && chosen is not null))
            {
                return null;
            }

            chosen = fit == Fit.Yes ? creation : chosen;
        }

        return chosen;
    }

    // The built-in layers LayerFactory reads itself (not custom layers or models used as layers).
    private static bool IsBuiltIn(INamedTypeSymbol type)
    {
        var fullName = KnownTypes.FullName(type);
        return fullName is KnownTypes.Flatten or KnownTypes.Dense or KnownTypes.Dropout or KnownTypes.ActivationLayer
            || MergeLayerReader.IsMerge(fullName)
            || (fullName == "StaticKeras.Layers." + type.Name && RuleLayerFactory.TypeNames.Contains(type.Name));
    }

    // A literal (negated or not), a tuple or collection of int literals, or Enum.Member; null when none of these.
    private static SyntaxValue? Read(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Kind() switch
                {
                    SyntaxKind.TrueLiteralExpression => new SyntaxValue(ValueKind.Bool, true),
                    SyntaxKind.FalseLiteralExpression => new SyntaxValue(ValueKind.Bool, false),
                    SyntaxKind.NullLiteralExpression => new SyntaxValue(ValueKind.Null, null),
                    SyntaxKind.NumericLiteralExpression => Number(literal.Token.Value, negate: false),
                    _ => null,
                };
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } operand } unary:
                return Number(operand.Token.Value, negate: unary.IsKind(SyntaxKind.UnaryMinusExpression));
            case TupleExpressionSyntax tuple when tuple.Arguments.All(a => a.NameColon is null) && Ints(tuple.Arguments.Select(a => a.Expression)) is { } items:
                return new SyntaxValue(ValueKind.IntTuple, items);
            case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax)
                && Ints(collection.Elements.Select(e => ((ExpressionElementSyntax)e).Expression)) is { } elements:
                return new SyntaxValue(ValueKind.IntList, elements);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax enumName, Name: IdentifierNameSyntax member }:
                return new SyntaxValue(ValueKind.EnumMember, null, enumName.Identifier.ValueText, member.Identifier.ValueText);
            default:
                return null;
        }
    }

    private static SyntaxValue? Number(object? token, bool negate) => token switch
    {
        int i => new SyntaxValue(ValueKind.Int, negate ? -i : i),
        double d => new SyntaxValue(ValueKind.Double, negate ? -d : d),
        _ => null,
    };

    private static int[]? Ints(IEnumerable<ExpressionSyntax> expressions)
    {
        var items = new List<int>();
        foreach (var expression in expressions)
        {
            if (Read(expression) is not { Kind: ValueKind.Int, Value: int item })
            {
                return null;
            }

            items.Add(item);
        }

        return items.ToArray();
    }

    // Matches the arguments to the constructor's parameters as C# does: positional ones in order (the
    // last into an expanded params int[]), then named ones; missing ones take their defaults.
    private (Fit Fit, LayerCreation? Creation) Match(
        INamedTypeSymbol type, IMethodSymbol constructor, ExpressionSyntax creation, ArgumentListSyntax list, List<SyntaxValue> values)
    {
        var parameters = constructor.Parameters;
        var given = new LayerArgument?[parameters.Length];
        var expanded = new List<(ArgumentSyntax Syntax, int Value)>();
        var named = false;
        for (var i = 0; i < values.Count; i++)
        {
            var argument = list.Arguments[i];
            int index;
            if (argument.NameColon is { } nameColon)
            {
                named = true;
                index = IndexOf(parameters, nameColon.Name.Identifier.ValueText);
                if (index < 0 || given[index] is not null || (parameters[index].IsParams && expanded.Count > 0))
                {
                    return (Fit.No, null);
                }
            }
            else if (named)
            {
                return (Fit.Unknown, null);   // positional after named: C# allows it only in position
            }
            else
            {
                index = i;
                var last = parameters.Length - 1;
                if (index >= last && last >= 0 && parameters[last].IsParams)
                {
                    // One list in the params parameter's place is its normal form, converted as any
                    // other argument; int literals there and after it fill an expanded params int[].
                    var normal = index == last && values.Count == parameters.Length && values[i].Kind == ValueKind.IntList;
                    if (!normal)
                    {
                        if (values[i].Kind != ValueKind.Int || !IsArrayOf(parameters[last].Type, SpecialType.System_Int32))
                        {
                            return (Fit.Unknown, null);
                        }

                        expanded.Add((argument, (int)values[i].Value!));
                        continue;
                    }

                    index = last;
                }
                else if (index >= parameters.Length)
                {
                    return (Fit.No, null);
                }
            }

            var (fit, value) = Convert(values[i], parameters[index].Type);
            if (fit != Fit.Yes)
            {
                return (fit, null);
            }

            given[index] = new LayerArgument(parameters[index], false, argument, argument.Span, true, value, null);
        }

        var arguments = new List<LayerArgument>();
        for (var p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            if (given[p] is { } argument)
            {
                arguments.Add(argument);
            }
            else if (parameter.IsParams && expanded.Count > 0)
            {
                var span = TextSpan.FromBounds(expanded[0].Syntax.Expression.SpanStart, expanded[expanded.Count - 1].Syntax.Expression.Span.End);
                arguments.Add(new LayerArgument(parameter, false, expanded[0].Syntax, span, true, expanded.Select(e => e.Value).ToArray(), null));
            }
            else if (parameter.HasExplicitDefaultValue && !parameter.IsParams)
            {
                // As the compiler's operations do, a defaulted argument is placed at the whole creation.
                arguments.Add(new LayerArgument(parameter, true, creation, creation.Span, true, parameter.ExplicitDefaultValue, null));
            }
            else
            {
                // A required parameter missing, or an empty params list or [Optional] syntax leaves to the compiler.
                return (parameter.IsParams || parameter.IsOptional ? Fit.Unknown : Fit.No, null);
            }
        }

        return (Fit.Yes, new LayerCreation(type, constructor, arguments, null));
    }

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    // Whether a value of this syntax converts to the parameter type, and the constant the bound
    // argument would give (ConstantValues looks through conversions to nullable and user-defined types).
    private (Fit Fit, object? Value) Convert(SyntaxValue value, ITypeSymbol parameterType)
    {
        var nullable = parameterType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var target = nullable ? ((INamedTypeSymbol)parameterType).TypeArguments[0] : parameterType;
        switch (value.Kind)
        {
            case ValueKind.Null:
                return nullable || parameterType.IsReferenceType ? Yes(null)
                    : parameterType.IsValueType ? No : Unknown;
            case ValueKind.Bool:
                return target.SpecialType == SpecialType.System_Boolean ? Yes(value.Value) : Unless(target);
            case ValueKind.Int:
                var number = (int)value.Value!;
                return target.SpecialType switch
                {
                    SpecialType.System_Int32 => Yes(number),
                    SpecialType.System_Int64 => Yes(nullable ? number : (object)(long)number),
                    SpecialType.System_Double => Yes(nullable ? number : (object)(double)number),
                    SpecialType.System_Single => Yes(nullable ? number : (object)(float)number),
                    SpecialType.System_Boolean or SpecialType.System_String => No,
                    _ when target.IsTupleType => No,
                    _ when HasConversionFrom(target, t => t.SpecialType == SpecialType.System_Int32) => Yes(number),
                    _ => Unknown,
                };
            case ValueKind.Double:
                return target.SpecialType switch
                {
                    SpecialType.System_Double => Yes(value.Value),
                    SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Single or SpecialType.System_Boolean or SpecialType.System_String => No,
                    _ => Unknown,
                };
            case ValueKind.IntTuple:
                var arity = ((int[])value.Value!).Length;
                return IsIntTuple(target, arity) || HasConversionFrom(target, t => IsIntTuple(t, arity)) ? Yes(value.Value)
                    : target.SpecialType is SpecialType.System_Int32 or SpecialType.System_Double or SpecialType.System_Boolean ? No
                    : target.TypeKind == TypeKind.Enum ? No   // no conversion turns a tuple into an enum (ZeroPadding2D's (padding, dataFormat) constructor)
                    : Unknown;
            case ValueKind.IntList:
                return !nullable && IsArrayOf(parameterType, SpecialType.System_Int32) ? Yes(value.Value)
                    : target.SpecialType is SpecialType.System_Int32 or SpecialType.System_Double or SpecialType.System_Boolean ? No
                    : Unknown;
            case ValueKind.EnumMember:
                if (target.TypeKind != TypeKind.Enum || target.Name != value.EnumName)
                {
                    return Unknown;
                }

                if (!SymbolEqualityComparer.Default.Equals(Lookup(value.EnumName!), target))
                {
                    return Unknown;
                }

                return target.GetMembers(value.Member!).OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue) is { } field
                    ? Yes(field.ConstantValue)
                    : Unknown;   // no such member: the compiler reports it
            default:
                return Unknown;
        }
    }

    // A plain value of one kind does not convert to another plain kind; a type with conversions of its own might.
    private static (Fit Fit, object? Value) Unless(ITypeSymbol target) =>
        target.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_String
            ? No
            : Unknown;

    private static (Fit Fit, object? Value) Yes(object? value) => (Fit.Yes, value);

    private static bool IsArrayOf(ITypeSymbol type, SpecialType element) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: var special } && special == element;

    private static bool IsIntTuple(ITypeSymbol type, int arity) =>
        type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == arity
        && tuple.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Int32);

    // A user-defined implicit conversion to the type from exactly the source type (Size2D from int or (int, int)).
    private static bool HasConversionFrom(ITypeSymbol type, Func<ITypeSymbol, bool> source) =>
        type.TypeKind is TypeKind.Struct or TypeKind.Class
        && type.GetMembers(WellKnownMemberNames.ImplicitConversionName).OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Length == 1 && source(m.Parameters[0].Type) && SymbolEqualityComparer.Default.Equals(m.ReturnType, type));

    // The type a simple name denotes in the model's scope, bound once per model as a type name (once per
    // compilation for models declared in the same scope, with scopedNames); null
    // when a member of the class or of a class containing it has that name (a simple name finds
    // members first).
    private ITypeSymbol? Lookup(string name)
    {
        if (!_names.TryGetValue(name, out var type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shadowed = false;
            for (ITypeSymbol? container = model; container is not null && !shadowed; container = container.ContainingType)
            {
                for (ITypeSymbol? current = container; current is not null && !shadowed; current = current.BaseType)
                {
                    shadowed = current.GetMembers(name).Any(m => m is not ITypeSymbol);
                }
            }

            _names[name] = type = shadowed ? null
                : scopedNames is not null ? scopedNames.Type(_scope, name)
                : semanticModel.GetSpeculativeSymbolInfo(_scope, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol as ITypeSymbol;
        }

        return type;
    }
}
