using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Regularization;

/// <summary>
/// Keras' Orthogonal initializer needs a weight of rank 2 or more: Keras 3.16 fails when it builds Dense(3,
/// bias_initializer="orthogonal") or LSTM(3, bias_initializer="orthogonal") ("The tensor to initialize must be at
/// least two-dimensional"), and accepts it on GRU's reset-after bias (2, 3 units) and on every kernel.
/// </summary>
public sealed class InitializerGenerationTests
{
    private static ModelSource Model(string layer) =>
        ModelSource.Sequential().Input("5, 4").Compile("Optimizer.Adam, Loss.MeanSquaredError").Layer(layer).Layer("readonly Flatten flatten = new();");

    [Fact]
    public void AnOrthogonalBiasIsRejectedAsKerasDoes() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(3, [|biasInitializer: Initializer.Orthogonal|]);"),
        "STK0010",
        "Dense 'hidden': biasInitializer must be an initializer for a bias of rank 1 (Orthogonal needs rank 2 or more; Keras fails when it builds the layer), found Orthogonal");

    [Fact]
    public void AnLstmsSlicedBiasIsRankOneToo() => DiagnosticCheck.Single(
        Model("readonly LSTM lstm = new(3, returnSequences: true, [|biasInitializer: Initializer.Orthogonal|]);"),
        "STK0010",
        "LSTM 'lstm': biasInitializer must be an initializer for a bias of rank 1 (Orthogonal needs rank 2 or more; Keras fails when it builds the layer), found Orthogonal");

    [Fact]
    public void OrthogonalKernelsAndGrusResetAfterBiasAreAccepted() => GeneratorRunner.Run(
        ModelSource.Sequential().Input("5, 4").Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly GRU gru = new(3, returnSequences: true, kernelInitializer: Initializer.Orthogonal, biasInitializer: Initializer.Orthogonal);")
            .Layer("readonly Conv1D conv = new(2, 2, kernelInitializer: Initializer.Orthogonal, biasInitializer: Initializer.HeUniform);")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense head = new(1, kernelInitializer: Initializer.Orthogonal);").Build().Text).AssertClean();
}
