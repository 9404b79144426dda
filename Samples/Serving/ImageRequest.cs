using System;
using System.Globalization;
using System.Text.Json;

namespace Samples.Serving;

/// <summary>
/// A <c>POST /predict</c> body read and checked: one image (<c>{"image": [[...28 numbers], ...28 rows]}</c>)
/// or a batch (<c>{"images": [image, ...]}</c>), every pixel a number in [0, 1].
/// </summary>
/// <param name="Pixels">The images one after another, row-major.</param>
/// <param name="Count">How many images.</param>
public sealed record ImageRequest(float[] Pixels, int Count)
{
    /// <summary>
    /// Reads <paramref name="body"/>; on a mistake returns <see langword="null"/> and sets
    /// <paramref name="error"/> to a message naming what was expected and what was found.
    /// </summary>
    public static ImageRequest? Read(JsonElement body, int maxBatch, out string? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = $"the body must be a JSON object with \"image\" (one 28 x 28 image) or \"images\" (a batch); found {Kind(body)}.";
            return null;
        }

        var hasImage = body.TryGetProperty("image", out var image);
        var hasImages = body.TryGetProperty("images", out var images);
        if (hasImage == hasImages)
        {
            error = hasImage
                ? "give either \"image\" or \"images\", not both."
                : "the body needs \"image\" (one 28 x 28 image) or \"images\" (a batch of them).";
            return null;
        }

        if (hasImage)
        {
            var pixels = new float[ServedModel.Pixels];
            return ReadImage(image, "image", pixels, 0, out error) ? new ImageRequest(pixels, 1) : null;
        }

        if (images.ValueKind != JsonValueKind.Array)
        {
            error = $"\"images\" must be an array of 28 x 28 images; found {Kind(images)}.";
            return null;
        }

        var count = images.GetArrayLength();
        if (count == 0 || count > maxBatch)
        {
            error = count == 0
                ? "\"images\" is empty: give at least one image."
                : $"a batch of {count} images is more than this service's limit of {maxBatch}; split it into several requests.";
            return null;
        }

        var batch = new float[count * ServedModel.Pixels];
        var index = 0;
        foreach (var item in images.EnumerateArray())
        {
            if (!ReadImage(item, $"images[{index}]", batch, index * ServedModel.Pixels, out error))
            {
                return null;
            }

            index++;
        }

        return new ImageRequest(batch, count);
    }

    // One image: 28 rows of 28 numbers in [0, 1], written into pixels at offset.
    private static bool ReadImage(JsonElement image, string name, float[] pixels, int offset, out string? error)
    {
        error = null;
        if (image.ValueKind != JsonValueKind.Array || image.GetArrayLength() != ServedModel.Side)
        {
            error = $"{name} must be {ServedModel.Side} rows of {ServedModel.Side} numbers (shape (28, 28)); found {Describe(image)}.";
            return false;
        }

        var row = 0;
        foreach (var values in image.EnumerateArray())
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != ServedModel.Side)
            {
                error = $"{name}[{row}] must be a row of {ServedModel.Side} numbers; found {Describe(values)}.";
                return false;
            }

            var column = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out var pixel) || !float.IsFinite(pixel))
                {
                    error = $"{name}[{row}][{column}] must be a number in [0, 1]; found {Kind(value)} {Shorten(value.GetRawText())}.";
                    return false;
                }

                if (pixel is < 0 or > 1)
                {
                    error = $"{name}[{row}][{column}] is {pixel.ToString(CultureInfo.InvariantCulture)}: pixels are scaled to [0, 1] (divide 0-255 values by 255).";
                    return false;
                }

                pixels[offset + row * ServedModel.Side + column] = pixel;
                column++;
            }

            row++;
        }

        return true;
    }

    private static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? $"an array of {element.GetArrayLength()}" : $"{Kind(element)} {Shorten(element.GetRawText())}";

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..21] + "...";
}
