using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

public sealed class SummaryTableTests
{
    // Seed example 1 as Keras 3 prints it (docs/design/generated-code.md): 784·128 + 128 = 100,480
    // and 128·10 + 10 = 1,290 parameters; 101,770 floats of 4 bytes = 397.54 KB.
    [Fact]
    public void SeedExampleMatchesKeras()
    {
        var model = ModelSpec.Sequential("MnistMlp").Flatten().Dense("hidden", 128, ActivationKind.Relu).Dense("output", 10, ActivationKind.Softmax).Infer();

        Assert.Equal(
            """
            Model: "MnistMlp"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ flatten (Flatten)               │ (None, 784)            │             0 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ hidden (Dense)                  │ (None, 128)            │       100,480 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ output (Dense)                  │ (None, 10)             │         1,290 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 101,770 (397.54 KB)
             Trainable params: 101,770 (397.54 KB)
             Non-trainable params: 0 (0.00 B)
            """.Replace("\r\n", "\n"),
            ModelSummary.Render(model));
    }

    [Fact]
    public void LongCellsWrapAtSpacesAndLongWordsAreCut()
    {
        var text = SummaryTable.Render(
            "M",
            [new SummaryRow("a_rather_long_layer_name_for_a_cell (ActivationLayer)", "(None, 12345, 67890, 13579, 24680)", 12_345_678_901)],
            trainable: 12_345_678_901,
            nonTrainable: 0);

        Assert.Equal(
            """
            Model: "M"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ a_rather_long_layer_name_for_a_ │ (None, 12345, 67890,   │ 12,345,678,90 │
            │ cell (ActivationLayer)          │ 13579, 24680)          │             1 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 12,345,678,901 (45.99 GB)
             Trainable params: 12,345,678,901 (45.99 GB)
             Non-trainable params: 0 (0.00 B)
            """.Replace("\r\n", "\n"),
            text);
    }

    [Fact]
    public void SymbolicDimensionsKeepTheirNames()
    {
        var model = ModelSpec.Sequential("Tagger").Input("time", 16).Dense("encode", 8).Infer();

        Assert.Contains("│ encode (Dense)                  │ (None, time, 8)        │           136 │", ModelSummary.Render(model));
    }
}
