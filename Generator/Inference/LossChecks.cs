using System.Collections.Generic;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// Checks the <c>[Compile]</c> loss against the model's output shape and final activation, the
/// mistakes Keras only finds at fit time or never (STK2001, STK2002).
/// </summary>
internal static class LossChecks
{
    /// <summary>The diagnostics for <paramref name="compile"/> on a model ending in <paramref name="last"/> with <paramref name="output"/>.</summary>
    public static IEnumerable<DiagnosticInfo> Check(CompileDeclaration compile, LayerDeclaration last, Shape output)
    {
        var activation = last.OutputActivation;
        var units = output.Rank > 0 && output.Last.IsKnown ? output.Last.Size : -1;
        var loss = compile.Loss.ToString();
        if (compile.Loss is LossKind.SparseCategoricalCrossentropy or LossKind.CategoricalCrossentropy && units == 1)
        {
            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.LossIncompatibleWithOutput,
                compile.LossLocation,
                loss,
                "an output with 2 or more classes in its last dimension",
                "output " + output,
                "use BinaryCrossentropy with a single sigmoid unit");
        }

        // Binary cross-entropy on several sigmoid units is multi-label classification, which is
        // fine; on a softmax it is a categorical problem written with the wrong loss.
        if (compile.Loss == LossKind.BinaryCrossentropy && units > 1 && activation == ActivationKind.Softmax)
        {
            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.LossIncompatibleWithOutput,
                compile.LossLocation,
                loss,
                "independent probabilities per unit (sigmoid, or one unit)",
                "a softmax output " + output + " from " + last.TypeName + " '" + last.Name + "'",
                "use CategoricalCrossentropy for one-hot labels or SparseCategoricalCrossentropy for integer labels");
        }

        // Keras warns too: the loss would apply softmax/sigmoid a second time.
        if (compile.FromLogits && compile.Loss != LossKind.MeanSquaredError && activation is ActivationKind.Softmax or ActivationKind.Sigmoid)
        {
            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.FromLogitsOnProbabilities,
                compile.FromLogitsLocation,
                activation.ToString().ToLowerInvariant(),
                last.TypeName,
                last.Name);
        }
    }
}
