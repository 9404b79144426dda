using System;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Transposed views (<c>t()</c>) of the matrices a generated training step passes again on every step,
/// made once by their owners and looked up by the backward kernels: each 2-D buffer of a step's memory
/// plan (<see cref="Training.StepBuffers"/>) and each 2-D weight and its gradient view in an optimizer's
/// flat buffers. A kernel then needs no new <see cref="Tensor"/> handle for a transpose of them; a tensor
/// nobody registered (a new batch's view) gets none and is transposed as before.
/// </summary>
/// <remarks>
/// A view is checked on every lookup: both tensors still valid and still starting at the same memory (a
/// weight rebound by <c>set_</c> to other memory has a stale view, which is not used). Views belong to no
/// dispose scope; their owners unregister (and free) them with the tensors they view. The table is weak,
/// so a dropped owner's entries go with it. Used without autograd only: a view made under <c>no_grad</c>
/// records no graph.
/// </remarks>
internal static class TransposedViews
{
    private static readonly ConditionalWeakTable<Tensor, Tensor> s_views = [];

    /// <summary>Makes and registers the transposed view of <paramref name="matrix"/> (nothing for other ranks), replacing an older one.</summary>
    public static void Register(Tensor matrix)
    {
        if (matrix.dim() != 2)
        {
            return;
        }

        Unregister(matrix);
        using var noGrad = no_grad();
        s_views.AddOrUpdate(matrix, matrix.t().DetachFromDisposeScope());
    }

    /// <summary>Frees and forgets <paramref name="matrix"/>'s transposed view, if it has one.</summary>
    public static void Unregister(Tensor matrix)
    {
        if (s_views.TryGetValue(matrix, out var view))
        {
            s_views.Remove(matrix);
            view.Dispose();
        }
    }

    /// <summary>The registered transposed view of <paramref name="matrix"/>, or null when it has none (or a stale one).</summary>
    public static Tensor? Find(Tensor matrix) =>
        s_views.TryGetValue(matrix, out var view) && !view.IsInvalid && !matrix.IsInvalid && CpuPasses.Data(view) == CpuPasses.Data(matrix)
            ? view
            : null;

    /// <summary><see cref="Find"/>, or a new transposed view (owned by the current dispose scope) when none is registered.</summary>
    public static Tensor Of(Tensor matrix) => Find(matrix) ?? matrix.t();
}
