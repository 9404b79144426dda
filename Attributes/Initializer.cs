namespace StaticKeras;

/// <summary>Weight initializers a <see cref="WeightAttribute"/> can name, with Keras 3's defaults.</summary>
public enum Initializer
{
    /// <summary>All zeros (Keras <c>"zeros"</c>).</summary>
    Zeros,

    /// <summary>All ones (Keras <c>"ones"</c>).</summary>
    Ones,

    /// <summary>Normal with mean 0 and standard deviation 0.05 (Keras <c>RandomNormal()</c>).</summary>
    RandomNormal,

    /// <summary>Uniform in [-0.05, 0.05] (Keras <c>RandomUniform()</c>).</summary>
    RandomUniform,

    /// <summary>Uniform in ±sqrt(6 / (fan_in + fan_out)) (Keras <c>"glorot_uniform"</c>, the default).</summary>
    GlorotUniform,

    /// <summary>Truncated normal with stddev sqrt(2 / (fan_in + fan_out)) (Keras <c>"glorot_normal"</c>).</summary>
    GlorotNormal,

    /// <summary>Truncated normal with stddev sqrt(2 / fan_in) (Keras <c>"he_normal"</c>).</summary>
    HeNormal,

    /// <summary>Uniform in ±sqrt(6 / fan_in) (Keras <c>"he_uniform"</c>).</summary>
    HeUniform,

    /// <summary>An orthogonal matrix, gain 1 (Keras <c>"orthogonal"</c>); needs 2 or more dimensions.</summary>
    Orthogonal,
}
