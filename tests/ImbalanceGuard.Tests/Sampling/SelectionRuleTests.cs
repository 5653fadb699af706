using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>The rules of the selection samplers that have no imbalanced-learn oracle, checked directly.</summary>
public class SelectionRuleTests
{
    [Fact]
    public void Condensed_nearest_neighbour_keeps_a_consistent_subset()
    {
        // Hart's guarantee: every row of the edited class is classified correctly by its nearest kept row.
        for (var seed = 0; seed < 15; seed++)
        {
            var training = RandomData.Make(seed, classes: 2, minClassRows: 15);
            var result = new CondensedNearestNeighbour { Seed = seed }.FitResample(training);
            var kept = result.KeptIndices.ToHashSet();
            var keptRows = kept.Order().ToArray();
            foreach (var row in Enumerable.Range(0, training.RowCount).Where(r => training.Labels[r] == 0 && !kept.Contains(r)))
            {
                var nearest = keptRows.MinBy(k => (SquaredEuclidean.Distance(training.GetRow(row), training.GetRow(k)), k));
                Assert.Equal(0, training.Labels[nearest]);
            }

            // The minority is untouched.
            Assert.Equal(training.ClassCounts[1], result.CountsAfter["1"]);
        }
    }

    [Fact]
    public void Condensed_nearest_neighbour_drops_redundant_rows()
    {
        // A tight majority cluster far from the minority needs a single representative.
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            rows.Add([100 + (i * 0.01), 100]);
            labels.Add(0);
        }

        for (var i = 0; i < 5; i++)
        {
            rows.Add([i, 0]);
            labels.Add(1);
        }

        var result = new CondensedNearestNeighbour().FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)));
        Assert.Equal(1, result.CountsAfter["0"]);
        Assert.Equal(5, result.CountsAfter["1"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void One_sided_selection_keeps_hard_rows_drops_redundant_ones_and_cuts_tomek_links(int seed)
    {
        double[][] rows =
        [
            [0, 0], [0, 1], [1, 0],                 // minority
            [10, 10], [10, 11], [11, 10], [11, 11], // redundant majority cluster
            [0.5, 0.6],                             // majority in a Tomek link with minority row 1
            [4, 1],                                 // majority row the minority rule misclassifies
        ];
        int[] labels = [1, 1, 1, 0, 0, 0, 0, 0, 0];
        var result = new OneSidedSelection { Seed = seed }.FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)));
        Assert.Contains(8, result.KeptIndices);
        Assert.DoesNotContain(7, result.KeptIndices);
        Assert.True(result.KeptIndices.Count(i => i is >= 3 and <= 6) <= 1, "the redundant cluster keeps at most its seed");
        Assert.Equal([0, 1, 2], result.KeptIndices.Where(i => labels[i] == 1));
    }

    [Fact]
    public void Neighbourhood_cleaning_removes_the_majority_neighbours_of_a_misclassified_minority_row()
    {
        // Minority row 0 sits among majority rows 1..3; the other minority rows are far away.
        double[][] rows =
        [
            [0, 0], [0.1, 0], [0, 0.1], [-0.1, 0],
            [10, 10], [10.1, 10], [10, 10.1], [9.9, 10], [10, 9.9],
            [20, 20], [20.1, 20], [20, 20.1],
        ];
        int[] labels = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
        var result = new NeighbourhoodCleaningRule().FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)));
        Assert.DoesNotContain(1, result.KeptIndices);
        Assert.DoesNotContain(2, result.KeptIndices);
        Assert.DoesNotContain(3, result.KeptIndices);
        Assert.Contains(0, result.KeptIndices);
        Assert.Equal([0, 4, 5, 6, 7, 8, 9, 10, 11], result.KeptIndices);
    }

    [Fact]
    public void Random_under_sampling_with_replacement_may_keep_a_row_twice()
    {
        var training = RandomData.Make(2, classes: 2, minClassRows: 30);
        var result = new RandomUnderSampler { Replacement = true, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["0"] = 35 }), Seed = 3 }
            .FitResample(training);
        Assert.Equal(35, result.CountsAfter["0"]);
        Assert.True(result.KeptIndices.Count(i => training.Labels[i] == 0) == 35);
        Assert.True(result.KeptIndices.Where(i => training.Labels[i] == 0).Distinct().Count() < 35);
    }

    [Fact]
    public void Edited_nearest_neighbours_mode_keeps_more_than_all()
    {
        var training = RandomData.Make(9, classes: 2, minClassRows: 30);
        var all = new EditedNearestNeighbours { KindSel = KindSelection.All }.FitResample(training);
        var mode = new EditedNearestNeighbours { KindSel = KindSelection.Mode }.FitResample(training);
        Assert.Superset(all.KeptIndices.ToHashSet(), mode.KeptIndices.ToHashSet());
    }
}
