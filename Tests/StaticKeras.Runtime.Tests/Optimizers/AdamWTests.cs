using StaticKeras.Optimizers;
using Xunit;

namespace StaticKeras.Runtime.Tests.Optimizers;

public class AdamWTests
{
    [Fact]
    public void DecaysWeightsBeforeTheAdamUpdate()
    {
        // w -= w * 0.1 * lr, then Adam as in AdamTests, lr = 0.1
        OptimizerHarness.AssertSteps(new AdamW(learningRate: 0.1, weightDecay: 0.1),
        [
            [0.890000632451532, -1.880000316226766, 2.8700001581136334],
            [0.8007970265453086, -1.81009786388437, 2.7860804372385872],
            [0.7834191617511407, -1.7524945439797774, 2.685867562430009],
        ]);
    }

    [Fact]
    public void DefaultWeightDecayIsKeras()
    {
        Assert.Equal(0.004, new AdamW().WeightDecay);
        Assert.Equal(1e-3, new AdamW().LearningRate);
    }
}
