using System.Linq;
using StaticKeras.Data;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Devices;

public class DeviceTests
{
    [Fact]
    public void ModelsStartOnTheCpuAndMovingThereKeepsTheOptimizer()
    {
        var model = new BlobMlp();
        Assert.Equal(DeviceType.CPU, model.Device.type);
        var optimizer = model.CompiledOptimizer;
        Assert.Same(model, model.To(CPU));
        Assert.Same(optimizer, model.CompiledOptimizer);
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
    }

    [CudaFact]
    public void ToCudaMovesTheWeightsAndKeepsTheOptimizerOnTheNewDevice()
    {
        var model = new BlobMlp();
        var before = model.CompiledOptimizer;
        model.To(CUDA);
        Assert.Equal(DeviceType.CUDA, model.Device.type);
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.CUDA, p.device_type));
        Assert.Same(before, model.CompiledOptimizer);
        Assert.All(model.CompiledOptimizer.Parameters, p => Assert.Equal(DeviceType.CUDA, p.device_type));
    }

    [CudaFact]
    public void FitOnCpuTensorsTrainsOnTheGpuAsOnTheCpu()
    {
        var (x, y) = Blobs.Make(96, seed: 21);
        manual_seed(4);
        var cpu = new BlobMlp();
        var expected = cpu.Fit(x, y, epochs: 3, batchSize: 16, shuffle: false, verbose: 0, validationSplit: 0.25);
        manual_seed(4);
        var gpu = (BlobMlp)new BlobMlp().To(CUDA);
        var history = gpu.Fit(x, y, epochs: 3, batchSize: 16, shuffle: false, verbose: 0, validationSplit: 0.25);

        foreach (var key in expected.Logs.Keys)
        {
            Assert.Equal(expected.Logs[key], history.Logs[key], (a, b) => System.Math.Abs(a - b) < 1e-4);
        }

        // Predict(Tensor) (serving's loop) copies each batch to the model's device, as Fit does.
        var predictions = gpu.Predict(x);
        Assert.Equal(DeviceType.CUDA, predictions.device_type);
        Assert.Equal(cpu.Predict(x).data<float>().ToArray(), predictions.cpu().data<float>().ToArray(), (a, b) => System.Math.Abs(a - b) < 1e-4);
    }

    [CudaFact]
    public void AStreamingDatasetFeedsTheGpuFromBackgroundThreads()
    {
        var (x, y) = Blobs.Make(128, seed: 22);
        manual_seed(5);
        var model = new BlobMlp().To(CUDA);
        var data = Dataset.Range(128).Shuffle(128, seed: 1).Batch(32)
            .Map(rows => (x.index_select(0, tensor(rows)), y.index_select(0, tensor(rows))), workers: 2).Prefetch(2);
        var history = model.Fit(data, epochs: 5, verbose: 0);
        Assert.True(history.Logs["loss"][^1] < history.Logs["loss"][0]);
        Assert.True(double.IsFinite(model.Evaluate(data, verbose: 0)["loss"]));
    }
}
