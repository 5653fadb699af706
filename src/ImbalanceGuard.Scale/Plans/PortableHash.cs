using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// A seeded hash of a row id that DuckDB, Spark and .NET compute alike. The engines' own <c>hash()</c> functions
/// differ (DuckDB's is not Spark's Murmur3), so this one is plain integer arithmetic modulo the prime 2^31 − 1: every
/// value stays below 2^31 and every product below 2^62, so no engine's 64-bit integers can overflow, and three rounds
/// mix with a multiply, an add and an xor with the value shifted right.
/// </summary>
public static class PortableHash
{
    /// <summary>The modulus, the prime 2^31 − 1; hashes lie in [0, 2^31).</summary>
    public const long Modulus = 2_147_483_647;

    // Row ids are split into two digits base 2^31 - 1 (ids below 2^62), each with its own multiplier.
    private const long LowMultiplier = 1_103_515_245;
    private const long HighMultiplier = 69_621;

    private static readonly (long Multiplier, long Increment, int Shift)[] Rounds =
    [
        (1_597_334_677, 12_345, 13),
        (1_220_703_125, 2_654_435, 17),
        (1_914_874_415, 374_761_393, 11),
    ];

    /// <summary>The hash of <paramref name="rowId"/> under <paramref name="seed"/>, in [0, 2^31).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The row id is negative or at least 2^62.</exception>
    public static long Compute(long rowId, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowId, 1L << 62);
        var low = rowId % Modulus;
        var high = rowId / Modulus % Modulus;
        var x = ((low * LowMultiplier % Modulus) + (high * HighMultiplier % Modulus) + SeedTerm(seed)) % Modulus;
        foreach (var (multiplier, increment, shift) in Rounds)
        {
            var y = ((x * multiplier) + increment) % Modulus;
            x = y ^ (y >> shift);
        }

        return x;
    }

    /// <summary>
    /// The SQL expressions of the hash in <paramref name="dialect"/>: one per step, each over the column the step
    /// before defines (<paramref name="rowId"/> first); the last one is the hash. Each step is one projection, so
    /// no expression repeats another's text.
    /// </summary>
    /// <param name="dialect">The SQL dialect.</param>
    /// <param name="rowId">The (quoted) column of row ids.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="stepColumn">The name of step i's column, as the caller quotes it.</param>
    public static IReadOnlyList<string> Steps(SqlDialect dialect, string rowId, int seed, Func<int, string> stepColumn)
    {
        ArgumentNullException.ThrowIfNull(stepColumn);
        var div = dialect == SqlDialect.DuckDb ? "//" : "div";
        var steps = new List<string>
        {
            Invariant($"((({rowId} % {Modulus}) * {LowMultiplier} % {Modulus}) + ((({rowId} {div} {Modulus}) % {Modulus}) * {HighMultiplier} % {Modulus}) + {SeedTerm(seed)}) % {Modulus}"),
        };
        for (var i = 0; i < Rounds.Length; i++)
        {
            var (multiplier, increment, shift) = Rounds[i];
            var y = Invariant($"(({stepColumn(i)} * {multiplier} + {increment}) % {Modulus})");
            var shifted = Invariant($"({y} {div} {1L << shift})");
            steps.Add(dialect == SqlDialect.DuckDb ? $"xor({y}, {shifted})" : $"({y} ^ {shifted})");
        }

        return steps;
    }

    // The seed enters as a residue in [0, 2^31 - 1), so a negative seed is as good as a positive one.
    private static long SeedTerm(int seed) => ((seed % Modulus) + Modulus) % Modulus;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
