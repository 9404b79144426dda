using System;
using StaticKeras.Data;
using static TorchSharp.torch;

namespace StaticKeras.Benchmarks;

/// <summary>
/// The inference benchmarks' inputs and the two peers for one sample model: the StaticKeras model
/// (weights from <c>manual_seed(1)</c>) with its test images in its own layout, and the hand-written
/// TorchSharp model holding the same weights with the images in TorchSharp's layout.
/// </summary>
internal sealed class InferenceData
{
    private InferenceData(Model model, Tensor x, HandWrittenInference handWritten, Tensor handWrittenX)
    {
        (Model, X, HandWritten, HandWrittenX) = (model, x, handWritten, handWrittenX);
    }

    /// <summary>The test labels (int64), for both peers.</summary>
    public Tensor Y { get; private set; } = null!;

    /// <summary>The StaticKeras model.</summary>
    public Model Model { get; }

    /// <summary>Its inputs: Fashion-MNIST's test images scaled to [0, 1], in the model's declared shape.</summary>
    public Tensor X { get; }

    /// <summary>The hand-written peer with the same weights.</summary>
    public HandWrittenInference HandWritten { get; }

    /// <summary>The same images in the peer's layout.</summary>
    public Tensor HandWrittenX { get; }

    /// <summary>Loads the test set and builds both peers for <paramref name="model"/> (<c>mlp</c> or <c>cnn</c>).</summary>
    /// <exception cref="InvalidOperationException">The peers disagree on the first images' probabilities.</exception>
    public static InferenceData Create(string model)
    {
        // One libtorch thread per call, as a server running one request per thread uses; on a
        // shared 2-core machine two spinning OpenMP threads per call mostly measure the neighbours.
        set_num_threads(1);
        var splits = FashionMnist.LoadData();
        var images = splits.Test.X.to_type(ScalarType.Float32).div_(255f);
        Console.WriteLine($"// inference data: {splits.Source}, {images.shape[0]} test images");
        random.manual_seed(1);
        var data = model switch
        {
            "mlp" => Mlp(images),
            "cnn" => Cnn(images),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "mlp or cnn"),
        };
        data.Y = splits.Test.Y;
        data.CheckSameAnswers();
        return data;
    }

    private static InferenceData Mlp(Tensor images)
    {
        var model = new BenchmarkMlp();
        return new InferenceData(model, images, HandWrittenInference.Mlp(model), images);
    }

    private static InferenceData Cnn(Tensor images)
    {
        var model = new BenchmarkCnn();
        return new InferenceData(model, images.unsqueeze(-1).contiguous(), HandWrittenInference.Cnn(model), images.unsqueeze(1).contiguous());
    }

    // Both peers must compute the same function, or the comparison means nothing.
    private void CheckSameAnswers()
    {
        using var scope = NewDisposeScope();
        var ours = Model.Predict(X.narrow(0, 0, 256), batchSize: 64);
        var theirs = HandWritten.Predict(HandWrittenX.narrow(0, 0, 256), 64);
        var difference = (ours - theirs).abs().max().item<float>();
        if (difference > 1e-5f)
        {
            throw new InvalidOperationException($"the hand-written peer differs from {Model.GetName()} by {difference}");
        }

        var (x, hx, y) = (X.narrow(0, 0, 256), HandWrittenX.narrow(0, 0, 256), Y.narrow(0, 0, 256));
        var evaluation = Model.Evaluate(x, y, batchSize: 64, verbose: 0);
        var (loss, accuracy) = HandWritten.Evaluate(hx, y, 64);
        if (Math.Abs(evaluation.Loss - loss) > 1e-5 || evaluation["accuracy"] != accuracy)
        {
            throw new InvalidOperationException(
                $"the hand-written evaluation differs from {Model.GetName()}'s: loss {loss} vs {evaluation.Loss}, accuracy {accuracy} vs {evaluation["accuracy"]}");
        }
    }
}
