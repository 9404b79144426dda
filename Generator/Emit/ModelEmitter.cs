using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>The pipeline's last step: writes a model's source, then adds it and reports its diagnostics.</summary>
internal static class ModelEmitter
{
    /// <summary>Writes the source of <paramref name="model"/>; never throws except on cancellation.</summary>
    public static GeneratedModel Emit(InferredModel model, CancellationToken cancellationToken)
    {
        var declaration = model.Declaration;
        if (!declaration.CanGenerate)
        {
            return new GeneratedModel(null, null, model.Diagnostics);
        }

        return GeneratorGuard.Run(
            () => new GeneratedModel(declaration.Type.HintName, SourceFileEmitter.Write(model), model.Diagnostics),
            exception => new GeneratedModel(
                null,
                null,
                model.Diagnostics.Append(GeneratorGuard.Failure("writing", declaration.Type.Name, declaration.Location, exception)).ToEquatableArray()));
    }
}
