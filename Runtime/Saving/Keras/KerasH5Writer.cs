using System.Collections.Generic;
using System.IO;
using System.Linq;
using PureHDF;
using static TorchSharp.torch;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// Writes a model's weights in Keras 3's HDF5 layout (what <c>model.save_weights("x.weights.h5")</c>
/// writes): a <c>vars</c> group named after the model, and <c>layers/&lt;group&gt;/vars</c> for every
/// layer with an attribute <c>name</c> and its variables as datasets <c>0</c>, <c>1</c>, ...
/// (recurrent layers under <c>cell/vars</c>), float32 in Keras' layout.
/// </summary>
internal static class KerasH5Writer
{
    /// <summary>Writes <paramref name="model"/>'s weights to <paramref name="stream"/>.</summary>
    public static void Write(Model model, Stream stream)
    {
        var weights = model.state_dict();
        var root = new H5Group();
        // A slot's group, made with the groups above it (a nested model's layers/...).
        H5Group GroupAt(string path)
        {
            var group = root;
            foreach (var part in path.Split('/'))
            {
                if (!group.TryGetValue(part, out var child))
                {
                    child = new H5Group();
                    group[part] = child;
                }

                group = (H5Group)child;
            }

            return group;
        }

        foreach (var slot in KerasWeightLayout.Of(model))
        {
            var variables = Named(slot.KerasName);
            var group = GroupAt(slot.GroupPath);
            if (slot.VarsPath.EndsWith("/cell/vars", System.StringComparison.Ordinal))
            {
                group["vars"] = variables;
                variables = Named($"{KerasNaming.ToSnakeCase(slot.ClassName)}_cell");
                group["cell"] = new H5Group { ["vars"] = variables };
            }
            else
            {
                group["vars"] = variables;
            }

            foreach (var variable in slot.Variables)
            {
                variables[variable.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Dataset(weights[variable.StateKey]);
            }

        }

        var file = new H5File
        {
            ["layers"] = root.TryGetValue("layers", out var layers) ? layers : new H5Group(),
            ["vars"] = Named(KerasNaming.ToSnakeCase(model.KerasClassName)),
        };
        // PureHDF writes through a readable, seekable stream; the destination may be neither.
        using var buffer = new MemoryStream();
        file.Write(buffer);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static H5Group Named(string name)
    {
        var group = new H5Group();
        group.Attributes["name"] = name;
        return group;
    }

    private static H5Dataset Dataset(Tensor weight)
    {
        using var scope = NewDisposeScope();
        var data = weight.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        return new H5Dataset(data, fileDims: weight.shape.Select(d => (ulong)d).ToArray());
    }
}
