using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Generator.Tests.Infrastructure;

/// <summary>
/// TEST-ONLY STAND-INS for runtime members that generated code calls but that had not landed in
/// StaticKeras.Runtime when the generator was written (Dense, Flatten, Dropout, ActivationLayer,
/// LossFunctions, Model.GuardInput, Model.ApplyGradients). Each is declared exactly as
/// docs/design/generated-code.md states, and only when the referenced runtime lacks it: once the
/// runtime has them, nothing here is used, and the integrator can delete this file (and its two
/// call sites in <see cref="GeneratorRunner"/>).
/// </summary>
public static class RuntimeStandIns
{
    private static readonly Assembly Runtime = typeof(StaticKeras.Model).Assembly;

    private static bool NeedsModelMembers =>
        typeof(StaticKeras.Model).GetMethod("GuardInput", BindingFlags.Instance | BindingFlags.NonPublic) is null;

    /// <summary>Stand-in types the user's compilation needs (the generator reads layer types from it).</summary>
    public static IEnumerable<SyntaxTree> Types()
    {
        var declarations = new Dictionary<string, string>
        {
            ["StaticKeras.Layers.Flatten"] = """
                namespace StaticKeras.Layers { public sealed class Flatten : Layer {
                    public Flatten() : base("flatten") { }
                    public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) => inputs.flatten(1); } }
                """,
            ["StaticKeras.Layers.Dense"] = """
                namespace StaticKeras.Layers { public sealed class Dense : Layer {
                    public Dense(int units, Activation activation = Activation.Linear, bool useBias = true) : base("dense") { }
                    public override void Build(params long[] inputShape) { }
                    public global::TorchSharp.torch.Tensor CallLinear(global::TorchSharp.torch.Tensor inputs) => inputs;
                    public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) => inputs; } }
                """,
            ["StaticKeras.Layers.Dropout"] = """
                namespace StaticKeras.Layers { public sealed class Dropout : Layer {
                    public Dropout(double rate) : base("dropout") { }
                    public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) => inputs; } }
                """,
            ["StaticKeras.Layers.ActivationLayer"] = """
                namespace StaticKeras.Layers { public sealed class ActivationLayer : Layer {
                    public ActivationLayer(Activation activation) : base("activation") { }
                    public override global::TorchSharp.torch.Tensor Call(global::TorchSharp.torch.Tensor inputs, bool training = false) => inputs; } }
                """,
            ["StaticKeras.Losses.LossFunctions"] = """
                namespace StaticKeras.Losses { public static class LossFunctions {
                    public static global::TorchSharp.torch.Tensor SparseCategoricalCrossentropy(global::TorchSharp.torch.Tensor yTrue, global::TorchSharp.torch.Tensor yPred, bool fromLogits) => yPred;
                    public static global::TorchSharp.torch.Tensor CategoricalCrossentropy(global::TorchSharp.torch.Tensor yTrue, global::TorchSharp.torch.Tensor yPred, bool fromLogits) => yPred;
                    public static global::TorchSharp.torch.Tensor BinaryCrossentropy(global::TorchSharp.torch.Tensor yTrue, global::TorchSharp.torch.Tensor yPred, bool fromLogits) => yPred;
                    public static global::TorchSharp.torch.Tensor MeanSquaredError(global::TorchSharp.torch.Tensor yTrue, global::TorchSharp.torch.Tensor yPred) => yPred; } }
                """,
        };
        return declarations
            .Where(pair => Runtime.GetType(pair.Key) is null)
            .Select(pair => CSharpSyntaxTree.ParseText(pair.Value, GeneratorRunner.ParseOptions, path: "StandIn." + pair.Key + ".cs"));
    }

    /// <summary>
    /// While <c>Model</c> lacks <c>GuardInput</c>/<c>ApplyGradients</c>, a partial part per generated
    /// model class declaring them (compiled after generation, so the generator never sees them).
    /// </summary>
    public static IEnumerable<SyntaxTree> ModelMembers(IEnumerable<SyntaxTree> generated)
    {
        if (!NeedsModelMembers)
        {
            yield break;
        }

        foreach (var tree in generated)
        {
            foreach (var model in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.AttributeLists.Any()))
            {
                var text = """
                    partial class MODEL
                    {
                        protected void GuardInput(global::TorchSharp.torch.Tensor inputs) { }
                        protected void ApplyGradients(global::TorchSharp.torch.Tensor loss) { }
                    }
                    """.Replace("MODEL", model.Identifier.Text);
                foreach (var outer in model.Ancestors().OfType<TypeDeclarationSyntax>())
                {
                    text = $"partial {outer.Keyword.Text} {outer.Identifier.Text} {{ {text} }}";
                }

                if (model.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } ns)
                {
                    text = $"namespace {ns.Name} {{ {text} }}";
                }

                yield return CSharpSyntaxTree.ParseText(text, GeneratorRunner.ParseOptions, path: "StandIn.ModelMembers." + model.Identifier.Text + ".cs");
            }
        }
    }
}
