using System;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Training;

// Model.CheckFiniteInputs: off by default (as in Keras); on, NaN or infinity in the data is an
// ArgumentException naming the first bad sample, before any batch runs.
public class FiniteInputTests
{
    private static (Tensor X, Tensor Y) WithBadValue(float value, int sample, int row, int column)
    {
        var (x, y) = Blobs.Numbered(10);
        x[sample, row, column] = value;
        return (x, y);
    }

    [Fact]
    public void Off_by_default_so_NaN_flows_through_Predict()
    {
        using var model = new TestMlp(TestMlp.Compiled());
        var (x, _) = WithBadValue(float.NaN, 4, 1, 0);

        Assert.False(model.CheckFiniteInputs);
        Assert.True(model.Predict(x)[4].isnan().any().item<bool>());
    }

    [Fact]
    public void Fit_names_the_first_sample_with_NaN()
    {
        using var model = new TestMlp(TestMlp.Compiled()) { CheckFiniteInputs = true };
        var (x, y) = WithBadValue(float.NaN, 6, 1, 0);
        x[8, 0, 1] = float.PositiveInfinity;

        var e = Assert.Throws<ArgumentException>(() => model.Fit(x, y, epochs: 1, verbose: 0));

        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("Fit: x holds NaN in sample 6 (at [6, 1, 0]); expected finite values.", e.Message);
        Assert.Empty(model.Steps);
    }

    [Fact]
    public void Evaluate_and_Predict_name_infinities()
    {
        using var model = new TestMlp(TestMlp.Compiled()) { CheckFiniteInputs = true };
        var (x, y) = WithBadValue(float.NegativeInfinity, 2, 0, 0);

        Assert.StartsWith("Evaluate: x holds -Infinity in sample 2 (at [2, 0, 0])",
            Assert.Throws<ArgumentException>(() => model.Evaluate(x, y, verbose: 0)).Message);
        Assert.StartsWith("Predict: x holds -Infinity in sample 2 (at [2, 0, 0])",
            Assert.Throws<ArgumentException>(() => model.Predict(x)).Message);
    }

    [Fact]
    public void Float_targets_and_validation_data_are_checked_too()
    {
        using var model = new TestMlp(TestMlp.Compiled()) { CheckFiniteInputs = true };
        var (x, y) = Blobs.Numbered(10);
        var (vx, vy) = WithBadValue(float.NaN, 9, 1, 1);

        var e = Assert.Throws<ArgumentException>(() => model.Fit(x, y, epochs: 1, verbose: 0, validationData: (vx, vy)));

        Assert.Equal("validationData.X", e.ParamName);
        Assert.StartsWith("Fit: validationData.X holds NaN in sample 9 (at [9, 1, 1])", e.Message);
    }

    [Fact]
    public void Finite_data_passes()
    {
        using var model = new TestMlp(TestMlp.Compiled()) { CheckFiniteInputs = true };
        var (x, y) = Blobs.Numbered(10);

        model.Fit(x, y, epochs: 1, verbose: 0);
        Assert.Equal(10, model.Predict(x).shape[0]);
    }
}
