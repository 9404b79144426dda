using System;
using System.Linq;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;

namespace StaticKeras.Runtime.Tests;

public class ModelCompileTests
{
    [Fact]
    public void TheOptimizerComesFromCompileWithKerasDefaults()
    {
        var model = new BlobMlp();
        var optimizer = Assert.IsType<Adam>(model.CompiledOptimizer);
        Assert.Equal(1e-3, optimizer.LearningRate);
        Assert.Equal(model.parameters().ToArray(), optimizer.Parameters);
        Assert.Same(optimizer, model.CompiledOptimizer);
    }

    [Fact]
    public void ANonZeroLearningRateInCompileIsUsed()
    {
        var model = new TestMlp(TestMlp.Compiled(optimizer: Optimizer.RmsProp, learningRate: 0.05));
        var optimizer = Assert.IsType<RmsProp>(model.CompiledOptimizer);
        Assert.Equal(0.05, optimizer.LearningRate);
    }

    [Fact]
    public void CompileWithAnOptimizerBuildsItForTheModelAndFitUsesIt()
    {
        var model = new TestMlp(TestMlp.Compiled());
        var sgd = new Sgd(learningRate: 0.1, momentum: 0.9);
        model.Compile(sgd);
        Assert.Same(sgd, model.CompiledOptimizer);
        Assert.Equal(4, sgd.Parameters.Count);

        var (x, y) = Blobs.Numbered(10);
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: 0);
        Assert.Equal(6, sgd.Iterations);
    }

    [Fact]
    public void CompileWithoutArgumentsStartsAFreshOptimizerFromTheAttribute()
    {
        var model = new BlobMlp();
        var (x, y) = Blobs.Make(20, seed: 40);
        model.Fit(x, y, verbose: 0);
        var used = model.CompiledOptimizer;
        Assert.Equal(1, used.Iterations);
        model.Compile();
        Assert.NotSame(used, model.CompiledOptimizer);
        Assert.Equal(0, model.CompiledOptimizer.Iterations);
    }

    [Fact]
    public void AnOptimizerBuiltForAnotherModelIsRejected()
    {
        var other = new Adam();
        other.Build(new BlobMlp().parameters());
        var e = Assert.Throws<ArgumentException>(() => new BlobMlp().Compile(other));
        Assert.StartsWith("The Adam was built for 4 parameter(s) that are not BlobMlp's; pass an unbuilt optimizer and Compile builds it for this model.", e.Message);
    }

    [Fact]
    public void WithoutCompileTheOptimizerMustBeGiven()
    {
        var model = new TestMlp(compile: null);
        var e = Assert.Throws<InvalidOperationException>(() => model.CompiledOptimizer);
        Assert.Equal("TestMlp has no optimizer: it has no [Compile] attribute. Add one, e.g. " +
            "[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)], or call Compile(optimizer).", e.Message);
        model.Compile(new Sgd());
        Assert.IsType<Sgd>(model.CompiledOptimizer);
    }
}
