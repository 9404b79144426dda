using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PureHDF;
using PureHDF.VOL.Native;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Reads a Keras 3 weights file (<c>.weights.h5</c>, or <c>model.weights.h5</c> inside a
/// <c>.keras</c> archive) with PureHDF: every <c>vars</c> group and its numbered datasets.
/// </summary>
internal sealed class KerasH5Reader : IDisposable
{
    private readonly NativeFile _file;
    private readonly Dictionary<string, List<KerasStoredVariable>> _vars;

    private KerasH5Reader(NativeFile file, string source)
    {
        _file = file;
        Source = source;
        _vars = new Dictionary<string, List<KerasStoredVariable>>(StringComparer.Ordinal);
        Collect(file, "");
    }

    /// <summary>The file's path, or what the stream is; used in messages.</summary>
    public string Source { get; }

    /// <summary>Every group named <c>vars</c> that holds at least one dataset, with its datasets in index order.</summary>
    public IReadOnlyDictionary<string, List<KerasStoredVariable>> Vars => _vars;

    /// <summary>Opens <paramref name="stream"/> (seekable, left open) as HDF5.</summary>
    /// <exception cref="InvalidDataException">The stream is not an HDF5 file PureHDF can read.</exception>
    public static KerasH5Reader Open(Stream stream, string source)
    {
        try
        {
            return new KerasH5Reader(H5File.Open(stream, leaveOpen: true), source);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{source}' is not a readable HDF5 weights file: {e.Message}", e);
        }
    }

    /// <summary>Reads dataset <paramref name="name"/> of <paramref name="varsPath"/> as a float32 tensor (float64 data is converted, as Keras' assign does).</summary>
    public Tensor Read(string varsPath, string name, long[] shape)
    {
        var dataset = _file.Dataset($"{varsPath}/{name}");
        return dataset.Type.Size == 8
            ? tensor(dataset.Read<double[]>(), shape).to_type(ScalarType.Float32)
            : tensor(dataset.Read<float[]>(), shape);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private void Collect(IH5Group group, string path)
    {
        foreach (var child in group.Children())
        {
            if (child is not IH5Group inner)
            {
                continue;
            }

            var childPath = path.Length == 0 ? child.Name : $"{path}/{child.Name}";
            if (child.Name == "vars")
            {
                var datasets = inner.Children().OfType<IH5Dataset>()
                    .Select(d => new KerasStoredVariable(d.Name, d.Space.Dimensions.Select(x => (long)x).ToArray(), DTypeOf(d)))
                    .OrderBy(d => int.TryParse(d.Name, out var i) ? i : int.MaxValue)
                    .ToList();
                if (datasets.Count > 0)
                {
                    _vars[childPath] = datasets;
                }
            }
            else
            {
                Collect(inner, childPath);
            }
        }
    }

    private static string DTypeOf(IH5Dataset dataset) => (dataset.Type.Class, dataset.Type.Size) switch
    {
        (H5DataTypeClass.FloatingPoint, 4) => "F32",
        (H5DataTypeClass.FloatingPoint, 8) => "F64",
        (H5DataTypeClass.FloatingPoint, 2) => "F16",
        (H5DataTypeClass.FixedPoint, var size) => $"I{size * 8}",
        var (kind, size) => $"{kind}{size * 8}",
    };
}
