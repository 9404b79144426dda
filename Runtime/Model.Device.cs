using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras;

// Where the model's weights live and its steps run.
public abstract partial class Model
{
    /// <summary>
    /// The device of the model's weights and steps: the CPU unless <see cref="To(Device)"/> moved
    /// them. <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> copy each batch there (asynchronously,
    /// from pinned memory, for CUDA), so data may stay on the CPU.
    /// </summary>
    public Device Device { get; private set; } = CPU;

    /// <summary>
    /// Moves every weight to <paramref name="device"/>, such as <c>torch.CUDA</c> (Keras runs on
    /// the GPU when there is one; here the choice is explicit). CUDA needs the TorchSharp CUDA
    /// backend package in place of <c>TorchSharp-cpu</c> (docs/devices.md). An optimizer already
    /// built rebuilds its flat weight, gradient and state buffers on the new device, keeping its state.
    /// </summary>
    /// <returns>This model, to chain: <c>var model = new Mlp().To(torch.CUDA);</c>.</returns>
    public Model To(Device device)
    {
        if (device.type == Device.type && device.index == Device.index)
        {
            return this;
        }

        this.to(device);
        Device = device;
        RebindOptimizer();
        return this;
    }
}
