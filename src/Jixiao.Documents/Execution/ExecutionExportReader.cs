using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Execution;

/// <summary>
/// Reads a budget or treasury system's export (xlsx, or CSV in UTF-8 or GB18030 as Chinese systems write it) of budgets
/// and payments by project code and month. Exports differ in column order and names, so columns are recognised by role
/// from the vocabulary in <c>execution-columns.json</c>; the money unit comes from the importer, the headers or a
/// "单位：万元" line above them, and is stated with its basis. Every row that cannot be read is reported with its row
/// number and what is wrong; the others are read. Bounded: <see cref="MaxRows"/> rows, the readers' limits for xlsx, a
/// record size for CSV, and amounts within <see cref="DomainRanges.MaxAmount"/> added with checked arithmetic.
/// </summary>
public static partial class ExecutionExportReader
{
    /// <summary>Most data rows one export may have: a province's project list is a few thousand rows a county.</summary>
    public const int MaxRows = 20_000;

    /// <summary>
    /// Most columns of an export sheet: code, name, budgets and a paid column or two per month are a few dozen. Each row
    /// is laid out as wide as its last cell, so one cell in column XFD on every row of a tiny workbook would otherwise
    /// ask for gigabytes.
    /// </summary>
    public const int MaxColumns = 512;

    /// <summary>Rows above the header that may hold a title and a "单位：万元" line.</summary>
    private const int HeaderSearchRows = 30;

    /// <summary>Longest CSV record, in bytes (an unclosed quote must not swallow the file).</summary>
    private const int MaxRecordBytes = 64 * 1024;

    private static readonly Vocabulary Words = Vocabulary.Load();

    /// <summary>The kinds of file this reader takes, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".xlsx"];

    /// <summary>The column names recognised, by role, for messages that say what a header should be called.</summary>
    public static string KnownHeaders =>
        $"项目编码列：{string.Join("、", Words.Code)}；预算列：{string.Join("、", Words.Budget.Concat(Words.InitialBudget))}；" +
        $"支付列：“N月”加{string.Join("、", Words.Monthly)}，或“1-N月”加{string.Join("、", Words.Cumulative)}";

    public static ExecutionExport Read(byte[] bytes, string fileName, ExecutionReadOptions? options = null)
    {
        options ??= new ExecutionReadOptions();
        if (bytes.Length == 0) throw new ExecutionExportException($"“{fileName}”是空文件。");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".csv" => CsvRows(bytes),
            ".xlsx" => XlsxRows(bytes, fileName),
            _ => throw new ExecutionExportException($"“{fileName}”不是 xlsx 或 CSV 文件。请从预算执行系统导出为 xlsx 或 CSV 后上传。"),
        };
        return Recognise(rows, options);
    }

    /// <summary>One row of the file: its 1-based number as a spreadsheet or text editor shows it, and its cells in order.</summary>
    private sealed record RawRow(int Number, IReadOnlyList<string> Cells);

    private static List<RawRow> CsvRows(byte[] bytes)
    {
        var text = Decode(bytes);
        var rows = new List<RawRow>();
        try
        {
            using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions
            {
                HasHeader = false,
                TrackLineNumbers = true,
                MaxRecordSize = MaxRecordBytes,
                FormatProvider = CultureInfo.InvariantCulture,
            });
            while (csv.Read())
            {
                if (rows.Count > MaxRows + HeaderSearchRows) throw TooManyRows();
                if (csv.FieldCount > MaxColumns)
                    throw new ExecutionExportException($"CSV 文件第 {csv.LineNumber} 行有 {csv.FieldCount} 列，超过 {MaxColumns} 列的上限：这不是预算执行系统的导出表。");
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
                rows.Add(new RawRow((int)csv.LineNumber, cells));
            }
        }
        catch (ExecutionExportException)
        {
            throw;
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or InvalidOperationException)
        {
            throw new ExecutionExportException($"CSV 文件格式有误（第 {rows.Count + 1} 条记录附近）：引号不配对或一行过长。", e);
        }
        return rows;
    }

    /// <summary>UTF-8 (with or without its mark) when the bytes are valid UTF-8, else GB18030, as Chinese Windows saves.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return utf8.Length > 0 && utf8[0] == '\uFEFF' ? utf8[1..] : utf8;
        }
        catch (DecoderFallbackException)
        {
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ExecutionExportException("无法识别 CSV 文件的编码（既不是 UTF-8 也不是 GB18030）。请另存为 UTF-8 编码的 CSV 后上传。", e);
        }
    }

    private static List<RawRow> XlsxRows(byte[] bytes, string fileName)
    {
        ReadDocument document;
        try
        {
            document = XlsxReader.Read(new MemoryStream(bytes, writable: false), fileName, ReadLimits.Default with { MaxRows = MaxRows + HeaderSearchRows + 1, MaxColumns = MaxColumns });
        }
        catch (DocumentReadException e)
        {
            throw new ExecutionExportException(e.Limit == ReadLimit.Rows ? TooManyRows().Message : $"“{fileName}”：{e.Message}。", e);
        }
        // The first sheet with a recognisable header is the export; a cover sheet or notes before it are passed over.
        foreach (var grid in document.Blocks.OfType<CellGrid>())
        {
            var rows = grid.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key).Select(g =>
            {
                var width = g.Max(c => c.Column) + 1;
                var cells = new string[width];
                Array.Fill(cells, "");
                foreach (var c in g) cells[c.Column] = c.Text;
                return new RawRow(g.Key + 1, cells);
            }).ToList();
            if (FindHeader(rows) is not null) return rows;
        }
        return [];
    }

    private static ExecutionExportException TooManyRows() =>
        new($"导出文件超过 {MaxRows} 行数据。请按主管部门或单位分批导出后分别导入。");

    private static ExecutionExport Recognise(List<RawRow> rows, ExecutionReadOptions options)
    {
        if (FindHeader(rows) is not var (headerAt, columns))
            throw new ExecutionExportException($"找不到表头：导出表需要一列项目编码和至少一列预算数或支付数。可识别的列名：{KnownHeaders}。");
        var header = rows[headerAt];
        if (rows.Count - headerAt - 1 > MaxRows) throw TooManyRows();

        var cumulativeWithoutMonth = columns.Where(c => c.Role == ExportColumnRole.Cumulative && c.Month is null).ToList();
        if (cumulativeWithoutMonth.Count > 0)
        {
            if (options.CumulativeMonth is not { } through)
                throw new ExecutionExportException($"“{cumulativeWithoutMonth[0].Header}”列没有注明截至几月。请在导入时选择截至月份，或把列名改为“1-6月累计支出”这样的形式。");
            columns = columns.Select(c => c.Role == ExportColumnRole.Cumulative && c.Month is null ? c with { Month = through } : c).ToList();
        }
        if (columns.GroupBy(c => (c.Role, c.Month)).FirstOrDefault(g => g.Count() > 1 && g.Key.Role != ExportColumnRole.Name) is { } twice)
            throw new ExecutionExportException($"表头中“{twice.First().Header}”和“{twice.Skip(1).First().Header}”是同一含义的两列，无法判断以哪一列为准。请删去其中一列后再导入。");

        var (unit, basis) = Unit(rows, headerAt, columns, options);
        var months = MonthsCovered(columns);
        var byCode = new Dictionary<string, Accumulated>(StringComparer.Ordinal);
        var order = new List<string>();
        var errors = new List<ExecutionRowError>();
        var code = columns.Single(c => c.Role == ExportColumnRole.Code);
        var name = columns.FirstOrDefault(c => c.Role == ExportColumnRole.Name);

        for (var r = headerAt + 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            var codeText = Code(Cell(row, code.Index));
            var nameText = name is null ? null : Clean(Cell(row, name.Index));
            if (IsTotal(codeText) || (codeText.Length == 0 && nameText is not null && IsTotal(nameText))) continue;
            if (codeText.Length == 0)
            {
                errors.Add(new ExecutionRowError(row.Number, $"第 {row.Number} 行没有项目编码（“{code.Header}”列为空），无法对应到项目。"));
                continue;
            }
            if (codeText.Length > 64)
            {
                errors.Add(new ExecutionRowError(row.Number, $"第 {row.Number} 行的项目编码超过 64 个字符，不像项目编码。"));
                continue;
            }
            var amounts = new Dictionary<ExportColumn, decimal>();
            var problems = new List<string>();
            foreach (var column in columns.Where(c => c.Role is not (ExportColumnRole.Code or ExportColumnRole.Name)))
            {
                var text = Cell(row, column.Index);
                switch (Amount(text, unit, out var yuan))
                {
                    case AmountReading.Blank:
                        if (column.Role is ExportColumnRole.Monthly or ExportColumnRole.Cumulative) amounts[column] = 0m;
                        break;
                    case AmountReading.Number when column.Role is ExportColumnRole.Budget or ExportColumnRole.InitialBudget or ExportColumnRole.Cumulative && yuan < 0m:
                        problems.Add($"“{column.Header}”为负数（{Clean(text)}）");
                        break;
                    case AmountReading.Number:
                        amounts[column] = yuan;
                        break;
                    case AmountReading.OutOfRange:
                        problems.Add($"“{column.Header}”的“{Clean(text)}”超出合理范围");
                        break;
                    case AmountReading.NotANumber:
                        problems.Add($"“{column.Header}”的“{Clean(text)}”不是金额");
                        break;
                }
            }
            if (problems.Count > 0)
            {
                errors.Add(new ExecutionRowError(row.Number, $"第 {row.Number} 行（项目编码 {codeText}）：{string.Join("；", problems)}。"));
                continue;
            }
            if (!byCode.TryGetValue(codeText, out var sum))
            {
                byCode[codeText] = sum = new Accumulated(nameText);
                order.Add(codeText);
            }
            if (!sum.Add(row.Number, amounts, columns, months))
                errors.Add(new ExecutionRowError(row.Number, $"第 {row.Number} 行（项目编码 {codeText}）与同一编码的前几行合计后超出合理范围，未计入。"));
        }

        var read = order.Select(c => byCode[c].ToRow(c)).Where(r => r.RowNumbers.Count > 0).ToList();
        return new ExecutionExport(unit, basis, months, header.Number, columns, read, errors);
    }

    private sealed class Accumulated(string? name)
    {
        public string? Name { get; } = name;
        public List<int> RowNumbers { get; } = [];
        public decimal? InitialBudget { get; private set; }
        public decimal? Budget { get; private set; }
        public SortedDictionary<int, decimal> Paid { get; } = [];

        /// <summary>Adds one row; false (and nothing added) when a sum would leave the range any amount may have.</summary>
        public bool Add(int rowNumber, Dictionary<ExportColumn, decimal> amounts, IReadOnlyList<ExportColumn> columns, int? months)
        {
            try
            {
                decimal? initial = InitialBudget, budget = Budget;
                // This row's payments through each month: monthly payments as a running total, a cumulative column as printed.
                var own = new SortedDictionary<int, decimal>();
                var monthly = amounts.Where(a => a.Key.Role == ExportColumnRole.Monthly).ToDictionary(a => a.Key.Month!.Value, a => a.Value);
                if (monthly.Count > 0 && months is { } through)
                {
                    var running = 0m;
                    for (var m = 1; m <= through; m++)
                    {
                        running = checked(running + monthly.GetValueOrDefault(m));
                        own[m] = running;
                    }
                }
                foreach (var (column, value) in amounts)
                {
                    if (column.Role == ExportColumnRole.InitialBudget) initial = checked((initial ?? 0m) + value);
                    else if (column.Role == ExportColumnRole.Budget) budget = checked((budget ?? 0m) + value);
                    else if (column.Role == ExportColumnRole.Cumulative) own[column.Month!.Value] = value;
                }
                var paid = new SortedDictionary<int, decimal>(Paid);
                foreach (var (m, v) in own) paid[m] = checked(paid.GetValueOrDefault(m) + v);
                if (!DomainRanges.IsAmount(initial) || !DomainRanges.IsAmount(budget) || paid.Values.Any(v => !DomainRanges.IsAmount(v))) return false;
                InitialBudget = initial;
                Budget = budget;
                Paid.Clear();
                foreach (var (m, v) in paid) Paid[m] = v;
                RowNumbers.Add(rowNumber);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        public ExecutionRow ToRow(string code) => new(code, Name, RowNumbers, InitialBudget, Budget, new SortedDictionary<int, decimal>(Paid));
    }

    /// <summary>
    /// The months the payments cover: the last of an unbroken run of month columns from January (monthly payments), or
    /// the latest month a cumulative column reaches. Null when the export has no payment columns.
    /// </summary>
    private static int? MonthsCovered(IReadOnlyList<ExportColumn> columns)
    {
        var monthly = columns.Where(c => c.Role == ExportColumnRole.Monthly).Select(c => c.Month!.Value).ToHashSet();
        var cumulative = columns.Where(c => c.Role == ExportColumnRole.Cumulative).Select(c => c.Month!.Value).ToList();
        var run = 0;
        while (monthly.Contains(run + 1)) run++;
        var latest = Math.Max(run, cumulative.Count > 0 ? cumulative.Max() : 0);
        return latest > 0 ? latest : null;
    }

    private static (int Row, List<ExportColumn> Columns)? FindHeader(List<RawRow> rows)
    {
        for (var r = 0; r < Math.Min(rows.Count, HeaderSearchRows); r++)
        {
            var columns = new List<ExportColumn>();
            var cells = rows[r].Cells;
            for (var i = 0; i < cells.Count; i++)
                if (Classify(cells[i]) is var (role, month)) columns.Add(new ExportColumn(i, Clean(cells[i]), role, month));
            if (columns.Count(c => c.Role == ExportColumnRole.Code) == 1 && columns.Any(c => c.Role is not (ExportColumnRole.Code or ExportColumnRole.Name)))
                return (r, columns);
        }
        return null;
    }

    /// <summary>A header's role by the longest vocabulary term it contains; month columns must name their month.</summary>
    private static (ExportColumnRole Role, int? Month)? Classify(string header)
    {
        var text = Fold(header);
        if (text.Length == 0) return null;
        var best = Words.Terms.Where(t => text.Contains(t.Term, StringComparison.Ordinal)).OrderByDescending(t => t.Term.Length).FirstOrDefault();
        if (best.Term is null) return null;
        switch (best.Role)
        {
            case ExportColumnRole.Monthly:
                // "1-6月执行数" is a cumulative figure, not June's; "6月支付数" is June's.
                if (RangeMonth(text) is { } through) return (ExportColumnRole.Cumulative, through);
                return SingleMonth(text) is { } month ? (ExportColumnRole.Monthly, month) : null;
            case ExportColumnRole.Cumulative:
                return (ExportColumnRole.Cumulative, RangeMonth(text) ?? SingleMonth(text));
            default:
                return (best.Role, null);
        }
    }

    private static int? RangeMonth(string text) =>
        RangeMonthPattern().Match(text) is { Success: true } m ? Month(m.Groups["to"].Value) : null;

    private static int? SingleMonth(string text) =>
        SingleMonthPattern().Match(text) is { Success: true } m ? Month(m.Groups["m"].Value) : null;

    private static readonly string[] ChineseMonths = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    private static int? Month(string text)
    {
        var month = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(ChineseMonths, text) + 1;
        return month is >= 1 and <= 12 ? month : null;
    }

    [GeneratedRegex(@"(?:1|一)(?:月)?[-–—~～至到](?<to>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月")]
    private static partial Regex RangeMonthPattern();

    [GeneratedRegex(@"(?:截至|截止|至)?(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月")]
    private static partial Regex SingleMonthPattern();

    private enum AmountReading { Blank, Number, NotANumber, OutOfRange }

    /// <summary>An amount as printed ("1,234.56", "-", "1234.56万元"), in 元 of the export's unit.</summary>
    private static AmountReading Amount(string text, MoneyUnit unit, out decimal yuan)
    {
        yuan = 0m;
        var t = Clean(text).Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (t.Length == 0 || t is "-" or "—" or "--") return AmountReading.Blank;
        if (t.EndsWith("万元", StringComparison.Ordinal) && unit == MoneyUnit.TenThousandYuan) t = t[..^2];
        else if (t.EndsWith('元') && !t.EndsWith("万元", StringComparison.Ordinal) && unit == MoneyUnit.Yuan) t = t[..^1];
        if (t.Length > 40 || !decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return AmountReading.NotANumber;
        if (!DomainRanges.IsAmount(value)) return AmountReading.OutOfRange;
        yuan = unit.ToYuan(value);
        return DomainRanges.IsAmount(yuan) ? AmountReading.Number : AmountReading.OutOfRange;
    }

    private static (MoneyUnit Unit, string Basis) Unit(List<RawRow> rows, int headerAt, IReadOnlyList<ExportColumn> columns, ExecutionReadOptions options)
    {
        if (options.Unit is { } chosen) return (chosen, $"导入时选择的“{chosen.Symbol()}”");
        var stated = columns.Where(c => c.Role is not (ExportColumnRole.Code or ExportColumnRole.Name))
            .Select(c => (c.Header, Unit: MoneyUnits.Detect(c.Header))).Where(c => c.Unit is not null).ToList();
        if (stated.Select(s => s.Unit).Distinct().Count() > 1)
            throw new ExecutionExportException($"表头中的金额单位不一致（“{stated.First(s => s.Unit == MoneyUnit.Yuan).Header}”与“{stated.First(s => s.Unit == MoneyUnit.TenThousandYuan).Header}”）。请统一单位，或在导入时选择单位。");
        if (stated.Count > 0) return (stated[0].Unit!.Value, $"表头“{stated[0].Header}”");
        for (var r = 0; r < headerAt; r++)
            foreach (var cell in rows[r].Cells)
                if (cell.Contains("单位", StringComparison.Ordinal) && MoneyUnits.Detect(cell) is { } above)
                    return (above, $"表头上方“{cell.Trim()}”");
        return (MoneyUnit.Yuan, "表中未注明金额单位，按“元”读取（如为万元，请在导入时选择单位）");
    }

    private static string Cell(RawRow row, int index) => index < row.Cells.Count ? row.Cells[index] ?? "" : "";

    private static string Clean(string? text) => (text ?? "").Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>A code as the budget system prints it; Excel-protected forms ('0101, ="0101") lose their protection.</summary>
    private static string Code(string text)
    {
        var t = Clean(text);
        if (t.StartsWith("=\"", StringComparison.Ordinal) && t.EndsWith('"')) t = t[2..^1];
        return t.TrimStart('\'').Trim();
    }

    private static bool IsTotal(string text) => Words.TotalLabels.Contains(Fold(text));

    /// <summary>A header for matching: NFKC, no whitespace, no bracketed money unit.</summary>
    private static string Fold(string text)
    {
        var folded = UnitInBrackets().Replace(Clean(text), "");
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
    }

    [GeneratedRegex(@"[(\[【]?\s*(?:金额)?(?:单位)?[:：]?\s*万?元\s*[)\]】]?")]
    private static partial Regex UnitInBrackets();

    private sealed record Vocabulary(
        IReadOnlyList<string> Code, IReadOnlyList<string> Name, IReadOnlyList<string> InitialBudget, IReadOnlyList<string> Budget,
        IReadOnlyList<string> Monthly, IReadOnlyList<string> Cumulative, IReadOnlySet<string> TotalLabels)
    {
        public IReadOnlyList<(string Term, ExportColumnRole Role)> Terms { get; } =
            Code.Select(t => (t, ExportColumnRole.Code)).Concat(Name.Select(t => (t, ExportColumnRole.Name)))
                .Concat(InitialBudget.Select(t => (t, ExportColumnRole.InitialBudget))).Concat(Budget.Select(t => (t, ExportColumnRole.Budget)))
                .Concat(Monthly.Select(t => (t, ExportColumnRole.Monthly))).Concat(Cumulative.Select(t => (t, ExportColumnRole.Cumulative))).ToList();

        public static Vocabulary Load()
        {
            using var stream = typeof(ExecutionExportReader).Assembly.GetManifestResourceStream("Jixiao.Documents.Execution.execution-columns.json")
                ?? throw new InvalidOperationException("execution-columns.json is not embedded.");
            using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            List<string> Terms(string name) => json.RootElement.GetProperty(name).EnumerateArray().Select(e => Fold(e.GetString()!)).ToList();
            return new Vocabulary(Terms("code"), Terms("name"), Terms("initialBudget"), Terms("budget"), Terms("monthly"), Terms("cumulative"),
                Terms("totalLabels").ToHashSet(StringComparer.Ordinal));
        }
    }
}
