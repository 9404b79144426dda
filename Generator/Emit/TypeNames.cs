namespace StaticKeras.Generator.Emit;

/// <summary>The fully qualified names generated code uses (always <c>global::</c>).</summary>
internal static class TypeNames
{
    /// <summary>TorchSharp's tensor.</summary>
    public const string Tensor = "global::TorchSharp.torch.Tensor";

    /// <summary>The runtime's model base class.</summary>
    public const string Model = "global::StaticKeras.Model";

    /// <summary>What the build knew about a model.</summary>
    public const string ModelInfo = "global::StaticKeras.ModelInfo";

    /// <summary>What a training or test step returns.</summary>
    public const string StepOutput = "global::StaticKeras.StepOutput";

    /// <summary>The runtime's losses.</summary>
    public const string LossFunctions = "global::StaticKeras.Losses.LossFunctions";

    /// <summary>The runtime's loss gradients, where a generated backward pass starts.</summary>
    public const string LossGradients = "global::StaticKeras.Losses.LossGradients";

    /// <summary>The runtime's losses computed with their gradient in one call.</summary>
    public const string FusedLosses = "global::StaticKeras.Losses.FusedLosses";

    /// <summary>The buffers of an explicit training step's static memory plan.</summary>
    public const string StepBuffers = "global::StaticKeras.Training.StepBuffers";

    /// <summary>The exception members of a model with errors throw.</summary>
    public const string InvalidOperationException = "global::System.InvalidOperationException";

    /// <summary>A declared tensor shape.</summary>
    public const string TensorSpec = "global::StaticKeras.TensorSpec";

    /// <summary>What the one-tensor members of a model with several inputs or outputs throw.</summary>
    public const string NotSupportedException = "global::System.NotSupportedException";

    /// <summary>Null checks of typed arguments.</summary>
    public const string ArgumentNullException = "global::System.ArgumentNullException";

    /// <summary>The runtime's streaming dataset, open generic: <c>Dataset + "&lt;T&gt;"</c>.</summary>
    public const string Dataset = "global::StaticKeras.Data.Dataset";

    /// <summary>The attribute marking generated types.</summary>
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"StaticKeras.Generator\", \"0.1.0\")]";
}
