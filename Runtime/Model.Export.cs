using StaticKeras.Export.Onnx;
using StaticKeras.Saving;

namespace StaticKeras;

// Deployment: the inference graph as ONNX.
public abstract partial class Model
{
    /// <summary>
    /// The model's inference graph as an ONNX model (opset 17, IR version 8): the declared inputs' and
    /// outputs' names, a dynamic <c>batch</c> dimension and symbolic dimensions as named ONNX dims,
    /// every layer's nodes in order, weights as initializers. ONNX Runtime and other ONNX tools run it.
    /// </summary>
    /// <returns>The encoded <c>ModelProto</c>.</returns>
    /// <exception cref="System.NotSupportedException">
    /// A layer has no ONNX form (a custom layer, a nested model, a recurrent activation ONNX cannot
    /// name; docs/saving.md lists them); the message says which. <c>[ExportOnnx]</c> on the model
    /// class makes these build errors (STK0080) instead.
    /// </exception>
    public byte[] ExportOnnx() => OnnxModelWriter.Write(this);

    /// <summary>Writes <see cref="ExportOnnx()"/> to <paramref name="path"/> (conventionally <c>*.onnx</c>), atomically.</summary>
    /// <exception cref="System.NotSupportedException">The model cannot be exported; nothing is written.</exception>
    public void ExportOnnx(string path)
    {
        var bytes = ExportOnnx();
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
