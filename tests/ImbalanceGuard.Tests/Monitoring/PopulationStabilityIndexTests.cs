using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>The population stability index and its decile binning, checked against hand computations.</summary>
public class PopulationStabilityIndexTests
{
    [Fact]
    public void Counts_give_the_hand_computed_index()
    {
        // Shares 0.5/0.3/0.2 against 0.3/0.3/0.4: (0.3 − 0.5)·ln(0.3/0.5) + 0 + (0.4 − 0.2)·ln(0.4/0.2).
        var expected = (-0.2 * Math.Log(0.6)) + (0.2 * Math.Log(2.0));

        Assert.Equal(expected, PopulationStabilityIndex.FromCounts([50, 30, 20], [30, 30, 40]), 12);
    }

    [Fact]
    public void An_empty_bin_takes_the_documented_small_share_and_a_bin_empty_on_both_sides_adds_nothing()
    {
        // Reference 10/0/10 (0.5, 0.0001, 0.5), current 5/10/5 (0.25, 0.5, 0.25); the fourth bin is empty on both sides.
        var expected = (2 * (-0.25 * Math.Log(0.5))) + ((0.5 - 1e-4) * Math.Log(0.5 / 1e-4));

        Assert.Equal(expected, PopulationStabilityIndex.FromCounts([10, 0, 10, 0], [5, 10, 5, 0]), 12);
    }

    [Fact]
    public void Numeric_values_are_binned_at_the_reference_deciles_with_equal_edges_merged()
    {
        // Reference 1..10: NumPy's linear deciles are 1.9, 2.8, …, 9.1. Seventeen zeros and 5, 7, 9: deciles 10–80 sit at
        // positions up to 15.2 of the sorted 20, all 0; decile 90 at 17.1 is 5 + 0.1·(7 − 5) = 5.2.
        Assert.Equal([1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1], PopulationStabilityIndex.DecileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).Select(e => Math.Round(e, 12)));
        Assert.Equal([0.0, 5.2], PopulationStabilityIndex.DecileEdges([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 7, 9, 0, 0, 0, 0, 0, 0, 0]).Select(e => Math.Round(e, 12)));

        // Bins (−∞, 1.9], (1.9, 2.8], …, (9.1, ∞) hold one reference value each. The current values 1, 1, 2, 2 fill the first
        // two bins twice over (share 0.5 each) and leave eight empty (share 0.0001).
        double[] reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var expected = (2 * (0.4 * Math.Log(0.5 / 0.1))) + (8 * ((1e-4 - 0.1) * Math.Log(1e-4 / 0.1)));
        Assert.Equal(expected, PopulationStabilityIndex.Numeric(reference, [1, 1, 2, 2]), 12);
    }

    [Fact]
    public void The_same_values_give_zero_and_an_empty_side_is_refused()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];

        Assert.Equal(0.0, PopulationStabilityIndex.Numeric(values, values));
        Assert.Contains("current", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Numeric(values, [double.NaN])).Message);
    }
}
