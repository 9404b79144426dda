using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK0004-STK0006, STK0010, STK0012: what a layer member and its arguments must be.</summary>
public sealed class LayerDiagnosticsTests
{
    private const string CustomLayer = """
        public sealed class MyLayer : Layer
        {
            public MyLayer() : base("my") { }
            public override TorchSharp.torch.Tensor Call(TorchSharp.torch.Tensor inputs, bool training = false) => inputs;
        }
        """;

    private static ModelSource Model(string layer) => ModelSource.Sequential().Layer("readonly Flatten flatten = new();").Layer(layer);

    [Fact]
    public void NonConstantPositionalArgument() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new([|Units|], Activation.Relu);").Layer("static readonly int Units = 128;"),
        "STK0004",
        "Argument 'units' of Dense 'hidden' must be a compile-time constant so shapes can be checked at build time, found 'Units'");

    [Fact]
    public void NonConstantFlattenDataFormat() => DiagnosticCheck.Single(
        ModelSource.Sequential().Layer("readonly Flatten flatten = new([|Format|]);").Layer("readonly Dense head = new(10);")
            .Layer("static readonly DataFormat Format = DataFormat.ChannelsFirst;"),
        "STK0004",
        "Argument 'dataFormat' of Flatten 'flatten' must be a compile-time constant so shapes can be checked at build time, found 'Format'");

    [Fact]
    public void NonConstantNamedArgument() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new(10, [|activation: Pick()|]);").Layer("static Activation Pick() => Activation.Relu;"),
        "STK0004",
        "Argument 'activation' of Dense 'hidden' must be a compile-time constant so shapes can be checked at build time, found 'Pick()'");

    [Fact]
    public void ConstantFieldsAreConstants()
    {
        var source = Model("readonly Dense hidden = new(Units, Activation.Relu);").Layer("const int Units = 64;").Layer("readonly Dropout drop = new(Rate);").Layer("const double Rate = 0.25;");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("hidden.Build(784);  // kernel (784, 64), bias (64,)", run.SingleSource);
    }

    [Fact]
    public void DropoutRateOfOneIsAcceptedAsKerasDoes()
    {
        var run = GeneratorRunner.Run(Model("readonly Dropout drop = new(1.0);").Build().Text).AssertClean();

        Assert.Contains("drop.Call(x1, training);", run.SingleSource);
    }

    [Fact]
    public void AveragePoolingWithoutAPoolSizeIsTheCompilersErrorAsInKeras()
    {
        // Keras' AveragePooling2D has no default pool_size (MaxPooling2D has (2, 2)): the runtime
        // constructor makes it required, so the compiler reports the call and the generator adds nothing.
        var source = ModelSource.Sequential().Input("8, 8, 3").Layer("readonly AveragePooling2D pool = new();").Layer("readonly MaxPooling2D max = new();");

        var run = GeneratorRunner.Run(source.Build().Text);

        Assert.Empty(run.Diagnostics);
        run.AssertCompilerReports(["CS7036"]);
    }

    [Fact]
    public void UnsupportedLayerType() => DiagnosticCheck.Single(
        Model("readonly [|MyLayer|] custom = new();").After(CustomLayer),
        "STK0005",
        "Layer 'custom' has type MyLayer, which [Sequential] models do not support; expected one of ActivationLayer, AveragePooling1D, AveragePooling2D, BatchNormalization, Bidirectional, Conv1D, Conv2D, Conv2DTranspose, Cropping1D, Cropping2D, Dense, DepthwiseConv2D, Dropout, Embedding, Flatten, GRU, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, LSTM, LayerNormalization, LeakyReLU, Masking, MaxPooling1D, MaxPooling2D, Normalization, PReLU, Permute, PositionEmbedding, ReLU, Rescaling, Reshape, SeparableConv2D, SimpleRNN, Softmax, SpatialDropout1D, SpatialDropout2D, TimeDistributed, UpSampling2D, ZeroPadding2D");

    [Fact]
    public void UnsupportedLayerBehindBaseType() => DiagnosticCheck.Single(
        Model("readonly Layer custom = [|new MyLayer()|];").After(CustomLayer),
        "STK0005",
        "Layer 'custom' has type MyLayer, which [Sequential] models do not support; expected one of ActivationLayer, AveragePooling1D, AveragePooling2D, BatchNormalization, Bidirectional, Conv1D, Conv2D, Conv2DTranspose, Cropping1D, Cropping2D, Dense, DepthwiseConv2D, Dropout, Embedding, Flatten, GRU, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, LSTM, LayerNormalization, LeakyReLU, Masking, MaxPooling1D, MaxPooling2D, Normalization, PReLU, Permute, PositionEmbedding, ReLU, Rescaling, Reshape, SeparableConv2D, SimpleRNN, Softmax, SpatialDropout1D, SpatialDropout2D, TimeDistributed, UpSampling2D, ZeroPadding2D");

    [Fact]
    public void LayerWithoutInitializer() => DiagnosticCheck.Single(
        Model("Dense [|Hidden|] => new(10);"),
        "STK0006",
        "Layer 'Hidden' must be an instance field or property initialized with new(...), found no initializer");

    [Fact]
    public void StaticLayer() => DiagnosticCheck.Single(
        Model("static readonly Dense [|hidden|] = new(10);"),
        "STK0006",
        "Layer 'hidden' must be an instance field or property initialized with new(...), found a static member");

    [Fact]
    public void LayerFromFactoryMethod() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = [|Make()|];").Layer("static Dense Make() => new(10);"),
        "STK0006",
        "Layer 'hidden' must be an instance field or property initialized with new(...), found 'Make()'");

    [Fact]
    public void ZeroUnits() => DiagnosticCheck.Single(
        Model("readonly Dense hidden = new([|units: 0|]);"),
        "STK0010",
        "Dense 'hidden': units must be a positive int, found 0");

    [Fact]
    public void DropoutRateAboveOneIsRejected() => DiagnosticCheck.Single(
        Model("readonly Dropout drop = new([|1.5|]);"),
        "STK0010",
        "Dropout 'drop': rate must be in [0, 1], found 1.5");

    [Fact]
    public void NegativeDropoutRate() => DiagnosticCheck.Single(
        Model("readonly Dropout drop = new([|-0.1|]);"),
        "STK0010",
        "Dropout 'drop': rate must be in [0, 1], found -0.1");

    [Fact]
    public void UndefinedActivation() => DiagnosticCheck.Single(
        Model("readonly ActivationLayer act = new([|(Activation)42|]);"),
        "STK0010",
        "ActivationLayer 'act': activation must be one of Linear, Relu, Sigmoid, Tanh, Softmax, Gelu, Elu, Selu, Silu, LeakyRelu, Softplus, found 42");

    [Fact]
    public void LayerInAnotherPart()
    {
        var model = ModelSource.Sequential().Layer("readonly Dense output = new(10);").Build();
        var other = Markup.Parse("""
            using StaticKeras.Layers;

            namespace Samples;

            public partial class MnistMlp
            {
                readonly Dense [|extra|] = new(3);
            }
            """);

        GeneratorRunner.Run(model.Text, other.Text)
            .AssertDiagnostics(new ExpectedDiagnostic(
                "STK0012",
                "Layer 'extra' must be declared in the part of 'MnistMlp' that carries [Sequential], so the layer order is the declaration order, found it in another part",
                other.Span,
                "Model1.cs"))
            .AssertCompiles();
    }

    [Fact]
    public void InitializerThatDoesNotCompileIsLeftToTheCompiler()
    {
        var markup = Model("readonly Dense hidden = new();").Build();

        var run = GeneratorRunner.Run(markup.Text).AssertDiagnostics().AssertCompilerReports("CS7036");

        Assert.Contains("model has errors: layer 'hidden' does not compile", run.SingleSource);
    }
}
