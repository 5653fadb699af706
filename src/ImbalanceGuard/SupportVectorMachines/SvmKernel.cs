namespace ImbalanceGuard.Models;

/// <summary>The kernel of a <see cref="SupportVectorClassifier"/>.</summary>
public enum SvmKernel
{
    /// <summary>The Gaussian radial basis function, exp(−γ‖x − x′‖²) (scikit-learn's <c>'rbf'</c>).</summary>
    Rbf,

    /// <summary>The plain dot product x·x′ (scikit-learn's <c>'linear'</c>).</summary>
    Linear,
}
