using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// When true, <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> check every floating-point input and
    /// target for NaN and infinity before the first batch, and throw an <see cref="System.ArgumentException"/>
    /// naming the first bad sample. Off by default, as in Keras (the check reads all the data once);
    /// to stop training when the loss itself becomes NaN, use the <see cref="Callbacks.TerminateOnNaN"/> callback.
    /// </summary>
    public bool CheckFiniteInputs { get; set; }

    /// <summary>Runs <see cref="FiniteChecks.Check"/> on each named tensor when <see cref="CheckFiniteInputs"/> is on.</summary>
    private protected void CheckFinite(string operation, params (Tensor? Tensor, string Name)[] tensors)
    {
        if (!CheckFiniteInputs)
            return;
        foreach (var (tensor, name) in tensors)
            FiniteChecks.Check(tensor, name, operation);
    }

    /// <summary>Runs <see cref="FiniteChecks.Check"/> on each input and target of one call, named as its caller passed them.</summary>
    internal void CheckFinite(string operation, Tensor[] x, Tensor[] y, DataNames names)
    {
        if (!CheckFiniteInputs)
            return;
        for (var i = 0; i < x.Length; i++)
            FiniteChecks.Check(x[i], names.X[i], operation);
        for (var i = 0; i < y.Length; i++)
            FiniteChecks.Check(y[i], names.Y[i], operation);
    }
}
