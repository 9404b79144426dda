using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>
/// Overrides repeat the accessibility of Model's members: the runtime declares them <c>protected</c>,
/// so every assembly overrides them <c>protected</c>, even one that sees the runtime's internals
/// (StaticKeras.Runtime grants InternalsVisibleTo to StaticKeras.Runtime.Tests). Only a
/// <c>protected internal</c> member seen through InternalsVisibleTo would be overridden
/// <c>protected internal</c> (the emitter tests cover that form).
/// </summary>
public sealed class AccessibilityTests
{
    [Fact]
    public void OrdinaryAssemblyOverridesWithProtected()
    {
        var run = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text).AssertClean();

        Assert.Contains("    protected override global::StaticKeras.ModelInfo Info => s_info;", run.SingleSource);
        Assert.DoesNotContain("protected internal", run.SingleSource);
    }

    [Fact]
    public void FriendAssemblyAlsoOverridesWithProtected()
    {
        var run = GeneratorRunner.Run("StaticKeras.Runtime.Tests", References.All, ModelSource.MnistMlp().Build().Text).AssertClean();

        Assert.Contains("    protected override global::StaticKeras.ModelInfo Info => s_info;", run.SingleSource);
        Assert.Contains("    protected override global::StaticKeras.StepOutput TrainStep(", run.SingleSource);
        Assert.Contains("    protected override global::StaticKeras.StepOutput TestStep(", run.SingleSource);
    }
}
