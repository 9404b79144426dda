using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Emit;
using StaticKeras.Generator.Emit.Backward;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>
/// The static memory plan's liveness pass on hand-written step lines: which planned tensors share a
/// buffer, and what keeps a buffer alive (reads, aliases, the line that reads it).
/// </summary>
public sealed class MemoryPlanTests
{
    private static string Into(string name, string like, params long[] dims) => MemoryPlan.Into(name, like, dims);

    [Fact]
    public void ATensorWithoutPlannedBuffersLeavesTheLinesAlone()
    {
        var lines = new List<CodeLine> { new("var x1 = flatten.Call(x[0]);", "(batch, 784)"), new("return x1;") };

        var result = MemoryPlan.Apply(lines);

        Assert.Empty(result.Buffers);
        Assert.Equal(lines, result.Lines);
    }

    [Fact]
    public void MarkersBecomeBufferGetsAndTheCommentNamesTheBuffer()
    {
        var result = MemoryPlan.Apply(
        [
            new($"var x2 = hidden.Call(x1, into: {Into("x2", "x1", 128)});", "(batch, 128)"),
            new("return x2;"),
        ]);

        Assert.Equal("var x2 = hidden.Call(x1, into: _trainBuffers.Get(0, x1));", result.Lines[0].Code);
        Assert.Equal("(batch, 128); buffer 0", result.Lines[0].Comment);
        var buffer = Assert.Single(result.Buffers);
        Assert.Equal([128L], buffer.Dims);
        Assert.Equal(["x2"], buffer.Tensors);
    }

    [Fact]
    public void ADeadTensorsBufferIsReusedByALaterTensorOfTheSameShape()
    {
        // dx3 is last read by the line writing dx2, so dx1 (written after) can take its buffer; dx2 cannot.
        var result = MemoryPlan.Apply(
        [
            new($"var dx3 = a.Backward(g, x3, y, into: {Into("dx3", "g", 64)});"),
            new($"var dx2 = b.Backward(dx3, x2, x3, into: {Into("dx2", "dx3", 64)});"),
            new($"var dx1 = c.Backward(dx2, x1, x2, into: {Into("dx1", "dx2", 64)});"),
            new("d.BackwardWeights(dx1, x0, x1);"),
        ]);

        Assert.Equal([["dx3", "dx1"], ["dx2"]], result.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
        Assert.Contains("_trainBuffers.Get(0, dx2)", result.Lines[2].Code);
    }

    [Fact]
    public void BuffersOfOtherShapesAreNotShared()
    {
        var result = MemoryPlan.Apply(
        [
            new($"var a1 = f.Call(x, into: {Into("a1", "x", 64)});"),
            new("var s = a1.sum();"),
            new($"var a2 = g.Call(s, into: {Into("a2", "s", 32)});"),
            new("return a2;"),
        ]);

        Assert.Equal(2, result.Buffers.Count);
    }

    [Fact]
    public void AViewOfABufferKeepsItAliveUntilTheViewsLastRead()
    {
        // x3 = flatten(x2) may share x2's memory: x2's buffer is busy until x3 is last read (line 3), so
        // x4 (line 2) gets another buffer and x6 (line 4) takes x2's.
        var result = MemoryPlan.Apply(
        [
            new($"var x2 = hidden.Call(x1, into: {Into("x2", "x1", 16)});"),
            new("var x3 = flatten.Call(x2);"),
            new($"var x4 = other.Call(x1, into: {Into("x4", "x1", 16)});"),
            new("var x5 = x3.add(x4);"),
            new($"var x6 = last.Call(x1, into: {Into("x6", "x1", 16)});"),
        ]);

        Assert.Equal([["x2", "x6"], ["x4"]], result.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
    }

    [Fact]
    public void AnOutVariableAliasesWhatItsLineRead()
    {
        // x3_in (a recorded layer's detached input) may share x2's memory and is read on line 3:
        // x4 (line 2) needs a buffer of its own, x5 (line 4) can take x2's.
        var result = MemoryPlan.Apply(
        [
            new($"var x2 = d.Call(x1, into: {Into("x2", "x1", 8)});"),
            new("var x3 = Record(x2, tracked => conv.Call(tracked), out var x3_in);"),
            new($"var x4 = e.Call(x1, into: {Into("x4", "x1", 8)});"),
            new("var dx2 = RecordedBackward(z, g, x3_in);"),
            new($"var x5 = f.Call(x1, into: {Into("x5", "x1", 8)});"),
        ]);

        Assert.Equal([["x2", "x5"], ["x4"]], result.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void AReassignedSumKeepsThePlannedGradientAliveWhileItIsRead(bool readAfter, int buffers)
    {
        var lines = new List<CodeLine>
        {
            new($"var dx1 = e.Backward(g, x1, x2, into: {Into("dx1", "g", 8)});"),
            new("dx1 = dx1.add(h);"),
            new($"var dx0 = k.Backward(q, x0, x1, into: {Into("dx0", "q", 8)});"),
        };
        if (readAfter)
        {
            lines.Add(new("use(dx1);"));
        }

        Assert.Equal(buffers, MemoryPlan.Apply(lines).Buffers.Count);
    }

    [Fact]
    public void MemberAccessesAndLambdaParametersAreNotReads()
    {
        // `this.x2` is a layer member, not the local x2: x2's buffer is free after line 1.
        var result = MemoryPlan.Apply(
        [
            new($"var x2 = a.Call(x1, into: {Into("x2", "x1", 4)});"),
            new("var x3 = b.Call(x2);"),
            new($"var x4 = this.x2.Call(x3, into: {Into("x4", "x3", 4)});"),
            new("return x4;"),
        ]);

        // x3 may alias x2 (line 2 reads x2), and x3 is read on line 3, so x4 still gets its own buffer;
        Assert.Equal(2, result.Buffers.Count);
        var later = MemoryPlan.Apply(
        [
            new($"var x2 = a.Call(x1, into: {Into("x2", "x1", 4)});"),
            new("var s = x2.sum();"),
            new("var t = tracked => this.x2.Call(tracked);"),
            new($"var x4 = c.Call(x1, into: {Into("x4", "x1", 4)});"),
            new("return x4;"),
        ]);

        // but a line that only names the member `this.x2` does not read it: s (from line 2) is never read again.
        Assert.Equal([["x2", "x4"]], later.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
    }

    [Fact]
    public void AScratchMarkerLivesOnItsLineOnly()
    {
        // dx2_linear names no local its line defines: a scratch buffer the call uses inside. It cannot take
        // the buffer of dx2 (read on its line) nor of dx1 (written on it), and x5 (line 3) can reuse it.
        var result = MemoryPlan.Apply(
        [
            new($"var dx2 = a.Backward(g, x2, y, into: {Into("dx2", "g", 8)});"),
            new($"var dx1 = h.Backward(dx2, x1, x2, into: {Into("dx1", "dx2", 8)}, scratch: {Into("dx2_linear", "dx2", 8)});", "(batch, 8)"),
            new($"var x5 = f.Call(dx1, into: {Into("x5", "dx1", 8)});"),
            new("return x5;"),
        ]);

        Assert.Equal([["dx2", "x5"], ["dx1"], ["dx2_linear"]], result.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
        Assert.Equal("var dx1 = h.Backward(dx2, x1, x2, into: _trainBuffers.Get(1, dx2), scratch: _trainBuffers.Get(2, dx2));", result.Lines[1].Code);
        Assert.Equal("(batch, 8); buffers 1, 2", result.Lines[1].Comment);
    }

    [Fact]
    public void ARenamedMarkerPlansASecondLocalOfTheSameShape()
    {
        // Dropout's mask beside its output: both defined on the line, each with a buffer of its own.
        var into = Into("x3", "x2", 16);
        var result = MemoryPlan.Apply(
        [
            new($"var x3 = drop.Call(x2, training: true, out var x3_mask, into: {into}, maskInto: {MemoryPlan.Renamed(into, "x3_mask")});"),
            new("return x3_mask;"),
        ]);

        Assert.Equal([["x3"], ["x3_mask"]], result.Buffers.Select(b => b.Tensors.ToArray()).ToArray());
        Assert.Equal("var x3 = drop.Call(x2, training: true, out var x3_mask, into: _trainBuffers.Get(0, x2), maskInto: _trainBuffers.Get(1, x2));", result.Lines[0].Code);
    }

    [Fact]
    public void TheFieldListsEachBufferWithItsTensors()
    {
        var writer = new CodeWriter();
        MemoryPlan.WriteField(writer, [new MemoryPlan.Buffer([128], ["x2", "dx3"]), new MemoryPlan.Buffer([10], ["logits"])]);

        Assert.Equal(
            "// The static memory plan of TrainStep: 3 tensors written into 2 buffers (shared where lifetimes do not overlap),\n"
            + "// allocated once per batch size, the last smaller batch of an epoch included.\n"
            + "private readonly global::StaticKeras.Training.StepBuffers _trainBuffers = new(\n"
            + "    new long[] { 128 },  // buffer 0 (batch, 128): x2, then dx3\n"
            + "    new long[] { 10 });  // buffer 1 (batch, 10): logits\n",
            writer.ToString());
    }
}
