using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>Constructor, Info and error members written for hand-built models.</summary>
public sealed class MemberEmitterTests
{
    private static string Write(System.Action<CodeWriter> emit)
    {
        var writer = new CodeWriter();
        emit(writer);
        return writer.ToString();
    }

    [Fact]
    public void ConstructorBuildsLayersWithWeightsFromTheirStaticInputShape()
    {
        var model = ModelSpec.Sequential("Tagger").Input("time", 16).Dense("encode", 8).Dropout("drop", 0.1).Dense("tag", 1, useBias: false).Infer();

        Assert.Equal(
            """
            /// <summary>Creates the model with every weight allocated and initialized as Keras does.</summary>
            public Tagger() : base("Tagger")
            {
                encode.Build(-1, 16);  // kernel (16, 8), bias (8,)
                tag.Build(-1, 8);      // kernel (8, 1)
                register_module("encode", encode);
                register_module("drop", drop);
                register_module("tag", tag);
            }

            """.Replace("\r\n", "\n"),
            Write(w => ConstructorEmitter.Write(w, model)));
    }

    [Fact]
    public void InfoDescribesInputOutputAndCompile()
    {
        var model = ModelSpec.Sequential("Tagger").Input("time", 16).Dense("tag", 1, ActivationKind.Sigmoid)
            .Compile(OptimizerKind.Sgd, LossKind.BinaryCrossentropy, learningRate: 0.05, metrics: MetricKind.Accuracy).FriendAssembly().Infer();

        var text = Write(w => InfoEmitter.Write(w, model, "Model: \"Tagger\"\nrow"));

        Assert.Equal(
            """
            /// <inheritdoc/>
            protected internal override global::StaticKeras.ModelInfo Info => s_info;

            private static readonly global::StaticKeras.ModelInfo s_info = new(
                Name: "Tagger",
                Input: new("inputs", new long[] { -1, 16 }, new string?[] { "time", null }),
                Output: new("tag", new long[] { -1, 1 }, new string?[] { "time", null }),
                Compile: new(global::StaticKeras.Optimizer.Sgd, global::StaticKeras.Loss.BinaryCrossentropy,
                    new global::StaticKeras.Metric[] { global::StaticKeras.Metric.Accuracy }, FromLogits: false, LearningRate: 0.05),
                Summary: SummaryText);

            private const string SummaryText =
                "Model: \"Tagger\"\n" +
                "row";

            """.Replace("\r\n", "\n"),
            text);
    }

    [Fact]
    public void InfoWithoutCompileOrDimensions()
    {
        var model = ModelSpec.Sequential("Scalar").Input().Flatten().Infer();

        var text = Write(w => InfoEmitter.Write(w, model, "s"));

        Assert.Contains("    Input: new(\"inputs\", global::System.Array.Empty<long>(), global::System.Array.Empty<string?>()),\n", text);
        Assert.Contains("    Output: new(\"flatten\", new long[] { 1 }, new string?[] { null }),\n", text);
        Assert.Contains("    Compile: null,\n", text);
    }

    [Fact]
    public void ErrorMembersThrowWithTheErrorIds()
    {
        var model = ModelSpec.Sequential("Broken").Input("t", "f").Dense("hidden", 3).Infer();

        var text = Write(w => ErrorMembersEmitter.Write(w, model));

        Assert.Equal(5, text.Split("throw new global::System.InvalidOperationException(\"model has errors: STK1001\");").Length - 1);
        Assert.Contains("public Broken() : base(\"Broken\") => throw", text);
    }

    [Fact]
    public void WholeFileForAHandBuiltModel()
    {
        var model = ModelSpec.Sequential("Regressor").Namespace(null).Input(13).Dense("hidden", 8, ActivationKind.Relu).Dropout("drop", 0.1).Dense("price", 1)
            .Compile(OptimizerKind.RmsProp, LossKind.MeanSquaredError).Infer();

        Snapshot.Verify(ModelEmitter.Emit(model, default).Source!, "cs");
    }
}
