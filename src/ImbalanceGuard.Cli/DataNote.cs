namespace ImbalanceGuard.Cli;

/// <summary>One thing <c>inspect</c> and the report notice about a data file's columns or rows.</summary>
/// <param name="Kind"><c>id-column</c>, <c>time-column</c>, <c>constant-column</c> or <c>conflicting-duplicates</c>.</param>
/// <param name="Column">The column it is about, or null for rows.</param>
/// <param name="Message">One sentence: what was found and what to do.</param>
internal sealed record DataNote(string Kind, string? Column, string Message);
