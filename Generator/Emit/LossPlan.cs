using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// How the training and test steps compute the loss. When the model ends in softmax and the loss is
/// (sparse) categorical cross-entropy on probabilities, or in sigmoid with binary cross-entropy,
/// the activation is fused into the loss: the steps take the logits and call the loss with
/// <c>fromLogits: true</c> (stabler, as Keras' TensorFlow backend does); predictions are the
/// activation of the logits.
/// </summary>
/// <param name="Loss">The loss.</param>
/// <param name="FromLogits">The <c>fromLogits</c> argument the loss receives.</param>
/// <param name="FusedActivation">The output activation fused into the loss, if any.</param>
internal sealed record LossPlan(LossKind Loss, bool FromLogits, ActivationKind? FusedActivation)
{
    /// <summary>The plan for <paramref name="compile"/> on a model ending in <paramref name="last"/>.</summary>
    public static LossPlan For(CompileDeclaration compile, LayerDeclaration last)
    {
        ActivationKind? fused = compile.FromLogits ? null : (compile.Loss, last.OutputActivation) switch
        {
            (LossKind.SparseCategoricalCrossentropy or LossKind.CategoricalCrossentropy, ActivationKind.Softmax) => ActivationKind.Softmax,
            (LossKind.BinaryCrossentropy, ActivationKind.Sigmoid) => ActivationKind.Sigmoid,
            _ => null,
        };
        return new LossPlan(compile.Loss, compile.FromLogits || fused is not null, fused);
    }

    /// <summary>
    /// The loss call on the output's targets and sample weights:
    /// <c>global::StaticKeras.Losses.LossFunctions.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0])</c>.
    /// </summary>
    /// <remarks>With <paramref name="mask"/> (the output's Keras mask) the masked steps are left out: <c>, mask: mask1</c>.</remarks>
    public string Call(string labels, string predictions, string sampleWeight, string? mask = null) => (Loss == LossKind.MeanSquaredError
        ? $"{TypeNames.LossFunctions}.MeanSquaredError({labels}, {predictions}, sampleWeight: {sampleWeight}"
        : $"{TypeNames.LossFunctions}.{Loss}({labels}, {predictions}, fromLogits: {(FromLogits ? "true" : "false")}, sampleWeight: {sampleWeight}")
        + (mask is null ? ")" : $", mask: {mask})");

    /// <summary>
    /// The gradient of the loss (times <paramref name="scale"/>, its weight in the total) with respect to
    /// the predictions or logits: <c>global::StaticKeras.Losses.LossGradients.SparseCategoricalCrossentropy(y[0], logits, fromLogits: true, sampleWeight: sampleWeight[0])</c>.
    /// </summary>
    public string Gradient(string labels, string predictions, string sampleWeight, double scale)
    {
        var scaled = scale == 1.0 ? "" : ", scale: " + Common.Formatting.Double(scale);
        return Loss == LossKind.MeanSquaredError
            ? $"{TypeNames.LossGradients}.MeanSquaredError({labels}, {predictions}, sampleWeight: {sampleWeight}{scaled})"
            : $"{TypeNames.LossGradients}.{Loss}({labels}, {predictions}, fromLogits: {(FromLogits ? "true" : "false")}, sampleWeight: {sampleWeight}{scaled})";
    }

    /// <summary>
    /// Whether an explicit training step computes the loss, its gradient and the predictions in one call
    /// (<c>FusedLosses</c>): sparse categorical cross-entropy with the softmax fused.
    /// </summary>
    public bool FusesGradient => Loss == LossKind.SparseCategoricalCrossentropy && FusedActivation == ActivationKind.Softmax;

    /// <summary>
    /// The fused call of <see cref="FusesGradient"/>, writing the probabilities and the gradient into the two
    /// buffers named and the loss into the step's held scalar:
    /// <c>global::StaticKeras.Losses.FusedLosses.SparseCategoricalCrossentropy(y[0], logits, sampleWeight[0], probabilities, dlogits, _trainBuffers.Scalar(logits))</c>.
    /// </summary>
    public string FusedCall(string labels, string logits, string sampleWeight, string probabilities, string gradient, string lossInto) =>
        $"{TypeNames.FusedLosses}.{Loss}({labels}, {logits}, {sampleWeight}, {probabilities}, {gradient}, {lossInto})";

    /// <summary>The predictions a step returns: <c>logits.softmax(-1)</c> when fused, else the output itself.</summary>
    public string Predictions(string output) => FusedActivation switch
    {
        ActivationKind.Softmax => output + ".softmax(-1)",
        ActivationKind.Sigmoid => output + ".sigmoid()",
        _ => output,
    };
}
