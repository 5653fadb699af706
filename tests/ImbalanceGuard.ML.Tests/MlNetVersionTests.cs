using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Xunit.Abstractions;

namespace ImbalanceGuard.ML.Tests;

/// <summary>
/// The bridge is compiled against the oldest ML.NET it supports and these tests run it on the release the build
/// asked for (<c>MlNetVersion</c> in Directory.Packages.props: the current release by default, or
/// <c>-p:MlNetVersion=5.0.1</c>). ML.NET's assembly version is 1.0.0.0 in every release, so the release is read from
/// each assembly's informational version.
/// </summary>
public class MlNetVersionTests(ITestOutputHelper output)
{
    [Fact]
    public void The_tests_run_on_the_ml_net_release_the_build_asked_for()
    {
        var asked = typeof(MlNetVersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "MlNetVersion").Value;
        Assert.False(string.IsNullOrEmpty(asked));
        foreach (var assembly in new[] { typeof(MLContext).Assembly, typeof(FastTreeBinaryTrainer).Assembly, typeof(LightGbmBinaryTrainer).Assembly })
        {
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            output.WriteLine($"{assembly.GetName().Name} {informational} from {assembly.Location}");
            Assert.Equal(asked, informational.Split('+')[0]);
        }
    }
}
