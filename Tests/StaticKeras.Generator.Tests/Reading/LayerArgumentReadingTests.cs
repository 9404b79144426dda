using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Reading;

/// <summary>
/// How the new layers' constant arguments are read: ints for Size2D, tuples, named arguments,
/// defaults from the runtime constructors, params lists and collection expressions, const fields.
/// </summary>
public sealed class LayerArgumentReadingTests
{
    private static string Generate(string input, params string[] layers)
    {
        var source = ModelSource.Sequential("Reader").Input(input);
        foreach (var layer in layers)
        {
            source = source.Layer(layer);
        }

        return GeneratorRunner.Run(source.Build().Text).AssertClean().SingleSource;
    }

    [Fact]
    public void IntTupleAndConstFieldsForSize2D()
    {
        var code = Generate(
            "20, 20, 3",
            "const int K = 3;",
            "readonly Conv2D square = new(4, K);",
            "readonly Conv2D wide = new(4, (1, K), strides: (2, 1));",
            "readonly Conv2D dilated = new(filters: 2, kernelSize: (K, K), dilationRate: new Size2D(2, 2));");

        Assert.Contains("var x1 = square.Call(inputs);  // (batch, 18, 18, 4)", code);
        Assert.Contains("var x2 = wide.Call(x1);        // (batch, 9, 16, 4)", code);
        Assert.Contains("var x3 = dilated.Call(x2);     // (batch, 5, 12, 2)", code);
        Assert.Contains("wide.Build(18, 18, 4);    // kernel (1, 3, 4, 4), bias (4,)", code);
    }

    [Fact]
    public void PoolingDefaultsAreTwoWithStridesEqualToThePool()
    {
        var code = Generate(
            "9, 9, 1",
            "readonly MaxPooling2D byDefault = new();",
            "readonly AveragePooling2D explicitStrides = new(3, strides: 1, padding: Padding.Same);");

        Assert.Contains("// (batch, 4, 4, 1)", code);
        Assert.Contains("// (batch, 4, 4, 1)", code[(code.IndexOf("explicitStrides.Call", System.StringComparison.Ordinal))..]);
    }

    [Fact]
    public void NullableIntStridesOfPooling1D()
    {
        var code = Generate("\"time\", 6", "readonly MaxPooling1D pool = new(poolSize: 3, strides: 1, padding: Padding.Same);", "readonly GlobalMaxPooling1D max = new();");

        Assert.Contains("var x1 = pool.Call(inputs);  // (batch, time, 6)", code);
        Assert.Contains("var x2 = max.Call(x1);       // (batch, 6)", code);
    }

    [Fact]
    public void ZeroPaddingBothConstructors()
    {
        var code = Generate("4, 4, 1", "readonly ZeroPadding2D even = new((1, 2));", "readonly ZeroPadding2D uneven = new((0, 1), (2, 3));");

        Assert.Contains("var x1 = even.Call(inputs);  // (batch, 6, 8, 1)", code);
        Assert.Contains("var x2 = uneven.Call(x1);    // (batch, 7, 13, 1)", code);
    }

    [Fact]
    public void ParamsListsAndCollectionExpressions()
    {
        var code = Generate(
            "6, 4",
            "readonly Reshape split = new(3, 2, -1);",
            "readonly Permute rotate = new([3, 1, 2]);",
            "readonly LayerNormalization norm = new(axis: [-1, -2]);",
            "readonly Reshape back = new(new[] { 24 });");

        Assert.Contains("var x1 = split.Call(inputs);  // (batch, 3, 2, 4)", code);
        Assert.Contains("var x2 = rotate.Call(x1);     // (batch, 4, 3, 2)", code);
        Assert.Contains("norm.Build(4, 3, 2);  // gamma (3, 2), beta (3, 2)", code);
        Assert.Contains("var x4 = back.Call(x3);       // (batch, 24)", code);
    }

    [Fact]
    public void RecurrentDefaultsAndGruWithoutResetAfter()
    {
        var code = Generate(
            "5, 3",
            "readonly SimpleRNN rnn = new(4, returnSequences: true);",
            "readonly GRU gru = new(2, Activation.Tanh, Activation.Sigmoid, resetAfter: false);");

        Assert.Contains("rnn.Build(5, 3);  // kernel (3, 4), recurrent_kernel (4, 4), bias (4,)", code);
        Assert.Contains("gru.Build(5, 4);  // kernel (4, 6), recurrent_kernel (2, 6), bias (6,)", code);
    }
}
