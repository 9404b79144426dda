using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StaticKeras.Data;

/// <summary>
/// One pass of a source read ahead on dedicated threads: each worker takes the source's next
/// element (one at a time, so the source is read in order by one thread at a time), applies the
/// selector, and puts the result in the slot of its position; the reader takes the slots in order.
/// At most <c>capacity</c> positions are between the reader and the newest element taken, so
/// memory stays bounded and the order never depends on thread timing.
/// </summary>
/// <remarks>
/// Every wait is <see cref="Monitor.Wait(object)"/> on one lock, which blocks the thread in the
/// kernel instead of spinning: on a machine whose cores LibTorch keeps busy, a spinning data thread
/// slows the training step it is meant to feed. An exception from the source or the selector is
/// kept at its position and rethrown to the reader (with its stack trace) when the reader gets
/// there; nothing after it is read. <see cref="Dispose"/> stops the workers, joins them, disposes
/// what was read or made but never handed out (tensors, alone or in tuples and arrays: a pipeline
/// makes new ones every pass), then disposes the source's enumerator.
/// </remarks>
internal sealed class ReadAhead<T, TResult> : IDisposable
{
    private const long Unknown = long.MaxValue;
    private readonly object _gate = new();
    private readonly IEnumerator<T> _source;
    private readonly Func<T, TResult> _selector;
    private readonly Slot[] _slots;
    private readonly Thread[] _threads;
    private readonly bool _selectorKeepsElements;
    private long _taken;         // positions taken from the source
    private long _next;          // the position the reader takes next
    private long _end = Unknown; // one past the last position to hand out, once known
    private bool _reading;       // a worker is in the source's MoveNext
    private bool _stopping;
    private bool _disposed;

    /// <summary>Starts <paramref name="workers"/> threads reading <paramref name="source"/> ahead.</summary>
    /// <param name="source">One pass of the elements.</param>
    /// <param name="selector">What each worker makes of an element.</param>
    /// <param name="workers">The threads.</param>
    /// <param name="capacity">The most positions read ahead of the reader.</param>
    /// <param name="selectorKeepsElements">The selector returns its element (a prefetch), so an element read but never
    /// handed out is disposed like a result; a map's inputs are not its to dispose.</param>
    public ReadAhead(IEnumerable<T> source, Func<T, TResult> selector, int workers, int capacity, bool selectorKeepsElements)
    {
        _selectorKeepsElements = selectorKeepsElements;
        _source = source.GetEnumerator();
        _selector = selector;
        _slots = new Slot[capacity];
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"StaticKeras dataset worker {i + 1}/{workers}" };
            _threads[i].Start();
        }
    }

    /// <summary>The next result in the source's order, waiting for it; <see langword="false"/> once the source is done.</summary>
    public bool TryTake(out TResult result)
    {
        Slot slot;
        lock (_gate)
        {
            ref var pending = ref _slots[_next % _slots.Length];
            while (_next < _end && !pending.Ready)
            {
                Monitor.Wait(_gate);
            }

            if (_next >= _end)
            {
                result = default!;
                return false;
            }

            slot = pending;
            pending = default;
            _next++;
            Monitor.PulseAll(_gate);   // a worker may be waiting for room
        }

        slot.Failure?.Throw();
        result = slot.Value;
        return true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var slot in _slots)
        {
            if (slot.Ready)
            {
                Leftovers.Dispose(slot.Value);
            }
        }

        _source.Dispose();
    }

    private void Work()
    {
        while (true)
        {
            long position;
            lock (_gate)
            {
                while (!_stopping && _end == Unknown && (_reading || _taken - _next >= _slots.Length))
                {
                    Monitor.Wait(_gate);
                }

                if (_stopping || _end != Unknown)
                {
                    return;
                }

                _reading = true;
                position = _taken;
            }

            T element = default!;
            bool more;
            ExceptionDispatchInfo? failure = null;
            try
            {
                more = _source.MoveNext();
                if (more)
                {
                    element = _source.Current;
                }
            }
            catch (Exception e)
            {
                more = false;
                failure = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _reading = false;
                Monitor.PulseAll(_gate);
                if (failure is not null)
                {
                    Finish(position, new Slot { Ready = true, Failure = failure });
                    return;
                }

                if (!more)
                {
                    _end = Math.Min(_end, position);
                    return;
                }

                if (_stopping || position >= _end)
                {
                    if (_selectorKeepsElements)
                    {
                        Leftovers.Dispose(element);   // a prefetched element read while stopping or after a failure: never handed out
                    }

                    return;
                }

                _taken = position + 1;
            }

            var result = new Slot { Ready = true };
            try
            {
                result.Value = _selector(element);
            }
            catch (Exception e)
            {
                result.Failure = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                if (result.Failure is not null)
                {
                    Finish(position, result);
                    return;
                }

                _slots[position % _slots.Length] = result;
                Monitor.PulseAll(_gate);
            }
        }
    }

    // A failure at a position ends the pass there: the reader gets every result before it, then the exception.
    private void Finish(long position, Slot failure)
    {
        _slots[position % _slots.Length] = failure;
        _end = Math.Min(_end, position + 1);
        Monitor.PulseAll(_gate);
    }

    private struct Slot
    {
        public bool Ready;
        public TResult Value;
        public ExceptionDispatchInfo? Failure;
    }
}

/// <summary>Disposes what a pipeline made but never handed out: tensors, alone or in tuples and arrays.</summary>
internal static class Leftovers
{
    public static void Dispose(object? value)
    {
        switch (value)
        {
            case IDisposable disposable:
                disposable.Dispose();
                break;
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++)
                {
                    Dispose(tuple[i]);
                }

                break;
            case Array array when !array.GetType().GetElementType()!.IsPrimitive:
                foreach (var item in array)
                {
                    Dispose(item);
                }

                break;
        }
    }
}
