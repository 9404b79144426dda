using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using System.Linq;
using System.Threading;
using Microsoft.Win32.SafeHandles;

namespace StaticKeras.Data;

/// <summary>
/// A plain IDX file of unsigned bytes mapped into memory read-only, its header checked and its
/// length matched against the dimensions, so any element can be read by index without a system call:
/// the operating system pages in what is read and may drop it again, nothing is loaded up front.
/// </summary>
/// <remarks>
/// Reads go through <see cref="Lease"/>, which holds the mapping's handle for the duration of one
/// read, so <see cref="Dispose"/> on another thread cannot unmap memory under a read: the mapping
/// goes when the last read ends, and reads after <see cref="Dispose"/> throw <see cref="ObjectDisposedException"/>.
/// </remarks>
internal sealed unsafe class MappedIdxFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _data;
    private int _disposed;

    private MappedIdxFile(string path, long[] dimensions, long elementSize, MemoryMappedFile file, MemoryMappedViewAccessor view, byte* data)
    {
        (Path, Dimensions, ElementSize, _file, _view) = (path, dimensions, elementSize, file, view);
        _data = data;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The dimension sizes from the header; the first is the number of elements.</summary>
    public long[] Dimensions { get; }

    /// <summary>The bytes of one element (the product of every dimension but the first).</summary>
    public long ElementSize { get; }

    /// <summary>The number of elements.</summary>
    public long Count => Dimensions[0];

    /// <summary>Maps <paramref name="path"/>, a plain IDX file of unsigned bytes with <paramref name="rank"/> dimensions.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rank">The dimensions expected.</param>
    /// <param name="what">What the file should hold, for errors (e.g. "images (count, rows, columns)").</param>
    /// <exception cref="InvalidDataException">The file is gzip, not IDX, of another type or rank, or its length does not match its header.</exception>
    public static MappedIdxFile Open(string path, int rank, string what)
    {
        long[] dimensions;
        long headerLength, fileLength;
        using (var content = File.OpenRead(path))
        {
            fileLength = content.Length;
            Span<byte> magic = stackalloc byte[2];
            if (content.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                throw new InvalidDataException($"{path} is gzip-compressed: reading by index needs the plain IDX file.");
            }

            content.Position = 0;
            var (type, found) = IdxReader.ReadHeader(content, path);
            if (type != IdxDataType.UnsignedByte || found.Length != rank)
            {
                throw new InvalidDataException(
                    $"{path}: expected IDX {what} of unsigned bytes; found {type} with dimensions ({string.Join(", ", found)}).");
            }

            (dimensions, headerLength) = (found, content.Position);
        }

        // In double: three int32 dimensions can overflow a long, and a length that matches a real file is exact in a double.
        var dataLength = dimensions.Aggregate(1.0, (product, d) => product * d);
        if (fileLength - headerLength != dataLength)
        {
            throw new InvalidDataException(
                $"{path}: dimensions ({string.Join(", ", dimensions)}) need {dataLength:0} bytes of data after the {headerLength}-byte header, found {fileLength - headerLength}.");
        }

        var elementSize = dimensions.Skip(1).Aggregate(1L, (product, d) => product * d);   // bounded by the file's length now

        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        return new MappedIdxFile(path, dimensions, elementSize, file, view, start + view.PointerOffset + headerLength);
    }

    /// <summary>Holds the mapping for one read; dispose the lease when the read is done.</summary>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public Lease Read()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new Lease(this, _view.SafeMemoryMappedViewHandle);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>The mapped data during one read: element <c>i</c> is <see cref="Element"/>(<c>i</c>).</summary>
    public readonly ref struct Lease
    {
        private readonly MappedIdxFile _owner;
        private readonly SafeMemoryMappedViewHandle _handle;

        internal Lease(MappedIdxFile owner, SafeMemoryMappedViewHandle handle)
        {
            var added = false;
            handle.DangerousAddRef(ref added);   // throws ObjectDisposedException once the mapping is gone
            (_owner, _handle) = (owner, handle);
        }

        /// <summary>Element <paramref name="index"/>'s bytes; the index must be in range (the caller checks it).</summary>
        public ReadOnlySpan<byte> Element(long index) =>
            new(_owner._data + index * _owner.ElementSize, (int)_owner.ElementSize);

        public void Dispose() => _handle.DangerousRelease();
    }
}
