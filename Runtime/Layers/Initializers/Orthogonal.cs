using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>
/// Keras' <c>Orthogonal</c>, the default recurrent-kernel initializer. The shape is viewed as a
/// matrix (product of the leading dimensions, last dimension); a normal matrix of the taller
/// orientation is QR-decomposed, Q's columns are sign-corrected by diag(R), and Q is transposed
/// back when the matrix is wide. Rows (wide) or columns (tall) come out orthonormal, times
/// <see cref="Gain"/>.
/// </summary>
public sealed class Orthogonal : WeightInitializer
{
    /// <summary>Creates the initializer with Keras' default <c>gain=1.0</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="gain"/> is not finite.</exception>
    public Orthogonal(double gain = 1.0)
    {
        if (!double.IsFinite(gain))
        {
            throw new ArgumentException($"Orthogonal: expected a finite gain, found {gain}.", nameof(gain));
        }

        Gain = gain;
    }

    /// <summary>The factor applied to the orthogonal matrix.</summary>
    public double Gain { get; }

    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype)
    {
        if (shape.Length < 2)
        {
            throw new ArgumentException(
                $"Orthogonal: the weight must have at least 2 dimensions, found shape ({string.Join(", ", shape)}).",
                nameof(shape));
        }

        long rows = 1;
        for (int i = 0; i < shape.Length - 1; i++)
        {
            rows *= shape[i];
        }

        long columns = shape[^1];
        using var scope = NewDisposeScope();
        // QR in double precision, then cast: the result is orthogonal to float32 rounding.
        var a = randn(Math.Max(rows, columns), Math.Min(rows, columns), ScalarType.Float64);
        var (q, r) = linalg.qr(a);
        q = q * r.diagonal().sign();
        if (rows < columns)
        {
            q = q.t();
        }

        return (q * Gain).reshape(shape).to_type(dtype).contiguous().MoveToOuterDisposeScope();
    }
}
