using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Maps a constant of one of StaticKeras' enums to the generator's copy of that enum, by member
/// name, so the generator does not depend on the enums' numeric values.
/// </summary>
internal static class EnumValues
{
    /// <summary>
    /// The member of <typeparamref name="TKind"/> named like the member of <paramref name="enumType"/>
    /// whose value is <paramref name="value"/>; <see langword="null"/> when no member has that value.
    /// </summary>
    public static TKind? Read<TKind>(ITypeSymbol? enumType, object? value)
        where TKind : struct, Enum
    {
        var name = enumType?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        return name is not null && Enum.TryParse<TKind>(name, out var kind) ? kind : null;
    }

    /// <summary>The names of <typeparamref name="TKind"/>'s members, for messages: <c>Linear, Relu, Sigmoid</c>.</summary>
    public static string Names<TKind>()
        where TKind : struct, Enum => string.Join(", ", Enum.GetNames(typeof(TKind)));
}
