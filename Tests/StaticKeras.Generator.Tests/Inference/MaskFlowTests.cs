using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Inference;

/// <summary>Which values carry Keras' mask, from each layer's <see cref="MaskRule"/> (Keras 3's supports_masking/compute_mask).</summary>
public sealed class MaskFlowTests
{
    [Theory]
    [InlineData("Drops", new[] { true }, false)]
    [InlineData("Propagates", new[] { true }, true)]
    [InlineData("Propagates", new[] { false }, false)]
    [InlineData("Produces", new[] { false }, true)]
    [InlineData("Consumes", new[] { true }, false)]
    [InlineData("ConsumesAndPropagates", new[] { true }, true)]
    [InlineData("Merges", new[] { true, true }, true)]
    [InlineData("Merges", new[] { true, false }, false)]
    public void EachRuleDecidesWhetherItsOutputCarriesAMask(string rule, bool[] inputs, bool carries) =>
        Assert.Equal(carries, MaskFlow.Carries(System.Enum.Parse<MaskRule>(rule), inputs));

    [Fact]
    public void OnlyTheRecurrentLayersAndTheAverageOf1DPoolingTakeTheMask()
    {
        Assert.True(MaskFlow.TakesMask(MaskRule.Consumes));
        Assert.True(MaskFlow.TakesMask(MaskRule.ConsumesAndPropagates));
        Assert.False(MaskFlow.TakesMask(MaskRule.Propagates));
        Assert.False(MaskFlow.TakesMask(MaskRule.Produces));
    }

    [Fact]
    public void LayersDeclareKerasMaskRules()
    {
        var site = new SourceLocation("Spec.cs", default, default);
        var sites = EquatableArray<ArgumentSite>.Empty;
        Assert.Equal(MaskRule.Produces, new EmbeddingDeclaration("e", "e", site, sites, 10, 4, MaskZero: true).Mask);
        Assert.Equal(MaskRule.Drops, new EmbeddingDeclaration("e", "e", site, sites, 10, 4).Mask);
        Assert.Equal(MaskRule.Produces, new MaskingDeclaration("m", "m", site, sites, 0).Mask);
        Assert.Equal(MaskRule.Consumes, new RecurrentDeclaration("r", "r", site, sites, RecurrentKind.LSTM, 4, true, false, true).Mask);
        Assert.Equal(MaskRule.ConsumesAndPropagates, new RecurrentDeclaration("r", "r", site, sites, RecurrentKind.GRU, 4, true, true, true).Mask);
        Assert.Equal(MaskRule.Consumes, new GlobalPoolingDeclaration("g", "g", site, sites, "GlobalAveragePooling1D", 1, false).Mask);
        Assert.Equal(MaskRule.Drops, new GlobalPoolingDeclaration("g", "g", site, sites, "GlobalMaxPooling1D", 1, false).Mask);
        Assert.Equal(MaskRule.Propagates, new DenseDeclaration("d", "d", site, 3, ActivationKind.Relu, true).Mask);
        Assert.Equal(MaskRule.Propagates, new DropoutDeclaration("d", "d", site, 0.5).Mask);
        Assert.Equal(MaskRule.Drops, new FlattenDeclaration("f", "f", site).Mask);
        Assert.Equal(MaskRule.Merges, new MergeDeclaration("a", "a", site, "Add", -1, sites).Mask);
        Assert.Equal(MaskRule.Drops, new MergeDeclaration("c", "c", site, "Concatenate", 1, sites).Mask);
    }

    [Fact]
    public void AMaskTravelsFromTheEmbeddingThroughDenseToTheLstmAndStopsThere()
    {
        var spec = ModelSpec.Sequential().Input(20);
        spec.Add(new EmbeddingDeclaration("embed", "embed", spec.NextLocation(), EquatableArray<ArgumentSite>.Empty, 100, 8, MaskZero: true));
        spec.Dense("project", 8);
        spec.Add(new RecurrentDeclaration("lstm", "lstm", spec.NextLocation(), EquatableArray<ArgumentSite>.Empty, RecurrentKind.LSTM, 4, true, false, true));
        spec.Dense("head", 1);
        var model = spec.Infer();

        // values: the input, then embed, project, lstm, head
        Assert.Equal([false, true, true, false, false], MaskFlow.Of(model.Graph, model.Declaration.Layer));
    }
}
