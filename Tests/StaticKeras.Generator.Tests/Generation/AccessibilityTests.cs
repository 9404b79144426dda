using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>
/// Overrides of Model's <c>protected internal</c> members must be <c>protected</c> in other
/// assemblies, but <c>protected internal</c> in an assembly that sees the runtime's internals
/// (StaticKeras.Runtime grants InternalsVisibleTo to StaticKeras.Runtime.Tests).
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
    public void FriendAssemblyOverridesWithProtectedInternal()
    {
        var run = GeneratorRunner.Run("StaticKeras.Runtime.Tests", References.All, ModelSource.MnistMlp().Build().Text).AssertClean();

        Assert.Contains("    protected internal override global::StaticKeras.ModelInfo Info => s_info;", run.SingleSource);
        Assert.Contains("    protected internal override global::StaticKeras.StepOutput TrainStep(", run.SingleSource);
        Assert.Contains("    protected internal override global::StaticKeras.StepOutput TestStep(", run.SingleSource);
    }
}
