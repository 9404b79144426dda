using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Model;

/// <summary>Where a model class lives: its namespace, the types containing it, its name.</summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">Declaration headers of containing types, outermost first (<c>partial class Outer</c>).</param>
/// <param name="Name">The class name.</param>
/// <param name="ContainingTypeNames">The containing types' names, outermost first.</param>
internal sealed record TypeIdentity(string? Namespace, EquatableArray<string> ContainingTypes, string Name, EquatableArray<string> ContainingTypeNames)
{
    /// <summary>A top-level class.</summary>
    public static TypeIdentity TopLevel(string? @namespace, string name) =>
        new(@namespace, EquatableArray<string>.Empty, name, EquatableArray<string>.Empty);

    /// <summary>
    /// The generated file's hint name: <c>{Namespace}.{Type}.g.cs</c>, a nested type written as .NET
    /// writes its full name (<c>Samples.Outer+Inner.g.cs</c>) so no two models share a name.
    /// </summary>
    public string HintName =>
        (Namespace is null ? string.Empty : Namespace + ".") + string.Join("+", ContainingTypeNames.Append(Name)) + ".g.cs";
}
