using Jixiao.Core.Forms;

namespace Jixiao.Documents.Execution;

/// <summary>What a column of a budget/treasury export holds (<c>execution-columns.json</c>).</summary>
public enum ExportColumnRole
{
    /// <summary>项目编码: the project's code in the budget system.</summary>
    Code,
    /// <summary>项目名称, shown beside the code.</summary>
    Name,
    /// <summary>年初预算数</summary>
    InitialBudget,
    /// <summary>全年预算数 / 调整后预算: the budget the execution rate is taken on.</summary>
    Budget,
    /// <summary>One month's payments (3月支付数).</summary>
    Monthly,
    /// <summary>Payments from January through a month (1-6月累计支出).</summary>
    Cumulative,
}

/// <summary>A column the reader recognised: its 0-based place, its header as printed, its role and, for months, the month.</summary>
public sealed record ExportColumn(int Index, string Header, ExportColumnRole Role, int? Month);

/// <summary>
/// One project of the export, amounts in 元 whatever the file printed: the rows of one code added up (an export lists a
/// project once per funding source). <see cref="Paid"/> maps a month to the payments from January through it.
/// </summary>
public sealed record ExecutionRow(string Code, string? Name, IReadOnlyList<int> RowNumbers, decimal? InitialBudget, decimal? Budget, IReadOnlyDictionary<int, decimal> Paid);

/// <summary>A row that could not be read, by its row (line) number in the file, and what is wrong with it.</summary>
public sealed record ExecutionRowError(int RowNumber, string Message);

/// <summary>
/// A budget/treasury export read by <see cref="ExecutionExportReader"/>: the money unit it was printed in and why the
/// reader took that unit, the months it covers, the columns it recognised, the projects it read and every row it could not.
/// </summary>
public sealed record ExecutionExport(
    MoneyUnit Unit,
    string UnitBasis,
    int? MonthsCovered,
    int HeaderRow,
    IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<ExecutionRow> Rows,
    IReadOnlyList<ExecutionRowError> Errors);

/// <summary>
/// Choices the importer makes where the file is silent: the money unit (overrides what the file says), and the month
/// through which a "累计支出" column without a month counts.
/// </summary>
public sealed record ExecutionReadOptions(MoneyUnit? Unit = null, int? CumulativeMonth = null);

/// <summary>An export that cannot be read at all (no header, too many rows, not a spreadsheet); one Chinese line.</summary>
public sealed class ExecutionExportException(string message, Exception? inner = null) : Exception(message, inner);
