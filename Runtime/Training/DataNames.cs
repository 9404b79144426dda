using System;

namespace StaticKeras.Training;

/// <summary>
/// What error messages call the tensors of one <c>Fit</c> or <c>Evaluate</c> call, so that a bad
/// tensor is named the way the caller passed it: <c>x</c> and <c>y</c> through the one-tensor API,
/// <c>input 'image'</c> and <c>target 'cls'</c> through a model's typed <c>Inputs</c> and <c>Targets</c>.
/// </summary>
/// <param name="X">How to call each input in a message.</param>
/// <param name="Y">How to call each output's targets.</param>
/// <param name="Weights">How to call each output's sample weights.</param>
/// <param name="XParameters">The <see cref="ArgumentException.ParamName"/> of each input's errors.</param>
/// <param name="YParameters">The <see cref="ArgumentException.ParamName"/> of each target's errors.</param>
internal sealed record DataNames(string[] X, string[] Y, string[] Weights, string[] XParameters, string[] YParameters)
{
    /// <summary>The one-tensor API's names: <c>x</c>, <c>y</c>, <c>sampleWeight</c>.</summary>
    public static DataNames OneTensor { get; } = new(["x"], ["y"], ["sampleWeight"], ["x"], ["y"]);

    /// <summary>The one-tensor API's names for <c>validationData</c>.</summary>
    public static DataNames OneTensorValidation { get; } =
        new(["validationData.X"], ["validationData.Y"], ["sampleWeight"], ["validationData.X"], ["validationData.Y"]);

    /// <summary>The typed API's names, from the model's inputs and outputs: <c>input 'image'</c>, <c>target 'cls'</c>.</summary>
    /// <param name="info">The model.</param>
    /// <param name="prefix">Put before each name: <c>"validation "</c> for <c>validationData</c>.</param>
    public static DataNames Typed(ModelInfo info, string prefix = "")
    {
        var inputs = Array.ConvertAll(info.Inputs, i => i.Name);
        var outputs = Array.ConvertAll(info.Outputs, o => o.Name);
        return new(
            Array.ConvertAll(inputs, n => $"{prefix}input '{n}'"),
            Array.ConvertAll(outputs, n => $"{prefix}target '{n}'"),
            Array.ConvertAll(outputs, n => $"sampleWeight of output '{n}'"),
            inputs,
            outputs);
    }
}
