using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>Parameter validation shared by the samplers; messages use imbalanced-learn's parameter names.</summary>
internal static class ParameterCheck
{
    public static int AtLeast(int value, int minimum, string parameter)
        => value >= minimum
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be at least {minimum}; got {value}."));

    public static double Positive(double value, string parameter)
        => value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be a positive number; got {value}."));

    public static double NonNegative(double value, string parameter)
        => value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be zero or more; got {value}."));

    public static double InRange(double value, double low, double high, string parameter)
        => value >= low && value <= high
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be in [{low}, {high}]; got {value}."));
}
