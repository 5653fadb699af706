using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>Benjamini–Hochberg adjusted p-values, checked against a hand computation.</summary>
public class BenjaminiHochbergTests
{
    [Fact]
    public void Adjusted_values_match_a_hand_computation_in_input_order()
    {
        // Sorted: 0.01, 0.02, 0.03, 0.04, 0.2 (m = 5); p·m/rank = 0.05, 0.05, 0.05, 0.05, 0.2; running minimum from the top
        // leaves them as they are.
        var adjusted = BenjaminiHochberg.Adjust([0.04, 0.01, 0.2, 0.03, 0.02]);

        Assert.Equal([0.05, 0.05, 0.2, 0.05, 0.05], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void The_running_minimum_keeps_the_order_and_values_are_capped_at_one()
    {
        // Sorted 0.01, 0.04, 0.045, 0.9 (m = 4): 0.04, 0.08, 0.06, 0.9 → monotone from the top: 0.04, 0.06, 0.06, 0.9.
        var adjusted = BenjaminiHochberg.Adjust([0.9, 0.045, 0.01, 0.04]);
        Assert.Equal([0.9, 0.06, 0.04, 0.06], adjusted.Select(p => Math.Round(p, 12)));

        // 0.8·2/1 = 1.6 is capped by the running minimum, which starts at 1.
        Assert.Equal([1.0, 1.0], BenjaminiHochberg.Adjust([0.8, 1.0]));
    }

    [Fact]
    public void Missing_p_values_stay_missing_and_are_not_counted()
    {
        var adjusted = BenjaminiHochberg.Adjust([double.NaN, 0.01, 0.03]);

        Assert.True(double.IsNaN(adjusted[0]));
        Assert.Equal(0.02, adjusted[1], 12);
        Assert.Equal(0.03, adjusted[2], 12);
        Assert.Throws<ArgumentException>(() => BenjaminiHochberg.Adjust([1.5]));
    }
}
