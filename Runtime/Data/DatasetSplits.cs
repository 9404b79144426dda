using static TorchSharp.torch;

namespace StaticKeras.Data;

/// <summary>
/// A data set's training and test splits, as Keras' <c>load_data()</c> returns them, and where they came
/// from. Deconstructs like Keras' tuples: <c>var ((xTrain, yTrain), (xTest, yTest)) = FashionMnist.LoadData();</c>
/// The caller owns the four tensors.
/// </summary>
public sealed class DatasetSplits
{
    /// <summary>Creates the splits.</summary>
    public DatasetSplits((Tensor X, Tensor Y) train, (Tensor X, Tensor Y) test, DataSource source)
    {
        Train = train;
        Test = test;
        Source = source;
    }

    /// <summary>Training images (uint8, (count, rows, columns)) and labels (int64, (count,)).</summary>
    public (Tensor X, Tensor Y) Train { get; }

    /// <summary>Test images (uint8, (count, rows, columns)) and labels (int64, (count,)).</summary>
    public (Tensor X, Tensor Y) Test { get; }

    /// <summary>The directory the files were read from, and how it was found.</summary>
    public DataSource Source { get; }

    /// <summary>Splits into <c>(train, test)</c>, as Keras' <c>(x_train, y_train), (x_test, y_test)</c>.</summary>
    public void Deconstruct(out (Tensor X, Tensor Y) train, out (Tensor X, Tensor Y) test)
    {
        train = Train;
        test = Test;
    }

    /// <summary>The splits as the tuple Keras returns.</summary>
    public static implicit operator ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test)(DatasetSplits splits) => (splits.Train, splits.Test);
}
