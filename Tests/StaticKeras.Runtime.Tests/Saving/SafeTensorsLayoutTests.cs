using System.Collections.Generic;
using System.IO;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>The writer's bytes, checked against layouts worked out by hand from the format's rules.</summary>
public class SafeTensorsLayoutTests
{
    private static byte[] WriteToBytes(IEnumerable<KeyValuePair<string, Tensor>> tensors, Dictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        SafeTensors.Write(stream, tensors, metadata);
        return stream.ToArray();
    }

    [Fact]
    public void OneTensorIsLengthThenCompactHeaderThenData()
    {
        // {"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}} is 64 bytes: no padding.
        var expected = LittleEndian.File(
            "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}", 0,
            LittleEndian.F32(0, 1, 2, 3, 4, 5));

        var actual = WriteToBytes([new("attn.0", arange(6, dtype: float32).reshape(1, 2, 3))]);

        Assert.Equal(64, expected[0]);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EmptyFileIsBracesPaddedToEightBytes()
    {
        byte[] expected = [8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}', 32, 32, 32, 32, 32, 32];

        Assert.Equal(expected, WriteToBytes([]));
    }

    [Fact]
    public void MetadataComesFirstAndTensorsSortByAlignmentThenName()
    {
        // Largest alignment first (I64, then F32, then U8), so each tensor's data is aligned.
        // The header is 196 bytes; 4 spaces pad it to 200.
        const string header =
            "{\"__metadata__\":{\"framework\":\"pt\"}," +
            "\"c\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}," +
            "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}," +
            "\"a\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[16,19]}}";
        var expected = LittleEndian.File(header, 4, LittleEndian.I64(-2), LittleEndian.F32(0.5f, -1.5f), [7, 8, 9]);

        var actual = WriteToBytes(
            [
                new("a", tensor(new byte[] { 7, 8, 9 })),
                new("b", tensor(new[] { 0.5f, -1.5f })),
                new("c", tensor(new[] { -2L })),
            ],
            new Dictionary<string, string> { ["framework"] = "pt" });

        Assert.Equal(196, header.Length);
        Assert.Equal(200, (int)actual[0]);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void MetadataKeysAreSortedAndEscapedAsJson()
    {
        // Quote, backslash, newline and a control character escape; non-ASCII stays verbatim (UTF-8).
        const string header = "{\"__metadata__\":{\"a\":\"say \\\"hi\\\"\\\\\\n\\u0001\",\"b\":\"é\"}}";
        var expected = LittleEndian.File(header, (8 - System.Text.Encoding.UTF8.GetByteCount(header) % 8) % 8);

        var actual = WriteToBytes([], new Dictionary<string, string> { ["b"] = "é", ["a"] = "say \"hi\"\\\n\u0001" });

        Assert.Equal(expected, actual);
        using var file = SafeTensorsFile.Open(new MemoryStream(actual), "escaped");
        Assert.Equal("say \"hi\"\\\n\u0001", file.Metadata["a"]);
        Assert.Equal("é", file.Metadata["b"]);
    }

    [Fact]
    public void TinyModelStateDictMatchesTheReferenceWritersLayout()
    {
        // What safetensors.torch.save_file writes for these three tensors: steps (I64, scalar)
        // first, then the F32 tensors by name. The header is 190 bytes, padded with 2 spaces.
        const string header =
            "{\"steps\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}," +
            "\"hidden.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,20]}," +
            "\"hidden.kernel\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[20,44]}}";
        var expected = LittleEndian.File(header, 2,
            LittleEndian.I64(4), LittleEndian.F32(-4, -5, -6), LittleEndian.F32(4, 5, 6, 7, 8, 9));
        using var model = new TinyModel();
        model.Fill(4);

        Assert.Equal(expected, WriteToBytes(model.state_dict()));
    }

    [Fact]
    public void DuplicateNamesAreRejected()
    {
        var error = Assert.Throws<System.ArgumentException>(() =>
            WriteToBytes([new("w", zeros(1)), new("w", zeros(2))]));

        Assert.StartsWith("Tensor name 'w' appears twice; safetensors names must be unique.", error.Message);
    }

    [Fact]
    public void ComplexTensorsAreRejectedNamingTheTensor()
    {
        var error = Assert.Throws<System.NotSupportedException>(() =>
            WriteToBytes([new("z", zeros(2, dtype: complex64))]));

        Assert.Equal(
            "Tensor 'z' has dtype ComplexFloat32, which the safetensors format cannot store " +
            "(supported: Bool, Byte, Int8, Int16, Float16, BFloat16, Int32, Float32, Float64, Int64).",
            error.Message);
    }
}
