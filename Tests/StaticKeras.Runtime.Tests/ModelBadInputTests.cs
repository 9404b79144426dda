using System;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests;

// Every mistake gets an exception naming what was expected and what was found, before any batch.
public class ModelBadInputTests
{
    private static readonly TestMlp Model = new(TestMlp.Compiled());
    private static readonly (Tensor X, Tensor Y) Data = Blobs.Numbered(10);

    private static ArgumentException Fails(Action action, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, e.ParamName);
        return e;
    }

    [Fact]
    public void XAndYOfDifferentLengths()
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y[..7], verbose: 0), "y");
        Assert.StartsWith("x has 10 samples but y has 7: they must have the same length (first dimension).", e.Message);
    }

    [Fact]
    public void XOfTheWrongShape()
    {
        var e = Fails(() => Model.Fit(Data.X.reshape(10, 4), Data.Y, verbose: 0), "x");
        Assert.StartsWith("TestMlp expects x of shape (batch, 2, 2) and dtype float32; got shape (10, 4) and dtype float32 (rank 2 instead of 3).", e.Message);
        e = Fails(() => Model.Evaluate(zeros(10, 2, 3), Data.Y, verbose: 0), "x");
        Assert.StartsWith("TestMlp expects x of shape (batch, 2, 2) and dtype float32; got shape (10, 2, 3) and dtype float32 (axis 2 is 3 instead of 2).", e.Message);
    }

    [Fact]
    public void XOfTheWrongDtype()
    {
        var e = Fails(() => Model.Predict(Data.X.to_type(ScalarType.Float64)), "x");
        Assert.StartsWith("TestMlp expects x of shape (batch, 2, 2) and dtype float32; got shape (10, 2, 2) and dtype float64.", e.Message);
    }

    [Fact]
    public void FloatLabelsForASparseLoss()
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y.to_type(ScalarType.Float32), verbose: 0), "y");
        Assert.StartsWith("SparseCategoricalCrossentropy expects integer class labels of shape (10,) or (10, 1) for TestMlp's output (batch, 3); " +
            "got y of shape (10,) and dtype float32. Class labels must be an integer type (e.g. int64).", e.Message);
    }

    [Fact]
    public void OneHotLabelsForASparseLossNameTheLossThatFits()
    {
        var oneHot = nn.functional.one_hot(Data.Y, 3);
        var e = Fails(() => Model.Fit(Data.X, oneHot, verbose: 0), "y");
        Assert.StartsWith("SparseCategoricalCrossentropy expects integer class labels of shape (10,) or (10, 1) for TestMlp's output (batch, 3); " +
            "got y of shape (10, 3) and dtype int64. These look like one-hot labels: use Loss.CategoricalCrossentropy for them.", e.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void LabelsOutsideTheClassRange(long label)
    {
        var y = Data.Y.clone();
        y[6] = label;
        var e = Fails(() => Model.Fit(Data.X, y.reshape(10, 1).to_type(ScalarType.Int32), verbose: 0), "y");
        Assert.StartsWith($"SparseCategoricalCrossentropy needs class labels in [0, 3) for TestMlp's 3 output classes; y has {label} at sample 6.", e.Message);
    }

    [Fact]
    public void IntegerLabelsForACategoricalLossNameTheSparseLoss()
    {
        var model = new TestMlp(TestMlp.Compiled(Loss.CategoricalCrossentropy));
        var e = Fails(() => model.Fit(Data.X, Data.Y, verbose: 0), "y");
        Assert.StartsWith("CategoricalCrossentropy expects labels of TestMlp's output shape (10, 3); got y of shape (10,) and dtype int64. " +
            "These look like integer class labels: use Loss.SparseCategoricalCrossentropy for them.", e.Message);
    }

    [Fact]
    public void BinaryLabelsMustMatchTheOutputUpToATrailingOne()
    {
        var model = new TestMlp(TestMlp.Compiled(Loss.BinaryCrossentropy), units: 1);
        model.Fit(Data.X, ones(10), epochs: 1, verbose: 0);
        model.Fit(Data.X, ones(10, 1), epochs: 1, verbose: 0);
        var e = Fails(() => model.Fit(Data.X, ones(10, 2), verbose: 0), "y");
        Assert.StartsWith("BinaryCrossentropy expects labels of TestMlp's output shape (10, 1); got y of shape (10, 2) and dtype float32.", e.Message);
    }

    [Fact]
    public void EmptyDataset()
    {
        var e = Fails(() => Model.Fit(zeros(0, 2, 2), zeros(0, dtype: ScalarType.Int64), verbose: 0), "x");
        Assert.StartsWith("x is empty (shape (0, 2, 2)): Fit needs at least one sample.", e.Message);
        e = Fails(() => Model.Predict(zeros(0, 2, 2)), "x");
        Assert.StartsWith("x is empty (shape (0, 2, 2)): Predict needs at least one sample.", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-32)]
    public void BatchSizeBelowOne(int batchSize)
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y, batchSize: batchSize, verbose: 0), "batchSize");
        Assert.StartsWith($"batchSize must be > 0; got {batchSize}.", e.Message);
        Fails(() => Model.Evaluate(Data.X, Data.Y, batchSize: batchSize, verbose: 0), "batchSize");
        Fails(() => Model.Predict(Data.X, batchSize: batchSize), "batchSize");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void ValidationSplitOutsideZeroToOne(double split)
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y, verbose: 0, validationSplit: split), "validationSplit");
        Assert.StartsWith($"validationSplit must be in [0, 1); got {split}.", e.Message);
    }

    [Fact]
    public void ValidationSplitLeavingAnEmptyPart()
    {
        var e = Fails(() => Model.Fit(Data.X[..1], Data.Y[..1], verbose: 0, validationSplit: 0.5), "validationSplit");
        Assert.StartsWith("x has 1 samples, too few to split with validationSplit 0.5: it would leave 0 for training and 1 for validation.", e.Message);
        e = Fails(() => Model.Fit(Data.X, Data.Y, verbose: 0, validationSplit: 1e-17), "validationSplit");
        Assert.StartsWith("x has 10 samples, too few to split with validationSplit 1E-17: it would leave 10 for training and 0 for validation.", e.Message);
    }

    [Fact]
    public void BadValidationDataIsNamed()
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y, verbose: 0, validationData: (zeros(3, 4), Data.Y[..3])), "validationData.X");
        Assert.StartsWith("TestMlp expects validationData.X of shape (batch, 2, 2)", e.Message);
    }

    [Fact]
    public void VerboseAndEpochArguments()
    {
        Fails(() => Model.Fit(Data.X, Data.Y, verbose: 3), "verbose");
        Fails(() => Model.Predict(Data.X, verbose: -1), "verbose");
        var e = Fails(() => Model.Fit(Data.X, Data.Y, epochs: 2, initialEpoch: 3, verbose: 0), "initialEpoch");
        Assert.StartsWith("Fit needs 0 <= initialEpoch <= epochs; got initialEpoch 3 and epochs 2.", e.Message);
    }

    [Fact]
    public void FitOrEvaluateWithoutCompile()
    {
        var model = new TestMlp(compile: null);
        var e = Assert.Throws<InvalidOperationException>(() => model.Fit(Data.X, Data.Y, verbose: 0));
        Assert.Equal("Fit needs a loss, but TestMlp has no [Compile] attribute. Add one, e.g. " +
            "[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])].", e.Message);
        Assert.Throws<InvalidOperationException>(() => model.Evaluate(Data.X, Data.Y, verbose: 0));
        model.Predict(Data.X).Dispose();   // prediction needs no training configuration
    }

    [Fact]
    public void CallGuardsItsInput()
    {
        var e = Fails(() => Model.Call(ones(4, 3, 2)), "inputs");
        Assert.StartsWith("TestMlp expects inputs of shape (batch, 2, 2) and dtype float32; got shape (4, 3, 2) and dtype float32 (axis 1 is 3 instead of 2).", e.Message);
    }

    [Fact]
    public void SymbolicDimensionsMustAgree()
    {
        var model = new TestMlp(TestMlp.Compiled(), input: new TensorSpec("image", [-1, -1], ["n", "n"]));
        var e = Fails(() => model.Call(ones(4, 2, 3)), "inputs");
        Assert.StartsWith("TestMlp expects image of shape (batch, n, n) and dtype float32; got shape (4, 2, 3) and dtype float32 ('n' is 2 at axis 1 but 3 at axis 2).", e.Message);
        Assert.Equal([4L, 3], model.Call(ones(4, 2, 2)).shape);
    }

    [Fact]
    public void ANullCallback()
    {
        var e = Fails(() => Model.Fit(Data.X, Data.Y, verbose: 0, callbacks: [new StaticKeras.Callbacks.TerminateOnNaN(), null!]), "callbacks");
        Assert.StartsWith("callbacks[1] is null; expected Callback instances (leave the entry out, or pass callbacks: null for none).", e.Message);
        Fails(() => Model.Evaluate(Data.X, Data.Y, verbose: 0, callbacks: [null!]), "callbacks");
    }
}
