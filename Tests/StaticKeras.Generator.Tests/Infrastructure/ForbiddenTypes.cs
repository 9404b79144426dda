using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline value's object graph and reports any Roslyn object that would keep a
/// compilation alive or defeat caching (symbols, syntax, compilations, semantic models), as
/// NetEscapades.EnumGenerators' test helper does.
/// </summary>
public static class ForbiddenTypes
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel)];

    /// <summary>The paths (e.g. <c>Declaration.Layers[0]</c>) at which forbidden objects were found.</summary>
    public static List<string> Find(object? value, string path = "value")
    {
        var found = new List<string>();
        Walk(value, path, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        var type = value.GetType();
        if (Array.Exists(Forbidden, f => f.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.Name}");
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{i++}]", found, seen);
            }

            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, found, seen);
            }
        }
    }
}
