using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Samples.Serving;

/// <summary>The web service: its settings, the model and the micro-batcher as singletons, and its two endpoints.</summary>
public static class ServingApp
{
    /// <summary>Request bodies larger than this are refused (a full batch of 64 images is about 1 MB of JSON).</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>Builds the service from command-line arguments (<c>--weights PATH</c> and the other <see cref="ServingOptions.Switches"/>).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, ServingOptions.Switches);
        builder.Services.Configure<ServingOptions>(builder.Configuration.GetSection(ServingOptions.Section));
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.AddSingleton<ServedModel>();
        builder.Services.AddSingleton<MicroBatcher>();
        var app = builder.Build();
        app.MapPost("/predict", Predict);
        app.MapGet("/health", Health);
        return app;
    }

    /// <summary>Loads the model now rather than on the first request, so a bad weights file stops the start-up.</summary>
    public static void LoadModel(WebApplication app) => app.Services.GetRequiredService<ServedModel>();

    // POST /predict: {"image": [[...]]} or {"images": [[[...]], ...]} -> {"predictions": [{"class", "label", "probabilities"}]}
    private static async Task<IResult> Predict(HttpRequest request, ServedModel model, IOptions<ServingOptions> options, MicroBatcher batcher)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return Invalid($"the body is not valid JSON: {e.Message}");
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(
                $"the body is larger than {MaxBodyBytes / (1024 * 1024)} MB; send at most {options.Value.MaxBatch} images per request.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
        }

        using (document)
        {
            if (ImageRequest.Read(document.RootElement, options.Value.MaxBatch, out var error) is not { } images)
            {
                return Invalid(error!);
            }

            var probabilities = options.Value.MicroBatching
                ? await batcher.PredictAsync(images)
                : model.Predict(images.Pixels, images.Count);
            return Results.Ok(new PredictResponse(Enumerable.Range(0, images.Count)
                .Select(i => Prediction.From(probabilities.AsSpan(i * ServedModel.Classes, ServedModel.Classes)))
                .ToArray()));
        }
    }

    // GET /health
    private static IResult Health(ServedModel model, IOptions<ServingOptions> options) =>
        Results.Ok(new HealthResponse("healthy", model.Name, model.WeightsPath, [ServedModel.Side, ServedModel.Side],
            options.Value.MaxBatch, options.Value.MicroBatching));

    private static IResult Invalid(string message) =>
        Results.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid prediction request");
}
