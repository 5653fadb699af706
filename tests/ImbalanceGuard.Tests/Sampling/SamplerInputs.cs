using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

internal static class SamplerInputs
{
    public static SamplerInput From(LabeledData data, int threads = -1)
        => new(data.Table.Features, data.Table.Labels, data.Schema, new NeighborSearchOptions { MaxDegreeOfParallelism = threads });
}
