using System;
using System.IO;
using System.Linq;
using StaticKeras.Data;
using TorchSharp;
using Xunit;

namespace StaticKeras.Tests.Data;

/// <summary>The real Fashion-MNIST subset the repository carries (data/fashion-mnist-subset), as the build copies it.</summary>
public class BundledSubsetTests
{
    [Fact]
    public void The_build_copies_it_next_to_the_program()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "datasets", "fashion-mnist-subset"), FashionMnist.BundledSubsetDirectory);
        Assert.True(File.Exists(Path.Combine(FashionMnist.BundledSubsetDirectory!, "README.md")));
    }

    [Fact]
    public void It_loads_as_6000_training_and_1000_test_images_of_28_by_28()
    {
        using var scope = torch.NewDisposeScope();
        var data = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);
        var ((xTrain, yTrain), (xTest, yTest)) = data;

        Assert.Equal(new DataSource(FashionMnist.BundledSubsetDirectory!, DataSourceOrigin.BundledSubset), data.Source);
        Assert.Equal([6000L, 28, 28], xTrain.shape);
        Assert.Equal([6000L], yTrain.shape);
        Assert.Equal([1000L, 28, 28], xTest.shape);
        Assert.Equal([1000L], yTest.shape);
        Assert.Equal(torch.ScalarType.Byte, xTrain.dtype);
        Assert.Equal(torch.ScalarType.Int64, yTrain.dtype);
    }

    [Fact]
    public void Its_labels_cover_all_ten_classes_with_the_counts_of_the_real_data()
    {
        using var scope = torch.NewDisposeScope();
        // Reference: Python's gzip over the same files (README.md lists the counts).
        var ((_, yTrain), (_, yTest)) = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);

        Assert.Equal([560L, 643, 608, 612, 584, 594, 590, 617, 590, 602], yTrain.bincount(null).data<long>().ToArray());
        Assert.Equal([107L, 105, 111, 93, 115, 87, 97, 95, 95, 95], yTest.bincount(null).data<long>().ToArray());
        Assert.Equal([9L, 0, 0, 3, 0, 2, 7, 2, 5, 5], yTrain[..10].data<long>().ToArray());
        Assert.Equal([9L, 2, 1, 1, 6, 1, 4, 6, 5, 7], yTest[..10].data<long>().ToArray());
        Assert.Equal(10, FashionMnist.ClassNames.Count);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[9]);
    }

    [Fact]
    public void Its_pixels_are_the_real_images()
    {
        using var scope = torch.NewDisposeScope();
        // Reference sums: Python's gzip over the same files.
        ((torch.Tensor X, torch.Tensor Y) Train, (torch.Tensor X, torch.Tensor Y) Test) data = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);

        Assert.Equal(76247L, data.Train.X[0].sum().item<long>());
        Assert.Equal(33456L, data.Test.X[0].sum().item<long>());
        Assert.Equal(342670278L, data.Train.X.sum().item<long>());
        Assert.Equal(58034149L, data.Test.X.sum().item<long>());
    }

    [FullDatasetFact]
    public void Its_images_and_labels_are_the_first_of_the_full_data_set()
    {
        using var scope = torch.NewDisposeScope();
        var subset = FashionMnist.LoadData(FashionMnist.BundledSubsetDirectory);
        var full = FashionMnist.LoadData(FullDatasetFactAttribute.Directory);

        Assert.Equal([60000L, 28, 28], full.Train.X.shape);
        Assert.Equal([10000L, 28, 28], full.Test.X.shape);
        AssertEqual(full.Train.X[..6000], subset.Train.X);
        AssertEqual(full.Train.Y[..6000], subset.Train.Y);
        AssertEqual(full.Test.X[..1000], subset.Test.X);
        AssertEqual(full.Test.Y[..1000], subset.Test.Y);
    }

    private static void AssertEqual(torch.Tensor expected, torch.Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.eq(actual).all().item<bool>());
    }
}
