using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Saving;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>Drives a callback's hooks the way Fit does, with fabricated logs, capturing what it prints.</summary>
internal sealed class CallbackHarness<T> where T : Callback
{
    public CallbackHarness(T callback, TinyModel? model = null, double? learningRate = null)
    {
        Model = model ?? new TinyModel();
        if (learningRate is { } lr)
        {
            Model.Compile(new TestOptimizer(Model.parameters(), lr));
        }

        Callback = callback;
        Callback.Model = Model;
        Callback.Output = Output;
        Callback.WarningOutput = Warnings;
    }

    public T Callback { get; }

    public TinyModel Model { get; }

    public StringWriter Output { get; } = new() { NewLine = "\n" };

    public StringWriter Warnings { get; } = new() { NewLine = "\n" };

    public static Dictionary<string, double> Logs(params (string Key, double Value)[] entries)
    {
        var logs = new Dictionary<string, double>();
        foreach (var (key, value) in entries)
        {
            logs[key] = value;
        }

        return logs;
    }

    /// <summary>
    /// Runs epochs with one monitored value each until the model asks to stop; before each epoch
    /// end the model's weights are filled with the epoch number, so restored weights name their epoch.
    /// Returns the number of epochs run.
    /// </summary>
    public int Train(string key, params double[] values)
    {
        Callback.OnTrainBegin(Logs());
        var epochs = 0;
        foreach (var value in values)
        {
            Callback.OnEpochBegin(epochs, Logs());
            Model.Fill(epochs);
            Callback.OnEpochEnd(epochs, Logs(("loss", value), (key, value)));
            epochs++;
            if (Model.StopTraining)
            {
                break;
            }
        }

        Callback.OnTrainEnd(Logs());
        return epochs;
    }
}
