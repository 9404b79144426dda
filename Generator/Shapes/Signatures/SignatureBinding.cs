using System.Collections.Generic;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>The sizes an input signature bound: each name's dimension and where it came from, and what <c>...</c> matched.</summary>
internal sealed class SignatureBinding
{
    private readonly Dictionary<string, (Dim Dim, string Source)> _names = new(System.StringComparer.Ordinal);

    /// <summary>The dimensions <c>...</c> matched (empty without one).</summary>
    public List<Dim> Ellipsis { get; } = [];

    /// <summary>The dimension bound to <paramref name="name"/>, or <see langword="null"/>.</summary>
    public Dim? this[string name] => _names.TryGetValue(name, out var bound) ? bound.Dim : null;

    /// <summary>Where <paramref name="name"/> was bound: <c>28 (axis 1)</c>, <c>64 (constructor argument)</c>.</summary>
    public string Source(string name) => _names[name].Source;

    /// <summary>Binds <paramref name="name"/>, which must not be bound yet.</summary>
    public void Bind(string name, Dim dim, string source) => _names.Add(name, (dim, source));

    /// <summary>Whether <paramref name="name"/> is bound.</summary>
    public bool IsBound(string name) => _names.ContainsKey(name);
}
