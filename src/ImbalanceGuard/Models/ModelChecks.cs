using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// Parameter checks shared by the learners. Messages name scikit-learn's parameter, so a user who knows
/// that library recognises the setting at once.
/// </summary>
internal static class ModelChecks
{
    public static int AtLeast(int value, int minimum, string name, string property)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum}; got {value}."));
        }

        return value;
    }

    public static int? AtLeast(int? value, int minimum, string name, string property)
        => value is { } v ? AtLeast(v, minimum, name, property) : null;

    public static double Positive(double value, string name, string property)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive, finite number; got {value}."));
        }

        return value;
    }

    public static double NonNegative(double value, string name, string property)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be a non-negative, finite number; got {value}."));
        }

        return value;
    }

    /// <summary>-1 (every core) or a positive thread count.</summary>
    public static int Parallelism(int value, string property)
    {
        if (value != -1 && value < 1)
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"n_jobs must be -1 (every core) or at least 1; got {value}."));
        }

        return value;
    }

    /// <summary>
    /// <see cref="Finite"/> for the rows <paramref name="rows"/> of a row-major matrix, read where they are; a
    /// failure names the row by its position in <paramref name="rows"/>.
    /// </summary>
    public static void FiniteRows(double[] matrix, int[] rows, int dimensions, string parameter)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            var row = matrix.AsSpan(rows[r] * dimensions, dimensions);
            for (var f = 0; f < dimensions; f++)
            {
                if (!double.IsFinite(row[f]))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Row {r}, feature {f} is {row[f]}; every value must be a finite number."),
                        parameter);
                }
            }
        }
    }

    /// <summary>-1 (no limit) or a positive iteration count.</summary>
    public static int IterationLimit(int value, string name, string property)
    {
        if (value != -1 && value < 1)
        {
            throw new ArgumentOutOfRangeException(
                property,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be -1 (no limit) or at least 1; got {value}."));
        }

        return value;
    }

    public static void Finite(ReadOnlySpan<double> values, int dimensions, string parameter)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Row {i / dimensions}, feature {i % dimensions} is {values[i]}; every value must be a finite number."),
                    parameter);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … count-1 in parallel; an exception thrown by one item surfaces as
    /// itself (the first one collected), not wrapped in an <see cref="AggregateException"/>.
    /// </summary>
    public static void ParallelFor(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, Options(maxDegreeOfParallelism), body);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }
    }

    public static ParallelOptions Options(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    public static int ThreadCount(int maxDegreeOfParallelism)
        => maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
}
