namespace StaticKeras.Data;

/// <summary>
/// The channels an image is decoded to (Keras' <c>color_mode</c> of <c>image_dataset_from_directory</c>),
/// whatever the file stores: a grayscale file read as <see cref="Rgb"/> repeats its value in each channel,
/// a file without transparency read as <see cref="Rgba"/> has alpha 255.
/// </summary>
public enum ColorMode
{
    /// <summary>One channel, the luminance <c>(19595 R + 38470 G + 7471 B + 32768) &gt;&gt; 16</c> (PIL's <c>convert("L")</c>); Keras' <c>"grayscale"</c>.</summary>
    Grayscale = 1,

    /// <summary>Three channels, red, green, blue (alpha dropped, not blended); Keras' <c>"rgb"</c>, its default.</summary>
    Rgb = 3,

    /// <summary>Four channels, red, green, blue and straight (not premultiplied) alpha; Keras' <c>"rgba"</c>.</summary>
    Rgba = 4,
}
