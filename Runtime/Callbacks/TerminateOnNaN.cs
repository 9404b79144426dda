using System;
using System.Collections.Generic;
using StaticKeras.Callbacks.Formatting;

namespace StaticKeras.Callbacks;

/// <summary>
/// Stops training when a batch's loss is NaN or infinite (Keras' <c>TerminateOnNaN</c>). By
/// default it prints <c>Batch N: Invalid loss, terminating training</c> and sets
/// <see cref="Model.StopTraining"/>; as in Keras 3, Fit checks that flag after every batch, so
/// training ends there and every callback's <see cref="Callback.OnTrainEnd"/> still runs. With
/// <c>raiseError: true</c> it throws at once instead, skipping that cleanup.
/// </summary>
public class TerminateOnNaN : Callback
{
    /// <summary>Creates the callback.</summary>
    /// <param name="raiseError">Throw an <see cref="InvalidOperationException"/> instead of stopping gracefully.</param>
    public TerminateOnNaN(bool raiseError = false) => RaiseError = raiseError;

    /// <summary>Whether an invalid loss throws rather than stopping training.</summary>
    public bool RaiseError { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The loss is NaN or infinite and <see cref="RaiseError"/> is set.</exception>
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (!logs.TryGetValue("loss", out var loss) || double.IsFinite(loss))
        {
            return;
        }

        if (RaiseError)
        {
            throw new InvalidOperationException(
                $"NaN or Inf loss encountered at batch {batch}. Loss value: {PythonFloat.Repr(loss)}. Terminating training immediately.");
        }

        Print($"Batch {batch}: Invalid loss, terminating training");
        RequireModel().StopTraining = true;
    }
}
