namespace StaticKeras.Generator.Tests.Fuzz;

/// <summary>Valid declarations the fuzz test mutates: each seed example and a few more shapes of model.</summary>
internal static class FuzzSeeds
{
    public const string Usings = "using StaticKeras;\nusing StaticKeras.Layers;\nusing Parameter = TorchSharp.Modules.Parameter;\nusing static TorchSharp.torch;\n\n";

    public static readonly string[] All =
    [
        // Seed Example 1.
        Usings + """
        namespace Fuzz;

        [Sequential, Input(28, 28)]
        [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        public partial class MnistMlp
        {
            readonly Flatten flatten = new();
            readonly Dense hidden = new(128, Activation.Relu);
            readonly Dropout drop = new(0.2);
            readonly Dense output = new(10, Activation.Softmax);
        }
        """,
        // A Sequential CNN.
        Usings + """
        namespace Fuzz;

        [Sequential, Input(28, 28, 1)]
        [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        public partial class SequentialCnn
        {
            readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
            readonly MaxPooling2D pool1 = new((2, 2));
            readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu, padding: Padding.Same);
            readonly Flatten flatten = new();
            readonly Dense output = new(10, Activation.Softmax);
        }
        """,
        // Seed Example 2: a functional CNN.
        Usings + """
        namespace Fuzz;

        [Model]
        [Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        public partial class SmallCnn
        {
            readonly Conv2D conv1 = new(32, (3, 3), Activation.Relu);
            readonly MaxPooling2D pool1 = new((2, 2));
            readonly Conv2D conv2 = new(64, (3, 3), Activation.Relu);
            readonly Flatten flatten = new();
            readonly Dense hidden = new(128, Activation.Relu);
            readonly Dense classifier = new(10, Activation.Softmax);

            [Graph]
            Tensor Call([Input(28, 28, 1)] Tensor image)
            {
                var x = pool1.Call(conv1.Call(image));
                x = conv2.Call(x);
                var h = hidden.Call(flatten.Call(x));
                return classifier.Call(h);
            }
        }
        """,
        // Two inputs, a merge, two named outputs.
        Usings + """
        namespace Fuzz;

        [Model]
        [Compile(Optimizer.Adam)]
        [Output("cls", Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        [Output("value", Loss.MeanSquaredError, LossWeight = 2.0)]
        public partial class TwoHeads
        {
            readonly Dense a = new(16, Activation.Relu);
            readonly Dense b = new(16, Activation.Relu);
            readonly Concatenate join = new();
            readonly Dense cls = new(3, Activation.Softmax);
            readonly Dense value = new(1);

            [Graph]
            (Tensor cls, Tensor value) Call([Input(8)] Tensor left, [Input(4)] Tensor right)
            {
                var h = join.Call(a.Call(left), b.Call(right));
                return (cls.Call(h), value.Call(h));
            }
        }
        """,
        // Seed Example 3: a custom layer and a model that uses it, with a symbolic dimension.
        Usings + """
        namespace Fuzz;

        [Layer(Input = "..., d", Output = "..., units")]
        public partial class MyCustomLayer(int units)
        {
            [Weight("d, units", Initializer.RandomNormal)] partial Parameter W { get; }
            [Weight("units", Initializer.Zeros)] partial Parameter B { get; }

            public Tensor Call(Tensor inputs) => inputs.matmul(W) + B;
        }

        [Sequential, Input("time", 16)]
        [Compile(Optimizer.Adam, Loss.MeanSquaredError)]
        public partial class CustomModel
        {
            readonly MyCustomLayer custom = new(8);
            readonly Dense output = new(1);
        }
        """,
    ];
}
