using System.IO;
using System.Linq;
using System.Text;
using StaticKeras.Saving;
using Xunit;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>Damaged or foreign files fail on open with a message that says what is wrong.</summary>
public class SafeTensorsCorruptionTests
{
    private const string OneTensor = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    private static string OpenError(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(new MemoryStream(bytes), "bad.safetensors"));
        return error.Message;
    }

    private static byte[] WithHeader(string header, params byte[][] data) =>
        LittleEndian.File(header, (8 - Encoding.UTF8.GetByteCount(header) % 8) % 8, data);

    [Fact]
    public void ShorterThanTheLengthPrefix() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: it is 5 bytes long, shorter than the 8-byte header length.",
        OpenError([1, 2, 3, 4, 5]));

    [Fact]
    public void HeaderLengthBeyondTheLimit() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: the header length 100000001 exceeds the format's limit of 100000000 bytes.",
        OpenError(LittleEndian.U64(100_000_001).Concat(new byte[16]).ToArray()));

    [Fact]
    public void HeaderLengthPastTheEndOfTheFile()
    {
        var valid = WithHeader(OneTensor, LittleEndian.F32(1, 2));
        var cut = valid[..40];

        Assert.Equal(
            "'bad.safetensors' is not a valid safetensors file: the header length 56 runs past the end of the file (40 bytes); the file is truncated.",
            OpenError(cut));
    }

    [Fact]
    public void TruncatedData()
    {
        var valid = WithHeader(OneTensor, LittleEndian.F32(1, 2));

        Assert.Equal(
            "'bad.safetensors' is not a valid safetensors file: the header describes 8 bytes of tensor data but the file holds 5; the file is truncated.",
            OpenError(valid[..^3]));
    }

    [Fact]
    public void TrailingBytesAfterTheData() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: the header describes 8 bytes of tensor data but the file holds 9; 1 bytes are unaccounted for.",
        OpenError(WithHeader(OneTensor, LittleEndian.F32(1, 2), [0])));

    [Fact]
    public void HeaderThatIsNotJson()
    {
        var message = OpenError(WithHeader("{\"w\": nope}"));

        Assert.StartsWith("'bad.safetensors' is not a valid safetensors file: the header is not valid JSON (", message);
    }

    [Fact]
    public void HeaderThatIsNotAnObject() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: the header does not start with '{'.",
        OpenError(WithHeader("[1, 2]")));

    [Fact]
    public void UnknownDType() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' has unknown dtype 'F31'.",
        OpenError(WithHeader(OneTensor.Replace("F32", "F31"), LittleEndian.F32(1, 2))));

    [Fact]
    public void OffsetsThatDisagreeWithTheShape() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' spans 8 bytes, but F32 (3,) needs 12.",
        OpenError(WithHeader(OneTensor.Replace("[2]", "[3]"), LittleEndian.F32(1, 2))));

    [Fact]
    public void GapBetweenTensors() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' has data_offsets [4, 12], expected it to begin at 0 (tensors must tile the data section without gaps or overlaps).",
        OpenError(WithHeader(OneTensor.Replace("[0,8]", "[4,12]"), new byte[12])));

    [Fact]
    public void MissingField() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' needs \"dtype\" (string), \"shape\" (array) and \"data_offsets\" (array).",
        OpenError(WithHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}")));

    [Fact]
    public void NegativeDimension() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' has shape entry -2, expected a non-negative integer.",
        OpenError(WithHeader(OneTensor.Replace("[2]", "[-2]"), LittleEndian.F32(1, 2))));

    [Fact]
    public void DuplicateTensorName() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: tensor 'w' appears twice in the header.",
        OpenError(WithHeader(OneTensor[..^1] + ",\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", new byte[16])));

    [Fact]
    public void NonStringMetadata() => Assert.Equal(
        "'bad.safetensors' is not a valid safetensors file: __metadata__ entry 'epoch' is a number, expected a string.",
        OpenError(WithHeader("{\"__metadata__\":{\"epoch\":3}}")));

    [Fact]
    public void LoadWeightsOnACorruptFileLeavesTheModelAlone()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.safetensors");
        using var model = new TinyModel();
        model.SaveWeights(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);
        model.Fill(9);

        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));

        Assert.Equal(
            $"'{path}' is not a valid safetensors file: the header describes 44 bytes of tensor data but the file holds 40; the file is truncated.",
            error.Message);
        Assert.Equal(new[] { 9f, 10, 11, 12, 13, 14 }, model.Hidden.Kernel.data<float>().ToArray());
    }
}
