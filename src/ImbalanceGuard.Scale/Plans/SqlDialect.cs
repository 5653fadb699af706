namespace ImbalanceGuard.Scale;

/// <summary>The SQL a <see cref="TablePlan"/> is rendered to.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB SQL: what the tool executes, in process.</summary>
    DuckDb,

    /// <summary>Spark SQL (Apache Spark 3.5 and 4): rendered for a cluster; not executed by this project.</summary>
    Spark,
}
