using System;
using System.Collections.Generic;
using StaticKeras.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// Keras recurrent layers computed by TorchSharp's own fused RNN modules, with Keras' weights
/// moved into PyTorch's layout: weight_ih = kernel^T, weight_hh = recurrent_kernel^T, PyTorch's
/// second bias zero (LSTM) or Keras' recurrent bias row (GRU), GRU blocks reordered from Keras'
/// z, r, h to PyTorch's r, z, n.
/// </summary>
public static class ReferenceRecurrent
{
    /// <summary>SimpleRNN (tanh or relu) through nn.RNN; (batch, time, units).</summary>
    public static Tensor SimpleRnn(SimpleRNN layer, Tensor x)
    {
        var rnn = nn.RNN(x.shape[2], layer.Units, nonLinearity: layer.Activation == Activation.Relu ? nn.NonLinearities.ReLU : nn.NonLinearities.Tanh,
            batchFirst: true, dtype: x.dtype);
        Load(rnn, layer.Kernel.t(), layer.RecurrentKernel.t(), layer.Bias!, zeros_like(layer.Bias!));
        return rnn.forward(x, zeros(1, x.shape[0], layer.Units, x.dtype)).Item1;
    }

    /// <summary>LSTM (tanh, sigmoid) through nn.LSTM; Keras' gate order i, f, c, o is PyTorch's i, f, g, o.</summary>
    public static Tensor Lstm(LSTM layer, Tensor x)
    {
        var lstm = nn.LSTM(x.shape[2], layer.Units, batchFirst: true, dtype: x.dtype);
        Load(lstm, layer.Kernel.t(), layer.RecurrentKernel.t(), layer.Bias!, zeros_like(layer.Bias!));
        return lstm.forward(x).Item1;
    }

    /// <summary>GRU with reset_after (tanh, sigmoid) through nn.GRU.</summary>
    public static Tensor Gru(GRU layer, Tensor x)
    {
        var gru = nn.GRU(x.shape[2], layer.Units, batchFirst: true, dtype: x.dtype);
        var bias = layer.Bias!;
        Load(gru, ZrhToRzn(layer.Kernel.t(), layer.Units), ZrhToRzn(layer.RecurrentKernel.t(), layer.Units),
            ZrhToRzn(bias[0], layer.Units), ZrhToRzn(bias[1], layer.Units));
        return gru.forward(x).Item1;
    }

    /// <summary>
    /// GRU without reset_after, written out per step with per-gate weight slices (PyTorch has no
    /// such module): the reset gate scales h before its product with U_h.
    /// </summary>
    public static Tensor GruResetBefore(GRU layer, Tensor x)
    {
        long u = layer.Units;
        Tensor Slice(Tensor w, int gate) => w.narrow(-1, gate * u, u);
        var h = zeros(x.shape[0], u, x.dtype);
        var outputs = new List<Tensor>();
        for (long t = 0; t < x.shape[1]; t++)
        {
            var xt = x.select(1, t);
            var z = (xt.matmul(Slice(layer.Kernel, 0)) + h.matmul(Slice(layer.RecurrentKernel, 0)) + Slice(layer.Bias!, 0)).sigmoid();
            var r = (xt.matmul(Slice(layer.Kernel, 1)) + h.matmul(Slice(layer.RecurrentKernel, 1)) + Slice(layer.Bias!, 1)).sigmoid();
            var hh = (xt.matmul(Slice(layer.Kernel, 2)) + (r * h).matmul(Slice(layer.RecurrentKernel, 2)) + Slice(layer.Bias!, 2)).tanh();
            h = z * h + (1 - z) * hh;
            outputs.Add(h);
        }

        return stack(outputs, 1);
    }

    /// <summary>
    /// Keras' masked RNN computed independently: each sample's unmasked steps run through
    /// <paramref name="reference"/> as one shorter sequence; the output at a step is the output after
    /// the last unmasked step so far (zeros before the first). (batch, time, units).
    /// </summary>
    public static Tensor Masked(Func<Tensor, Tensor> reference, Tensor x, Tensor mask, long units)
    {
        var samples = new List<Tensor>();
        for (long b = 0; b < x.shape[0]; b++)
        {
            var kept = mask[b].nonzero().reshape(-1);
            var outputs = kept.numel() > 0 ? reference(x[b].index_select(0, kept).unsqueeze(0))[0] : zeros(0, units, x.dtype);
            var steps = new List<Tensor>();
            long seen = 0;
            for (long t = 0; t < x.shape[1]; t++)
            {
                if (mask[b, t].item<bool>())
                {
                    seen++;
                }

                steps.Add(seen == 0 ? zeros(units, x.dtype) : outputs[seen - 1]);
            }

            samples.Add(stack(steps, 0));
        }

        return stack(samples, 0);
    }

    private static Tensor ZrhToRzn(Tensor w, long units) =>
        cat([w.narrow(0, units, units), w.narrow(0, 0, units), w.narrow(0, 2 * units, units)], 0);

    private static void Load(nn.Module module, Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh)
    {
        var (missing, unexpected) = module.load_state_dict(new Dictionary<string, Tensor>
        {
            ["weight_ih_l0"] = weightIh.detach().contiguous(),
            ["weight_hh_l0"] = weightHh.detach().contiguous(),
            ["bias_ih_l0"] = biasIh.detach().contiguous(),
            ["bias_hh_l0"] = biasHh.detach().contiguous(),
        });
        Xunit.Assert.Empty(missing);
        Xunit.Assert.Empty(unexpected);
    }
}
