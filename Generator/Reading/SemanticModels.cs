using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// The semantic models the readers bind with. Reading needs what an expression binds to, never the
/// nullable state of its values, so nullable analysis (about half the cost of binding a layer
/// initializer or a graph method, on every keystroke) is switched off, as the IDE does for its
/// semantic classification.
/// </summary>
internal static class SemanticModels
{
    // Roslyn marks the option experimental (dotnet/roslyn#70609): a compiler without it gets the
    // ordinary semantic model, which binds the same, only slower.
    private static bool s_optionMissing;

    /// <summary>A semantic model of <paramref name="tree"/> in <paramref name="compilation"/> without nullable analysis where the compiler allows it.</summary>
    public static SemanticModel For(Compilation compilation, SyntaxTree tree)
    {
        if (!s_optionMissing)
        {
            try
            {
                return WithoutNullableAnalysis(compilation, tree);
            }
            catch (MissingMemberException)
            {
                s_optionMissing = true;
            }
        }

        return compilation.GetSemanticModel(tree);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree) =>
#pragma warning disable RSEXPERIMENTAL001 // experimental API: guarded above
        compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
}
