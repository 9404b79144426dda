namespace StaticKeras.Saving.Keras;

/// <summary>A variable as a Keras file stores it.</summary>
/// <param name="Name">Its name in the file: the index (<c>0</c>) in an HDF5 <c>vars</c> group, or the tensor name in safetensors.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="DType">Its element type as a safetensors code (<c>F32</c>, <c>F64</c>, ...).</param>
internal sealed record KerasStoredVariable(string Name, long[] Shape, string DType);
