using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Optimizers;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// The optimizer's state in a safetensors weight file, so training resumes exactly after
/// <see cref="Model.LoadWeights"/>: each slot as a tensor named
/// <c>optimizer/{weight}/{slot}</c> (<c>optimizer/hidden.kernel/momentum</c>), Adafactor's factored
/// moments as <c>optimizer/{weight}/r</c> and <c>/c</c>, and in the metadata the optimizer's class,
/// its step count and any scalar state (Nadam's <c>u_product</c>), written with round-trip precision.
/// </summary>
internal sealed class OptimizerState
{
    private const string Prefix = "optimizer/";
    private const string ClassKey = "optimizer.class";
    private const string StepsKey = "optimizer.steps";
    private const string ScalarPrefix = "optimizer.state.";

    private readonly string _class;
    private readonly long _steps;
    private readonly Dictionary<string, double> _scalars;
    private readonly Dictionary<string, Tensor> _tensors;

    private OptimizerState(string className, long steps, Dictionary<string, double> scalars, Dictionary<string, Tensor> tensors)
    {
        _class = className;
        _steps = steps;
        _scalars = scalars;
        _tensors = tensors;
    }

    /// <summary>Whether a tensor of a weight file is optimizer state rather than a weight.</summary>
    public static bool IsOptimizerTensor(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Adds the state of <paramref name="model"/>'s optimizer, if one is built, to the tensors and
    /// metadata of a weight file. The tensors are copies, safe to write after further training.
    /// </summary>
    public static void Describe(Model model, List<KeyValuePair<string, Tensor>> tensors, Dictionary<string, string> metadata)
    {
        if (model.BuiltOptimizer is not { } optimizer)
        {
            return;
        }

        var names = Names(model, optimizer);
        var slots = optimizer.SlotValues();
        for (var i = 0; i < names.Length; i++)
        {
            for (var s = 0; s < optimizer.AllSlotNames.Count; s++)
            {
                tensors.Add(new($"{Prefix}{names[i]}/{optimizer.AllSlotNames[s]}", slots[i][s]));
            }
        }

        foreach (var (index, name, value) in optimizer.FactoredState)
        {
            tensors.Add(new($"{Prefix}{names[index]}/{name}", value.detach().clone()));
        }

        metadata[ClassKey] = optimizer.GetType().Name;
        metadata[StepsKey] = optimizer.Steps.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in optimizer.ScalarState)
        {
            metadata[ScalarPrefix + key] = value.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Reads the optimizer state of a weight file, or <see langword="null"/> when it has none.</summary>
    public static OptimizerState? Read(SafeTensorsFile file)
    {
        if (!file.Metadata.TryGetValue(ClassKey, out var className) || !file.Metadata.TryGetValue(StepsKey, out var steps))
        {
            return null;
        }

        var scalars = file.Metadata
            .Where(kv => kv.Key.StartsWith(ScalarPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[ScalarPrefix.Length..], kv => double.Parse(kv.Value, CultureInfo.InvariantCulture));
        var tensors = file.Tensors.Where(t => IsOptimizerTensor(t.Name)).ToDictionary(t => t.Name, t => file.ReadTensor(t.Name));
        return new OptimizerState(className, long.Parse(steps, CultureInfo.InvariantCulture), scalars, tensors);
    }

    /// <summary>
    /// Puts the state into <paramref name="model"/>'s optimizer (created from <c>[Compile]</c> if
    /// need be) when it is of the same class with the same weights and slots; otherwise leaves the
    /// optimizer as it is, as Keras skips optimizer variables that do not match.
    /// </summary>
    /// <returns>Whether the state was restored.</returns>
    public bool Restore(Model model)
    {
        if (!model.HasOptimizer)
        {
            return false;
        }

        var optimizer = model.CompiledOptimizer;
        if (optimizer.GetType().Name != _class)
        {
            return false;
        }

        var names = Names(model, optimizer);
        var slots = new Tensor[names.Length][];
        var current = optimizer.SlotValues();
        for (var i = 0; i < names.Length; i++)
        {
            slots[i] = new Tensor[optimizer.AllSlotNames.Count];
            for (var s = 0; s < slots[i].Length; s++)
            {
                if (!_tensors.TryGetValue($"{Prefix}{names[i]}/{optimizer.AllSlotNames[s]}", out var value) ||
                    !value.shape.SequenceEqual(current[i][s].shape))
                {
                    return false;
                }

                slots[i][s] = value;
            }
        }

        var factored = optimizer.FactoredState.ToList();
        if (factored.Any(f => !_tensors.TryGetValue($"{Prefix}{names[f.Index]}/{f.Name}", out var value) || !value.shape.SequenceEqual(f.Value.shape)))
        {
            return false;
        }

        optimizer.SetSlotValues(slots);
        foreach (var (index, name, _) in factored)
        {
            optimizer.SetFactoredState(index, name, _tensors[$"{Prefix}{names[index]}/{name}"]);
        }

        optimizer.Steps = _steps;
        if (_scalars.Count > 0)
        {
            optimizer.SetScalarState(_scalars);
        }

        return true;
    }

    private static string[] Names(Model model, KerasOptimizer optimizer)
    {
        var byParameter = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, parameter) in model.named_parameters())
        {
            byParameter.TryAdd(parameter, name);
        }

        return optimizer.Parameters.Select((p, i) => byParameter.TryGetValue(p, out var name) ? name : $"#{i}").ToArray();
    }
}
