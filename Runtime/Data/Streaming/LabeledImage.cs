namespace StaticKeras.Data;

/// <summary>One image as stored (row-major bytes, 0-255, channels last) with its class label.</summary>
/// <param name="Pixels">The <c>Rows * Columns * Channels</c> values, row by row, each pixel's channels together.</param>
/// <param name="Rows">The image height.</param>
/// <param name="Columns">The image width.</param>
/// <param name="Label">The class index.</param>
/// <param name="Channels">Values per pixel: 1 grayscale, 3 RGB, 4 RGBA.</param>
public readonly record struct LabeledImage(byte[] Pixels, int Rows, int Columns, int Label, int Channels = 1);
