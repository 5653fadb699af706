namespace ImbalanceGuard.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public Task Lesson_style_resample_then_split()
        => Verifier.VerifyAsync<ResampledDataSplitAnalyzer>("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y, double testSize) => (X, X, y, y);

                public static void Run(double[][] X, int[] y)
                {
                    var (xRes, yRes) = Smote(X, y);
                    var (xTrain, xTest, yTrain, yTest) = {|IG0001:TrainTestSplit(xRes, yRes, 0.2)|};
                }
            }
            """);
}
