using ImbalanceGuard.Analyzers.Analysis;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// Name patterns match words, not substrings: a substring match let <c>*Adasyn*</c> take every <c>ReadAsync</c>,
/// <c>LoadAsync</c> and <c>DownloadAsync</c> of an async codebase for a resampler.
/// </summary>
public class NamePatternsTests
{
    [Theory]
    [InlineData("*Adasyn*", "Adasyn")]
    [InlineData("*Adasyn*", "ApplyAdasyn")]
    [InlineData("*Adasyn*", "ADASYN")]
    [InlineData("*Adasyn*", "apply_adasyn")]
    [InlineData("*Smote*", "BorderlineSmote")]
    [InlineData("*Smote*", "ApplySMOTE")]
    [InlineData("*Smote*", "SmoteNc")]
    [InlineData("*Oversampl*", "RandomOverSampler")]
    [InlineData("*Oversampl*", "Oversample")]
    [InlineData("*Oversampl*", "random_over_sampler")]
    [InlineData("*Undersampl*", "RandomUnderSampler")]
    [InlineData("*Resampl*", "FitResample")]
    [InlineData("*KFold*", "StratifiedKFold")]
    [InlineData("*KFold*", "GroupKFold")]
    [InlineData("*CrossVal*", "CrossValidate")]
    [InlineData("*TrainTestSplit*", "TrainTestSplit")]
    [InlineData("*TrainTestSplit*", "train_test_split")]
    [InlineData("*Folds", "MakeFolds")]
    [InlineData("MyCompany.Sampling.*", "MyCompany.Sampling.Balancer.Run")]
    [InlineData("*.Sampling.*", "MyCompany.Sampling.Balancer.Run")]
    [InlineData("Smote*", "SmoteTomek")]
    [InlineData("*_test", "X_test")]
    [InlineData("*Smote*", "_smoteRows")]
    [InlineData("Smote", "_Smote")]
    public void A_pattern_matches_at_word_starts(string pattern, string text)
        => Assert.True(Glob.IsMatch(pattern, text));

    [Theory]
    [InlineData("*Adasyn*", "ReadAsync")]
    [InlineData("*Adasyn*", "LoadAsync")]
    [InlineData("*Adasyn*", "DownloadAsync")]
    [InlineData("*Adasyn*", "UploadAsync")]
    [InlineData("*Adasyn*", "read_async")]
    [InlineData("*Smote*", "Resmoted")]
    [InlineData("*Resampl*", "Preresample")]
    [InlineData("*Folds", "Scaffolds")]
    [InlineData("*KFold*", "Backfold")]
    [InlineData("*_test", "latest")]
    [InlineData("Smote", "SmoteTomek")]
    [InlineData("MyCompany.Sampling.*", "OtherCompany.Sampling.Run")]
    [InlineData("*Adasyn*", "_readAsync")]
    [InlineData("Smote", "_SmoteTomek")]
    public void A_pattern_does_not_match_inside_a_word(string pattern, string text)
        => Assert.False(Glob.IsMatch(pattern, text));

    [Fact]
    public void The_built_in_resamplers_leave_async_loading_alone()
    {
        var resamplers = AnalyzerSettings.Default.Resamplers;
        foreach (var name in new[] { "ReadAsync", "LoadAsync", "DownloadAsync", "UploadAsync", "ReadAllLinesAsync", "LoadFromTextFileAsync" })
        {
            Assert.False(resamplers.IsMatch(name, "System.IO.Stream." + name), name);
            Assert.False(resamplers.MayMatchName(name), name);
        }

        Assert.True(resamplers.IsMatch("RandomOverSampler", "Lib.RandomOverSampler"));
    }
}
