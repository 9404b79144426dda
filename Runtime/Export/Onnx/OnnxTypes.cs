namespace StaticKeras.Export.Onnx;

/// <summary>ONNX <c>TensorProto.DataType</c> codes used here.</summary>
internal static class OnnxTypes
{
    /// <summary>float32.</summary>
    public const int Float = 1;

    /// <summary>int64.</summary>
    public const int Int64 = 7;

    /// <summary>bool (Keras' masks).</summary>
    public const int Bool = 9;
}
