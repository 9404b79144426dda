using System.IO;
using System.Linq;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>Reading files as other writers lay them out, and every element type the runtime maps.</summary>
public class SafeTensorsReaderTests
{
    [Fact]
    public void ReadsAFileLaidOutByThePythonWriterIntoAModel()
    {
        // Built byte by byte as safetensors.torch.save_file(model.state_dict(), ...) would write it,
        // with __metadata__ {"format": "pt"} as Hugging Face tools add.
        const string header =
            "{\"__metadata__\":{\"format\":\"pt\"}," +
            "\"steps\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}," +
            "\"hidden.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,20]}," +
            "\"hidden.kernel\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[20,44]}}";
        var bytes = LittleEndian.File(header, (8 - header.Length % 8) % 8,
            LittleEndian.I64(42), LittleEndian.F32(0.25f, -0.5f, 1), LittleEndian.F32(1, 2, 3, 4, 5, 6));
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("python.safetensors"), bytes);
        using var model = new TinyModel();

        model.LoadWeights(dir.File("python.safetensors"));

        Assert.Equal(new[] { 1f, 2, 3, 4, 5, 6 }, model.Hidden.Kernel.data<float>().ToArray());
        Assert.Equal(new[] { 2L, 3 }, model.Hidden.Kernel.shape);
        Assert.Equal(new[] { 0.25f, -0.5f, 1 }, model.Hidden.Bias.data<float>().ToArray());
        Assert.Equal(42L, model.Steps.item<long>());
    }

    [Fact]
    public void HeaderEntriesMayComeInAnyOrder()
    {
        // Older writers sorted by name only; the reader orders by data offset.
        const string header =
            "{\"second\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}," +
            "\"__metadata__\":{\"k\":\"v\"}," +
            "\"first\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        var bytes = LittleEndian.File(header, (8 - header.Length % 8) % 8, LittleEndian.F32(1.5f, 2.5f));

        using var file = SafeTensorsFile.Open(new MemoryStream(bytes), "unordered");

        Assert.Equal(new[] { "first", "second" }, file.Tensors.Select(t => t.Name));
        Assert.Equal("v", file.Metadata["k"]);
        using var second = file.ReadTensor("second");
        Assert.Equal(2.5f, second.item<float>());
    }

    [Fact]
    public void EveryMappedDTypeRoundTrips()
    {
        using var f32 = tensor(new[] { 1.5f, -2f, float.NaN });
        using var f64 = tensor(new[] { 1e-300, -0.1 });
        using var i64 = tensor(new[] { long.MinValue, long.MaxValue });
        using var i32 = tensor(new[] { int.MinValue, 7 }).reshape(2, 1);
        using var u8 = tensor(new byte[] { 0, 255 });
        using var b = tensor(new[] { true, false, true });
        using var f16 = tensor(new[] { 0.5f, 65504f }).to(float16);
        using var bf16 = tensor(new[] { 3f, -1f }).to(bfloat16);
        using var i8 = tensor(new sbyte[] { -128, 127 });
        using var i16 = tensor(new short[] { -32768, 1 });
        using var scalar = tensor(3.25);
        using var stream = new MemoryStream();
        (string Name, Tensor Tensor, string Code)[] cases =
        [
            ("f32", f32, "F32"), ("f64", f64, "F64"), ("i64", i64, "I64"), ("i32", i32, "I32"),
            ("u8", u8, "U8"), ("bool", b, "BOOL"), ("f16", f16, "F16"), ("bf16", bf16, "BF16"),
            ("i8", i8, "I8"), ("i16", i16, "I16"), ("scalar", scalar, "F64"),
        ];

        SafeTensors.Write(stream, cases.Select(c => new System.Collections.Generic.KeyValuePair<string, Tensor>(c.Name, c.Tensor)));
        stream.Position = 0;
        using var file = SafeTensorsFile.Open(stream, "all-dtypes");

        foreach (var (name, original, code) in cases)
        {
            Assert.Equal(code, file.Find(name)!.DType);
            using var read = file.ReadTensor(name);
            Assert.Equal(original.dtype, read.dtype);
            Assert.Equal(original.shape, read.shape);
            Assert.True(read.equal(original).all().item<bool>() || name == "f32", name);
        }

        using var f32Read = file.ReadTensor("f32");
        Assert.Equal(new[] { 1.5f, -2f }, f32Read.data<float>().ToArray()[..2]);
        Assert.True(float.IsNaN(f32Read.data<float>()[2]));
    }

    [Fact]
    public void UnmappedDTypeIsReportedWhenRead()
    {
        const string header = "{\"u\":{\"dtype\":\"U16\",\"shape\":[2],\"data_offsets\":[0,4]}}";
        using var file = SafeTensorsFile.Open(new MemoryStream(LittleEndian.File(header, (8 - header.Length % 8) % 8, [1, 0, 2, 0])), "u16");

        Assert.Equal("U16", file.Tensors.Single().DType);
        var error = Assert.Throws<System.NotSupportedException>(() => file.ReadTensor("u"));
        Assert.Equal("Tensor 'u' in 'u16' has dtype U16, which TorchSharp cannot hold.", error.Message);
    }

    [Fact]
    public void UnknownTensorNameListsWhatTheFileHas()
    {
        using var stream = new MemoryStream();
        SafeTensors.Write(stream, [new("a", zeros(1)), new("b", zeros(1))]);
        stream.Position = 0;
        using var file = SafeTensorsFile.Open(stream, "two");

        var error = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => file.ReadTensor("c"));
        Assert.Equal("'two' has no tensor 'c' (it has 2: a, b).", error.Message);
    }
}
