using System.Globalization;

namespace ImbalanceGuard.Ensembles;

/// <summary>Parameter checks of the ensembles; messages name imbalanced-learn's parameter.</summary>
internal static class EnsembleChecks
{
    /// <summary>A fraction in (0, 1], as imbalanced-learn's float <c>max_samples</c> and <c>max_features</c>.</summary>
    public static double Fraction(double value, string name, string property)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be a fraction in (0, 1]; got {value}."));
        }

        return value;
    }
}
