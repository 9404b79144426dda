using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Layers;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>The forward lines of hand-built masked models: where masks are computed, passed and dropped.</summary>
public sealed class MaskedForwardPassTests
{
    private static readonly EquatableArray<ArgumentSite> NoSites = EquatableArray<ArgumentSite>.Empty;

    [Fact]
    public void TheEmbeddingsMaskGoesToTheLstmAndThePooling()
    {
        var spec = ModelSpec.Sequential().Input(20);
        spec.Add(new EmbeddingDeclaration("embed", "embed", spec.NextLocation(), NoSites, 100, 8, MaskZero: true));
        spec.Dropout("drop", 0.1);
        spec.Add(new RecurrentDeclaration("lstm", "lstm", spec.NextLocation(), NoSites, RecurrentKind.LSTM, 4, true, true, true));
        spec.Add(new GlobalPoolingDeclaration("mean", "mean", spec.NextLocation(), NoSites, "GlobalAveragePooling1D", 1, false));
        spec.Dense("head", 1);

        var (lines, output) = ForwardPass.Lines(spec.Infer(), ["inputs"], CallMode.Forward, fusedActivation: null);

        Assert.Equal(
            [
                new CodeLine("var x1 = embed.Call(inputs);", "(batch, 20, 8)"),
                new CodeLine("var mask1 = embed.ComputeMask(inputs);", "mask (batch, 20)"),
                new CodeLine("var x2 = drop.Call(x1, training);", "(batch, 20, 8)"),
                new CodeLine("var x3 = lstm.Call(x2, mask: mask1);", "(batch, 20, 4)"),
                new CodeLine("var x4 = mean.Call(x3, mask: mask1);", "(batch, 4)"),
                new CodeLine("var x5 = head.Call(x4);", "(batch, 1)"),
            ],
            lines);
        Assert.Equal("x5", output);
    }

    [Fact]
    public void MaskingDropsTheFeatureAxisAndFlattenDropsTheMask()
    {
        var spec = ModelSpec.Sequential().Input(6, 3);
        spec.Add(new MaskingDeclaration("masking", "masking", spec.NextLocation(), NoSites, -1));
        spec.Flatten();
        spec.Dense("head", 2);

        var (lines, _) = ForwardPass.Lines(spec.Infer(), ["x"], CallMode.Training, fusedActivation: null);

        Assert.Equal(
            [
                new CodeLine("var x1 = masking.Call(x);", "(batch, 6, 3)"),
                new CodeLine("var mask1 = masking.ComputeMask(x);", "mask (batch, 6)"),
                new CodeLine("var x2 = flatten.Call(x1);", "(batch, 18)"),
                new CodeLine("var x3 = head.Call(x2);", "(batch, 2)"),
            ],
            lines);
    }

    [Fact]
    public void WithoutAMaskNothingChanges()
    {
        var spec = ModelSpec.Sequential().Input(20);
        spec.Add(new EmbeddingDeclaration("embed", "embed", spec.NextLocation(), NoSites, 100, 8));
        spec.Add(new RecurrentDeclaration("lstm", "lstm", spec.NextLocation(), NoSites, RecurrentKind.LSTM, 4, true, false, true));

        var (lines, _) = ForwardPass.Lines(spec.Infer(), ["inputs"], CallMode.Forward, fusedActivation: null);

        Assert.Equal([new CodeLine("var x1 = embed.Call(inputs);", "(batch, 20, 8)"), new CodeLine("var x2 = lstm.Call(x1);", "(batch, 4)")], lines);
    }
}
