using System;
using StaticKeras.Layers.Initializers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Creates and finds a layer's weights under their Keras names (<c>kernel</c>, <c>bias</c>, ...).
/// Weights are looked up by name on every use rather than cached in fields, so they stay right
/// after <c>Module.to(dtype)</c> or <c>load_state_dict</c> replace or refill them.
/// </summary>
internal static class LayerWeights
{
    /// <summary>Creates a trainable weight with <paramref name="initializer"/> and registers it as <paramref name="name"/>.</summary>
    public static Parameter Add(nn.Module module, string name, long[] shape, WeightInitializer initializer)
    {
        if (module is Layer layer)
        {
            layer.CheckConstraint(name, shape);   // a constraint's axes must fit the weight: fail at Build, not at the first step
        }

        var parameter = new Parameter(initializer.Create(shape), requires_grad: true);
        // A layer built lazily by its first Call may be inside a training step's DisposeScope;
        // its weights outlive that scope.
        parameter.DetachFromDisposeScope();
        module.register_parameter(name, parameter);
        return parameter;
    }

    /// <summary>Creates a non-trainable state tensor (a TorchSharp buffer, saved in <c>state_dict</c>) as <paramref name="name"/>.</summary>
    public static Tensor AddBuffer(nn.Module module, string name, long[] shape, WeightInitializer initializer)
    {
        var buffer = initializer.Create(shape);
        buffer.DetachFromDisposeScope();
        module.register_buffer(name, buffer);
        return buffer;
    }

    /// <summary>The trainable weight registered as <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built, or has no such weight.</exception>
    public static Parameter Get(nn.Module module, string name) =>
        module.get_parameter(name) ?? throw NotBuilt(module, name);

    /// <summary>The trainable weight registered as <paramref name="name"/>, or null when the layer has none (useBias: false).</summary>
    public static Parameter? Find(nn.Module module, string name) => module.get_parameter(name);

    /// <summary>The buffer registered as <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The layer is not built, or has no such buffer.</exception>
    public static Tensor GetBuffer(nn.Module module, string name) =>
        module.get_buffer(name) ?? throw NotBuilt(module, name);

    /// <summary>Throws when Build is called a second time.</summary>
    public static void BuildOnce(nn.Module module, bool built, long[] inputShape)
    {
        if (built)
        {
            throw new InvalidOperationException(
                $"{module.GetType().Name} is already built; Build is called once, before the first Call " +
                $"(found a second Build for input shape {LayerChecks.Describe(inputShape)}).");
        }
    }

    private static InvalidOperationException NotBuilt(nn.Module module, string name) =>
        new($"{module.GetType().Name} has no weight '{name}': call Build(inputShape) or Call the layer first" +
            " (and weights such as 'bias' exist only when the layer's arguments ask for them).");
}
