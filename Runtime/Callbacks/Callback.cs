using System;
using System.Collections.Generic;
using System.IO;

namespace StaticKeras.Callbacks;

/// <summary>
/// The base of training callbacks, with Keras' hooks. Each hook receives the logs dictionary Keras
/// passes (<c>loss</c>, metric names, <c>val_*</c> at epoch end); override the ones you need.
/// Epoch and batch numbers are zero-based, as in Keras.
/// </summary>
public abstract class Callback
{
    /// <summary>The model being trained, evaluated or run; set before the first hook.</summary>
    public Model Model { get; internal set; } = null!;

    /// <summary>The <c>Fit</c> parameters (<c>epochs</c>, <c>steps</c>, <c>verbose</c>), set before the first hook.</summary>
    public IReadOnlyDictionary<string, object> Params { get; internal set; } = new Dictionary<string, object>();

    /// <summary>
    /// Where the callback prints its messages (Keras' <c>io_utils.print_msg</c>); defaults to
    /// <see cref="Console.Out"/> at the time of printing. Set it to capture or silence them.
    /// </summary>
    public TextWriter Output
    {
        get => _output ?? Console.Out;
        set => _output = value;
    }

    /// <summary>
    /// Where the callback writes warnings (Python's <c>warnings.warn</c>, as <c>UserWarning: text</c>);
    /// defaults to <see cref="Console.Error"/>. As in Python, each distinct warning is shown once.
    /// </summary>
    public TextWriter WarningOutput
    {
        get => _warningOutput ?? Console.Error;
        set => _warningOutput = value;
    }

    private TextWriter? _output;
    private TextWriter? _warningOutput;
    private readonly HashSet<string> _warningsShown = new(StringComparer.Ordinal);

    /// <summary>The model, or an error saying the callback is being used outside <c>Fit</c>.</summary>
    protected Model RequireModel() =>
        Model ?? throw new InvalidOperationException($"{GetType().Name} has no model; Fit sets Callback.Model before the first hook.");

    /// <summary>Prints one message and a line break, as Keras' <c>print_msg</c> does.</summary>
    protected void Print(string message) => Output.Write(message + "\n");

    /// <summary>Writes a warning the first time this callback raises it (Python's default warning filter).</summary>
    protected void Warn(string message)
    {
        if (_warningsShown.Add(message))
        {
            WarningOutput.Write("UserWarning: " + message + "\n");
        }
    }

    /// <summary>Called at the start of <c>Fit</c>.</summary>
    public virtual void OnTrainBegin(IDictionary<string, double> logs) { }

    /// <summary>Called at the end of <c>Fit</c>, with the last epoch's logs.</summary>
    public virtual void OnTrainEnd(IDictionary<string, double> logs) { }

    /// <summary>Called at the start of each epoch.</summary>
    public virtual void OnEpochBegin(int epoch, IDictionary<string, double> logs) { }

    /// <summary>Called at the end of each epoch with its training and validation logs.</summary>
    public virtual void OnEpochEnd(int epoch, IDictionary<string, double> logs) { }

    /// <summary>Called before each training batch.</summary>
    public virtual void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) { }

    /// <summary>Called after each training batch with the running logs of the epoch.</summary>
    public virtual void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) { }

    /// <summary>Called at the start of <c>Evaluate</c> (and of validation inside <c>Fit</c>).</summary>
    public virtual void OnTestBegin(IDictionary<string, double> logs) { }

    /// <summary>Called at the end of <c>Evaluate</c>.</summary>
    public virtual void OnTestEnd(IDictionary<string, double> logs) { }

    /// <summary>Called before each evaluation batch.</summary>
    public virtual void OnTestBatchBegin(int batch, IDictionary<string, double> logs) { }

    /// <summary>Called after each evaluation batch.</summary>
    public virtual void OnTestBatchEnd(int batch, IDictionary<string, double> logs) { }

    /// <summary>Called at the start of <c>Predict</c>.</summary>
    public virtual void OnPredictBegin(IDictionary<string, double> logs) { }

    /// <summary>Called at the end of <c>Predict</c>.</summary>
    public virtual void OnPredictEnd(IDictionary<string, double> logs) { }

    /// <summary>Called before each prediction batch.</summary>
    public virtual void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) { }

    /// <summary>Called after each prediction batch.</summary>
    public virtual void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) { }
}
