using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Transposed views (<c>t()</c>) of the tensors a layer's backward sees again step after step, made once
/// and kept: a generated step's planned buffers, a weight, a weight's gradient view. A view is made only
/// for a tensor asked for a second time, so a step's fresh tensors (a new batch's view) never get one
/// kept, and none of their memory is held. Used without autograd only (a kept view records no graph).
/// </summary>
/// <remarks>
/// A kept view is checked on every use: the same <see cref="Tensor"/> object, still valid, and still
/// starting at the same memory (a weight rebound to the optimizer's flat buffer by <c>set_</c> gets a new
/// view). A few views are kept per layer; the oldest makes way. Views belong to no dispose scope.
/// </remarks>
internal sealed class TransposedViews
{
    private const int Capacity = 4;
    private readonly Tensor?[] _sources = new Tensor?[Capacity];
    private readonly Tensor?[] _views = new Tensor?[Capacity];
    private readonly IntPtr[] _data = new IntPtr[Capacity];
    private readonly Tensor?[] _seen = new Tensor?[2 * Capacity];   // asked for once, no view kept yet
    private int _next;
    private int _nextSeen;

    /// <summary>The kept transposed view of <paramref name="source"/>, made now if it was asked for before; else null.</summary>
    public Tensor? Find(Tensor source)
    {
        for (var i = 0; i < Capacity; i++)
        {
            if (ReferenceEquals(_sources[i], source))
            {
                if (!source.IsInvalid && !_views[i]!.IsInvalid && CpuPasses.Data(source) == _data[i])
                {
                    return _views[i];
                }

                Drop(i);
            }
        }

        var seen = -1;
        for (var i = 0; i < _seen.Length && seen < 0; i++)
        {
            seen = ReferenceEquals(_seen[i], source) ? i : -1;
        }

        if (seen < 0)
        {
            _seen[_nextSeen] = source;
            _nextSeen = (_nextSeen + 1) % _seen.Length;
            return null;
        }

        _seen[seen] = null;
        Drop(_next);
        _sources[_next] = source;
        _views[_next] = source.t().DetachFromDisposeScope();
        _data[_next] = CpuPasses.Data(source);
        var made = _views[_next];
        _next = (_next + 1) % Capacity;
        return made;
    }

    /// <summary><see cref="Find"/>, or a new transposed view (owned by the current dispose scope) when none is kept.</summary>
    public Tensor Of(Tensor source) => Find(source) ?? source.t();

    private void Drop(int i)
    {
        _views[i]?.Dispose();
        (_sources[i], _views[i], _data[i]) = (null, null, IntPtr.Zero);
    }
}
