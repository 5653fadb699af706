namespace ImbalanceGuard.Scale;

/// <summary>A feature column that holds one value in every row.</summary>
/// <param name="Name">The column.</param>
/// <param name="Value">Its value: a number written round-trip (<c>R</c>), or the text of a category.</param>
public sealed record ConstantColumn(string Name, string Value);
