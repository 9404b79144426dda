using System;
using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary><c>tf.data</c>'s shuffle buffer over a sequence, drawing from <see cref="Random"/> with a fixed seed.</summary>
internal static class ShuffleBuffer
{
    public static IEnumerable<T> Shuffle<T>(IEnumerable<T> source, int bufferSize, int seed)
    {
        var random = new Random(seed);
        var buffer = new List<T>(Math.Min(bufferSize, 1 << 16));
        foreach (var element in source)
        {
            if (buffer.Count < bufferSize)
            {
                buffer.Add(element);
                continue;
            }

            var pick = random.Next(bufferSize);
            yield return buffer[pick];
            buffer[pick] = element;
        }

        // The source is done: empty the buffer in random order (a Fisher-Yates draw).
        for (var remaining = buffer.Count; remaining > 0; remaining--)
        {
            var pick = random.Next(remaining);
            yield return buffer[pick];
            buffer[pick] = buffer[remaining - 1];
        }
    }
}
