using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Samples.Serving;
using Xunit;

namespace StaticKeras.Serving.Tests;

/// <summary>With micro-batching on, concurrent requests share forward passes and each still gets its own answer.</summary>
public sealed class MicroBatchingTests(MicroBatchingServiceFactory factory) : IClassFixture<MicroBatchingServiceFactory>
{
    [Fact]
    public async Task ConcurrentRequestsAreBatchedAndEachGetsItsOwnAnswer()
    {
        var client = factory.CreateClient();
        var images = Enumerable.Range(0, 40).Select(Images.Image).ToArray();
        using var expected = factory.Reference.Predict(Images.Tensor(images));

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var body = i % 5 == 0 ? (object)new { images = new[] { images[i % 40], images[(i + 1) % 40] } } : new { image = images[i % 40] };
            var response = await client.PostAsJsonAsync("/predict", body);
            response.EnsureSuccessStatusCode();
            return (i, (await response.Content.ReadFromJsonAsync<PredictResponse>())!);
        }));

        foreach (var (i, answer) in answers)
        {
            Images.AssertClose(expected[i % 40].data<float>().ToArray(), answer.Predictions[0].Probabilities);
            if (i % 5 == 0)
            {
                Images.AssertClose(expected[(i + 1) % 40].data<float>().ToArray(), answer.Predictions[1].Probabilities);
            }
        }

        var (batches, requests) = factory.Services.GetRequiredService<MicroBatcher>().Counts;
        Assert.Equal(200, requests);
        Assert.True(batches < requests, $"{requests} concurrent requests ran as {batches} batches: none were joined");
        Assert.True((await client.GetFromJsonAsync<HealthResponse>("/health"))!.MicroBatching);
    }
}
