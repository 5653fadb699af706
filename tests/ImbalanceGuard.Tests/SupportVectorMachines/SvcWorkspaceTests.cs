using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class SvcWorkspaceTests
{
    /// <summary>
    /// A problem solved in a workspace that a larger problem has just used (its arrays longer than the problem and
    /// full of the other's values) gives bit for bit the coefficients, ρ and iteration count of one solved in fresh
    /// arrays: what a one-vs-one fit relies on when a thread's next pair reuses its arrays.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reused_workspace_solves_as_fresh_arrays_do(bool shrinking)
    {
        const int dimensions = 5;
        var random = new Random(11);
        var features = new double[700 * dimensions];
        for (var k = 0; k < features.Length; k++)
        {
            features[k] = (random.NextDouble() * 4) - 2 + (k % dimensions == 0 ? 0 : 0.3 * (k / dimensions % 2));
        }

        var large = Enumerable.Range(0, 700).ToArray();
        var small = Enumerable.Range(0, 700).Where(i => i % 3 != 1).Take(301).ToArray();
        var fresh = Solve(features, small, dimensions, shrinking, workspace: null);

        var workspace = new SvcWorkspace(large.Length);
        Solve(features, large, dimensions, shrinking, workspace);
        var reused = Solve(features, small, dimensions, shrinking, workspace);

        Assert.Equal(fresh.Support, reused.Support);
        Assert.Equal(fresh.Coefficients, reused.Coefficients);
        Assert.Equal(fresh.Rho, reused.Rho);
        Assert.Equal(fresh.Iterations, reused.Iterations);
        Assert.NotEmpty(fresh.Support);
        Assert.DoesNotContain(fresh.Coefficients, c => c == 0);
        Assert.Equal(fresh.Support.Order(), fresh.Support);
    }

    [Fact]
    public void A_problem_larger_than_the_workspace_is_refused()
    {
        var workspace = new SvcWorkspace(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => workspace.Begin(11));
    }

    private static (int[] Support, double[] Coefficients, double Rho, int Iterations) Solve(double[] features, int[] rows, int dimensions, bool shrinking, SvcWorkspace? workspace)
    {
        sbyte[] y;
        double[] upper;
        if (workspace is null)
        {
            y = new sbyte[rows.Length];
            upper = new double[rows.Length];
        }
        else
        {
            workspace.Begin(rows.Length);
            (y, upper) = (workspace.Labels, workspace.UpperBounds);
        }

        for (var k = 0; k < rows.Length; k++)
        {
            y[k] = features[rows[k] * dimensions] + features[(rows[k] * dimensions) + 1] > 0.2 ? (sbyte)1 : (sbyte)-1;
            upper[k] = 1.0;
        }

        using var q = new SvcQMatrix(features, rows, rows.Length, dimensions, y, SvmKernel.Rbf, 0.2, 40 * rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 1 }, workspace);
        var (support, coefficients, rho, iterations, _) = SmoSolver.Solve(q, y, upper, 1e-3, shrinking, -1);
        return (support, coefficients, rho, iterations);
    }
}
