using System;
using System.IO;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samples.Serving;
using static TorchSharp.torch;

namespace StaticKeras.Serving.Tests;

/// <summary>
/// The service in-process, serving a model with seeded random weights saved to a temporary file;
/// <see cref="Reference"/> holds the same weights, to compute the answers the service must give.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly string weights = Path.Combine(Path.GetTempPath(), $"serving-tests-{Guid.NewGuid():N}.safetensors");

    /// <summary>Saves the weights the service will load.</summary>
    public ServiceFactory()
    {
        manual_seed(90);
        Reference = new FashionMlp();
        Reference.SaveWeights(weights);
    }

    /// <summary>The served model's twin.</summary>
    public FashionMlp Reference { get; }

    /// <summary>Whether the service runs concurrent requests as one batch.</summary>
    protected virtual bool MicroBatching => false;

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Serving:Weights", weights);
        builder.UseSetting("Serving:MicroBatching", MicroBatching ? "true" : "false");
        builder.UseSetting("Serving:MaxBatch", "8");
        builder.UseSetting("Serving:MaxDelayMs", "5");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Reference.Dispose();
            File.Delete(weights);
        }
    }
}

/// <summary>The service with micro-batching on.</summary>
public sealed class MicroBatchingServiceFactory : ServiceFactory
{
    /// <inheritdoc/>
    protected override bool MicroBatching => true;
}
