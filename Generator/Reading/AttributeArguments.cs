using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Reading;

/// <summary>Finds the syntax of an attribute's arguments, so diagnostics can point at the argument that is wrong.</summary>
internal static class AttributeArguments
{
    /// <summary>The attribute's syntax, when it is in source.</summary>
    public static AttributeSyntax? Syntax(AttributeData attribute, System.Threading.CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>The positional (constructor) arguments as written.</summary>
    public static IReadOnlyList<AttributeArgumentSyntax> Positional(AttributeSyntax? attribute) =>
        attribute?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList() ?? [];

    /// <summary>The argument bound to constructor parameter <paramref name="name"/>: <c>name: value</c>, or the positional one at its index.</summary>
    public static SyntaxNode? ForParameter(AttributeSyntax? attribute, IMethodSymbol constructor, string name)
    {
        var positional = Positional(attribute);
        var named = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }

        var index = IndexOf(constructor, name);
        return index >= 0 && index < positional.Count && positional[index].NameColon is null ? positional[index] : null;
    }

    /// <summary>The index of <paramref name="constructor"/>'s parameter <paramref name="name"/>, or -1.</summary>
    public static int IndexOf(IMethodSymbol constructor, string name)
    {
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (constructor.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The argument <c>Name = value</c> setting property <paramref name="name"/>.</summary>
    public static SyntaxNode? ForProperty(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
}
