using System.Linq;
using System.Threading;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Custom;

/// <summary>The custom-layer pipeline's last step: writes the layer's generated part, with its diagnostics.</summary>
internal static class CustomLayerEmitter
{
    /// <summary>Writes the source of <paramref name="layer"/>; never throws except on cancellation.</summary>
    public static GeneratedModel Emit(CustomLayerClass layer, CancellationToken cancellationToken)
    {
        if (!layer.CanGenerate)
        {
            return new GeneratedModel(null, null, layer.Diagnostics);
        }

        return GeneratorGuard.Run(
            () => new GeneratedModel(layer.Type.HintName, CustomLayerFileEmitter.Write(layer), layer.Diagnostics),
            exception => new GeneratedModel(
                null,
                null,
                layer.Diagnostics.Append(GeneratorGuard.Failure("writing", layer.Type.Name, layer.Location, exception)).ToEquatableArray()));
    }
}
