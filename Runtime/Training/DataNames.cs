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

    /// <summary>The names of a dataset's batches through the one-tensor API: <c>data.X</c>, <c>data.Y</c>, <c>data.SampleWeight</c>.</summary>
    /// <param name="parameter">The dataset's parameter: <c>data</c> or <c>validationData</c>.</param>
    public static DataNames OneTensorDataset(string parameter) =>
        new([$"{parameter}.X"], [$"{parameter}.Y"], [$"{parameter}.SampleWeight"], [parameter], [parameter]);

    /// <summary>
    /// These names for batch <paramref name="index"/> of a dataset, so a bad batch mid-epoch says which
    /// it is: <c>data.X (batch 3)</c>, <c>input 'image' (batch 3)</c>.
    /// </summary>
    public DataNames ForBatch(int index) => new(
        Array.ConvertAll(X, n => $"{n} (batch {index})"),
        Array.ConvertAll(Y, n => $"{n} (batch {index})"),
        Array.ConvertAll(Weights, n => $"{n} (batch {index})"),
        XParameters,
        YParameters);

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
