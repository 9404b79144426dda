using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Samples.Serving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Serving.Tests;

/// <summary>The service started in-process: answers equal the model's own Predict; bad requests get 400 and the service keeps serving.</summary>
public sealed class PredictEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task HealthNamesTheModelAndItsSettings()
    {
        var health = await client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.NotNull(health);
        Assert.Equal("healthy", health.Status);
        Assert.Equal("FashionMlp", health.Model);
        Assert.Equal([28, 28], health.InputShape);
        Assert.Equal(8, health.MaxBatch);
        Assert.False(health.MicroBatching);
    }

    [Fact]
    public async Task OneImageGetsTheModelsProbabilities()
    {
        var image = Images.Image(1);
        var response = await client.PostAsJsonAsync("/predict", new { image });
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<PredictResponse>())!;
        using var expected = factory.Reference.Predict(Images.Tensor(image));
        var prediction = Assert.Single(answer.Predictions);
        Images.AssertClose(expected.data<float>().ToArray(), prediction.Probabilities);
        Assert.Equal((int)expected.argmax(-1).item<long>(), prediction.Class);
        Assert.Equal(StaticKeras.Data.FashionMnist.ClassNames[prediction.Class], prediction.Label);
    }

    [Fact]
    public async Task ABatchGetsOnePredictionPerImageInOrder()
    {
        var images = Enumerable.Range(2, 3).Select(Images.Image).ToArray();
        var answer = await (await client.PostAsJsonAsync("/predict", new { images })).Content.ReadFromJsonAsync<PredictResponse>();
        using var expected = factory.Reference.Predict(Images.Tensor(images));
        Assert.Equal(3, answer!.Predictions.Length);
        for (var i = 0; i < 3; i++)
        {
            Images.AssertClose(expected[i].data<float>().ToArray(), answer.Predictions[i].Probabilities);
        }
    }

    [Theory]
    [InlineData("{\"image\": [[0.5]]}", "image must be 28 rows of 28 numbers (shape (28, 28)); found an array of 1.")]
    [InlineData("{\"images\": [[[0.5]]]}", "images[0] must be 28 rows of 28 numbers (shape (28, 28)); found an array of 1.")]
    [InlineData("{\"image\": \"cat\"}", "image must be 28 rows of 28 numbers (shape (28, 28)); found a string \"cat\".")]
    [InlineData("{\"pixels\": []}", "the body needs \"image\" (one 28 x 28 image) or \"images\" (a batch of them).")]
    [InlineData("[1, 2]", "the body must be a JSON object with \"image\" (one 28 x 28 image) or \"images\" (a batch); found an array.")]
    [InlineData("{\"images\": []}", "\"images\" is empty: give at least one image.")]
    public async Task AMalformedRequestGets400WithAClearMessage(string body, string message)
    {
        var response = await client.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await Detail(response));
    }

    [Fact]
    public async Task AWrongTypedOrOutOfRangePixelIsNamed()
    {
        var image = Images.Image(5).Select(r => r.Select(v => (object)v).ToArray()).ToArray();
        image[3][7] = "white";
        var response = await client.PostAsJsonAsync("/predict", new { image });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("image[3][7] must be a number in [0, 1]; found a string \"white\".", await Detail(response));

        image[3][7] = 200;
        response = await client.PostAsJsonAsync("/predict", new { image });
        Assert.Equal("image[3][7] is 200: pixels are scaled to [0, 1] (divide 0-255 values by 255).", await Detail(response));
    }

    [Fact]
    public async Task TooLargeABatchGets400AndTheServiceKeepsServing()
    {
        var images = Enumerable.Range(0, 9).Select(Images.Image).ToArray();
        var response = await client.PostAsJsonAsync("/predict", new { images });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("a batch of 9 images is more than this service's limit of 8; split it into several requests.", await Detail(response));

        var invalidJson = await client.PostAsync("/predict", new StringContent("{\"image\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalidJson.StatusCode);
        Assert.StartsWith("the body is not valid JSON: ", await Detail(invalidJson));

        var ok = await client.PostAsJsonAsync("/predict", new { images = images[..8] });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(8, (await ok.Content.ReadFromJsonAsync<PredictResponse>())!.Predictions.Length);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString();
}
