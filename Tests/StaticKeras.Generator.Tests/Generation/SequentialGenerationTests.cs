using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>The whole generator on complete models: snapshots of every generated file, which must compile cleanly.</summary>
public sealed class SequentialGenerationTests
{
    [Fact]
    public void MnistMlp()
    {
        var run = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text).AssertClean();

        Assert.Equal("Samples.MnistMlp.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }
}
