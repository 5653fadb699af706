using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Every_item_of_every_round_runs_exactly_once(int threads)
    {
        using var team = new WorkerTeam(threads);
        for (var round = 0; round < 200; round++)
        {
            var count = round % 37;
            var runs = new int[count];
            team.For(count, i => Interlocked.Increment(ref runs[i]));
            Assert.All(runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void An_exception_in_one_item_surfaces_as_itself_and_the_team_works_on()
    {
        using var team = new WorkerTeam(3);
        var error = Assert.Throws<InvalidOperationException>(() => team.For(100, i =>
        {
            if (i == 57)
            {
                throw new InvalidOperationException("item 57");
            }
        }));
        Assert.Equal("item 57", error.Message);

        var sum = 0L;
        team.For(100, i => Interlocked.Add(ref sum, i));
        Assert.Equal(4950, sum);
    }

    [Fact]
    public void A_disposed_team_refuses_work()
    {
        var team = new WorkerTeam(2);
        team.Dispose();
        team.Dispose();

        Assert.Throws<ObjectDisposedException>(() => team.For(3, _ => { }));
    }
}
