using System.Runtime.InteropServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// One node of a fitted tree, 16 bytes. Nodes are stored in depth-first preorder, so a split's left child
/// is the next node and only the right child is stored. A row goes left when its feature value is at most
/// the threshold (scikit-learn's rule). A leaf has <see cref="Feature"/> −1 and <see cref="Next"/> indexes its
/// class distribution.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct TreeNode(double Threshold, int Feature, int Next)
{
    public bool IsLeaf => Feature < 0;
}
