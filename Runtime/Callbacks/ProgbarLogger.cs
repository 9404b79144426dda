using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Training;

namespace StaticKeras.Callbacks;

/// <summary>
/// Prints Keras' progress bar for <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> (Keras'
/// <c>ProgbarLogger</c>): <c>Epoch 3/10</c> when there are several epochs, then a
/// <see cref="Progbar"/> per epoch. Validation inside <c>Fit</c> is silent; its <c>val_*</c> values
/// join the epoch's last line, which also shows the epoch's samples per second when <c>Fit</c> gives
/// the <c>samples</c> parameter. <c>Fit</c> adds one when <c>verbose</c> is not 0, unless given one.
/// </summary>
public sealed class ProgbarLogger : Callback
{
    private readonly TextWriter _writer;
    private readonly TimeProvider? _timeProvider;
    private readonly bool _color;
    private Progbar? _progbar;
    private int _seen;
    private int? _target;
    private int _verbose = 1;
    private int _epochs = 1;
    private bool _calledInFit;

    /// <summary>Creates the logger.</summary>
    /// <param name="writer">Where to print (default: the console).</param>
    /// <param name="timeProvider">The clock for elapsed time and time per step (default: the system's).</param>
    /// <param name="color">
    /// Whether to use ANSI colors as Keras does; by default, when printing to a console whose output
    /// is not redirected.
    /// </param>
    public ProgbarLogger(TextWriter? writer = null, TimeProvider? timeProvider = null, bool? color = null)
    {
        _writer = writer ?? Console.Out;
        _timeProvider = timeProvider;
        _color = color ?? (writer is null && !Console.IsOutputRedirected);
    }

    /// <inheritdoc/>
    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        // Inside Fit, validation is silent.
        ReadParams();
        _calledInFit = true;
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(IDictionary<string, double> logs) => _calledInFit = false;

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs)
    {
        ResetProgbar();
        if (_verbose != 0 && _epochs > 1)
        {
            _writer.Write($"Epoch {epoch + 1}/{_epochs}\n");
            _writer.Flush();
        }
    }

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => UpdateProgbar(batch, logs);

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        // Read now: Fit knows a streaming epoch's samples only once it has read them.
        if (_progbar is not null && Params.TryGetValue("samples", out var samples) && samples is not null)
        {
            _progbar.Samples = Convert.ToInt32(samples);
        }

        FinalizeProgbar(logs);
    }

    /// <inheritdoc/>
    public override void OnTestBegin(IDictionary<string, double> logs)
    {
        if (!_calledInFit)
        {
            ReadParams();
            ResetProgbar();
        }
    }

    /// <inheritdoc/>
    public override void OnTestBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (!_calledInFit)
        {
            UpdateProgbar(batch, logs);
        }
    }

    /// <inheritdoc/>
    public override void OnTestEnd(IDictionary<string, double> logs)
    {
        if (!_calledInFit)
        {
            FinalizeProgbar(logs);
        }
    }

    /// <inheritdoc/>
    public override void OnPredictBegin(IDictionary<string, double> logs)
    {
        ReadParams();
        ResetProgbar();
    }

    /// <inheritdoc/>
    public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) => UpdateProgbar(batch, null);

    /// <inheritdoc/>
    public override void OnPredictEnd(IDictionary<string, double> logs) => FinalizeProgbar(logs);

    private void ReadParams()
    {
        _verbose = Params.TryGetValue("verbose", out var verbose) ? Convert.ToInt32(verbose) : 1;
        _epochs = Params.TryGetValue("epochs", out var epochs) ? Convert.ToInt32(epochs) : 1;
        _target = Params.TryGetValue("steps", out var steps) && steps is not null ? Convert.ToInt32(steps) : null;
    }

    private void ResetProgbar()
    {
        _seen = 0;
        _progbar = new Progbar(_target, verbose: _verbose, writer: _writer, timeProvider: _timeProvider, color: _color);
    }

    private void UpdateProgbar(int batch, IDictionary<string, double>? logs)
    {
        _progbar ??= new Progbar(_target, verbose: _verbose, writer: _writer, timeProvider: _timeProvider, color: _color);
        _seen = batch + 1;
        if (_verbose == 1)
        {
            _progbar.Update(_seen, logs, finalize: false);
        }
    }

    private void FinalizeProgbar(IDictionary<string, double> logs)
    {
        _progbar ??= new Progbar(_target, verbose: _verbose, writer: _writer, timeProvider: _timeProvider, color: _color);
        if (_target is null)
        {
            _target = _seen;
            _progbar.Target = _seen;
        }

        _progbar.Update(_target.Value, logs, finalize: true);
    }
}
