namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The error bound that lets a single-precision pass decide which pairs need an exact double-precision distance
/// (the brute-force search, k-means++ seeding, Lloyd's iterations). On data centred in double precision, the
/// squared distance computed in single precision as ‖a‖² + ‖b‖² − 2a·b is within m(‖a‖ + ‖b‖)² of the exact one,
/// m = (2d + 16)u with u = 2⁻²⁴: input rounding, the d-term dot product, the norms and the final combination,
/// with a factor of about two to spare. Each pair's bound uses its own two norms: one bound from the largest
/// norm of all points lets a few far-out rows (a feature ranging to ±26 000 in otherwise small data) make every
/// pair a candidate.
/// </summary>
internal static class SinglePrecisionBound
{
    /// <summary>
    /// s = 2m + 16u. Since (‖a‖ + ‖b‖)² ≤ 2(‖a‖² + ‖b‖²), the approximate distance less s(‖a‖² + ‖b‖²) is a lower
    /// bound of the exact one, and computing it with both squared norms scaled by 1 − s costs nothing in the
    /// kernel (the 16u covers that scaling's roundings and the kernel's last two); the lower bound plus
    /// 2s(‖a‖² + ‖b‖²) is an upper bound.
    /// </summary>
    public static double Slack(int dimensions)
    {
        var u = Math.Pow(2, -24);
        return (2 * ((2.0 * dimensions) + 16) * u) + (16 * u);
    }
}
