namespace ImbalanceGuard.Models;

/// <summary>The growth limits of one tree, already checked.</summary>
internal readonly record struct TreeOptions(int? MaxDepth, int MinSamplesSplit, int MinSamplesLeaf, int MaxFeatures);
