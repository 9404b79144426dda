using System;
using System.IO;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>Passes writes through until <c>failAfter</c> bytes have gone by, then fails like a crash mid-save.</summary>
internal sealed class FailingStream(Stream inner, long failAfter) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var allowed = (int)Math.Min(buffer.Length, failAfter - Written);
        inner.Write(buffer[..allowed]);
        Written += allowed;
        if (allowed < buffer.Length)
        {
            inner.Flush();
            throw new IOException("simulated crash during save");
        }
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
