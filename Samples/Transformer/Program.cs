using System;
using Samples.Transformer;
using static TorchSharp.torch;

// Trains a small Transformer on synthetic padded token sequences: does a sequence hold more high
// tokens (9..16) than low ones (1..8)? Usage:
//   dotnet run --project Samples/Transformer -c Release -- [epochs (default 8)]
var epochs = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 8;
random.manual_seed(42);
var (xTrain, yTrain) = Sequences(4096, 1);
var (xTest, yTest) = Sequences(1024, 2);
using var model = new TransformerClassifier();
model.Summary();
model.Fit(xTrain, yTrain, epochs: epochs, batchSize: 32, validationSplit: 0.1, verbose: 2);
var (loss, accuracy) = model.Evaluate(xTest, yTest, verbose: 0);
Console.WriteLine(FormattableString.Invariant($"test: loss={loss:F4} accuracy={accuracy:F4}"));

// The padding mask at work: the same sequences with six more padding steps give the same answers.
var padded = cat([xTest[..8], zeros(8, 6)], 1);
var (plain, more) = (model.Predict(xTest[..8]), model.Predict(padded));
Console.WriteLine(FormattableString.Invariant($"largest change from 6 extra padding steps: {(plain - more).abs().max().item<float>():G3}"));
return 0;

// Odd lengths 3..9 of tokens 1..16, padded with 0 to 10 steps; label 1 when most tokens are high.
static (Tensor X, Tensor Y) Sequences(int count, int seed)
{
    var random = new Random(seed);
    var x = new float[count * 10];
    var y = new float[count];
    for (var i = 0; i < count; i++)
    {
        var length = 3 + 2 * random.Next(4);
        var high = 0;
        for (var t = 0; t < length; t++)
        {
            var token = random.Next(1, 17);
            x[i * 10 + t] = token;
            high += token > 8 ? 1 : 0;
        }

        y[i] = 2 * high > length ? 1 : 0;
    }

    return (tensor(x).reshape(count, 10), tensor(y).reshape(count, 1));
}
