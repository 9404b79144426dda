using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
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

    /// <summary>Adds the generated file and reports the diagnostics, their help links under the project's base.</summary>
    public static void AddSource(SourceProductionContext context, (GeneratedModel Model, string HelpLinkBase) output)
    {
        var (model, helpLinkBase) = output;
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(helpLinkBase));
        }

        if (model.HintName is { } hintName && model.Source is { } source)
        {
            context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        }
    }
}
