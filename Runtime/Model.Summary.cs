using System;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Prints the model's summary, as Keras' <c>model.summary()</c>: layers, output shapes and
    /// parameter counts, known at build time (<see cref="ModelInfo.Summary"/>).
    /// </summary>
    /// <param name="print">Called with each line (default: <see cref="Console.WriteLine(string)"/>).</param>
    public void Summary(Action<string>? print = null)
    {
        print ??= Console.WriteLine;
        foreach (var line in Info.Summary.TrimEnd('\n').Split('\n'))
        {
            print(line);
        }
    }
}
