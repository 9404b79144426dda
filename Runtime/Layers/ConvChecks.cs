using System;

namespace StaticKeras.Layers;

/// <summary>Argument checks specific to convolution layers.</summary>
internal static class ConvChecks
{
    /// <summary>Throws unless filters and groups are positive and groups divides filters.</summary>
    public static void FiltersAndGroups(string layer, int filters, int groups)
    {
        LayerChecks.Positive(layer, "filters", filters);
        LayerChecks.Positive(layer, "groups", groups);
        if (filters % groups != 0)
        {
            throw new ArgumentException(
                $"{layer}: filters must be divisible by groups, found filters={filters}, groups={groups}.", nameof(groups));
        }
    }

    /// <summary>Throws unless the input channels split evenly into groups.</summary>
    public static void ChannelsDivisible(string layer, long channels, int groups, long[] inputShape)
    {
        if (channels % groups != 0)
        {
            throw new ArgumentException(
                $"{layer}: input channels must be divisible by groups={groups}, found input shape {LayerChecks.Describe(inputShape)}.",
                nameof(inputShape));
        }
    }
}
