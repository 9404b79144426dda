namespace StaticKeras.Data;

/// <summary>One image as stored (row-major bytes, 0-255) with its class label.</summary>
/// <param name="Pixels">The <c>Rows * Columns</c> pixels, row by row.</param>
/// <param name="Rows">The image height.</param>
/// <param name="Columns">The image width.</param>
/// <param name="Label">The class index.</param>
public readonly record struct LabeledImage(byte[] Pixels, int Rows, int Columns, int Label);
