using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The handful of single-precision vector operations the vectorised kernels need (the neighbour engine's
/// brute force, k-means seeding and assignment), so one generic kernel runs on 512-, 256- or 128-bit
/// registers; the JIT specialises it per width at no cost.
/// </summary>
internal interface IFloatLanes<TVector>
    where TVector : struct
{
    static abstract int Count { get; }

    static abstract TVector Load(ref float source);

    static abstract void Store(TVector value, ref float destination);

    static abstract TVector Broadcast(float value);

    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector addend);

    static abstract TVector Add(TVector a, TVector b);

    static abstract TVector Min(TVector a, TVector b);

    /// <summary>One bit per lane where <paramref name="a"/> is at most <paramref name="b"/>.</summary>
    static abstract ulong AtMost(TVector a, TVector b);
}

internal readonly struct Lanes512 : IFloatLanes<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> addend)
    {
#if NET9_0_OR_GREATER
        return Vector512.FusedMultiplyAdd(a, b, addend);
#else
        return Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, addend) : (a * b) + addend;
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AtMost(Vector512<float> a, Vector512<float> b)
        => Vector512.LessThanOrEqual(a, b).ExtractMostSignificantBits();
}

internal readonly struct Lanes256 : IFloatLanes<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend)
    {
#if NET9_0_OR_GREATER
        return Vector256.FusedMultiplyAdd(a, b, addend);
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, addend) : (a * b) + addend;
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AtMost(Vector256<float> a, Vector256<float> b)
        => Vector256.LessThanOrEqual(a, b).ExtractMostSignificantBits();
}

internal readonly struct Lanes128 : IFloatLanes<Vector128<float>>
{
    public static int Count => Vector128<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> addend)
    {
#if NET9_0_OR_GREATER
        return Vector128.FusedMultiplyAdd(a, b, addend);
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, addend)
            : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(addend, a, b)
            : (a * b) + addend;
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Min(Vector128<float> a, Vector128<float> b) => Vector128.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AtMost(Vector128<float> a, Vector128<float> b)
        => Vector128.LessThanOrEqual(a, b).ExtractMostSignificantBits();
}
