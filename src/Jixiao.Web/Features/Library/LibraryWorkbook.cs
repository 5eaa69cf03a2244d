using Jixiao.Core.Notation;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Writers.Xlsx;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Web.Features.Library;

/// <summary>
/// The standard indicators as an xlsx list: one header row (一级指标, 二级指标, 三级指标, 指标解释, 计算口径, 标准值,
/// 计量单位, 指标方向), one standard per row. Export writes it; import reads it with the hardened xlsx reader (size,
/// entry and time budgets) and reports every bad cell by row and column before anything is saved.
/// </summary>
public static class LibraryWorkbook
{
    public const string SheetName = "标准指标";

    /// <summary>Most standards one workbook holds (import refuses more; export stops there).</summary>
    public const int MostRows = 5_000;

    public static readonly IReadOnlyList<string> Headers = ["一级指标", "二级指标", "三级指标", "指标解释", "计算口径", "标准值", "计量单位", "指标方向"];

    private static readonly double[] Widths = [14, 18, 30, 50, 40, 14, 10, 10];

    /// <summary>The directions as the workbook writes them.</summary>
    private static readonly Direction[] Directions = [Direction.Positive, Direction.Reverse, Direction.Equality, Direction.Within, Direction.Qualitative];

    public static byte[] Write(IEnumerable<StandardIndicator> standards)
    {
        using var output = new MemoryStream();
        TableWorkbook.Write(output, SheetName, Headers, Widths, standards.Select(s => (IReadOnlyList<string>)
            [s.Level1, s.Level2, s.Name, s.Definition ?? "", s.Method ?? "", s.StandardValue ?? "", s.Unit ?? "", s.Direction == Direction.None ? "" : s.Direction.ChineseName()]));
        return output.ToArray();
    }

    /// <summary>The rows read, or what is wrong where (“第 5 行 C 列（三级指标）：不能为空”); never both used.</summary>
    public sealed record Reading(IReadOnlyList<StandardIndicatorRequest> Rows, IReadOnlyList<string> Errors);

    /// <summary>A field of a request that breaks a rule the annotations cannot state.</summary>
    public sealed record FieldProblem(string Field, string Message);

    /// <summary>Rules beyond the contract's bounds: a name must leave something once normalised.</summary>
    public static FieldProblem? Problem(StandardIndicatorRequest request) =>
        FormStore.NormaliseName(request.Name) is null ? new FieldProblem("name", "指标名称不能只有标点或空格") : null;

    /// <summary>Reads the first sheet that has the header row. Throws <see cref="Documents.Reading.DocumentReadException"/> for a file that is no workbook.</summary>
    public static Reading Read(byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content, writable: false);
        var document = XlsxReader.Read(stream, fileName);
        foreach (var grid in document.Blocks.OfType<CellGrid>())
        {
            var byRow = grid.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key).ToList();
            var header = byRow.FirstOrDefault(r => r.Any(c => Clean(c.Text) is "三级指标" or "指标名称"));
            if (header is null) continue;
            return ReadRows(grid.Sheet, header.ToList(), byRow.Where(r => r.Key > header.Key).ToList());
        }
        return new Reading([], [$"没有找到表头行：第一行应为“{string.Join("、", Headers)}”（可先导出一份作为模板）"]);
    }

    private static Reading ReadRows(string? sheet, List<Cell> header, List<IGrouping<int, Cell>> rows)
    {
        var errors = new List<string>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in header)
        {
            var name = Clean(cell.Text) == "指标名称" ? "三级指标" : Clean(cell.Text);
            if (Headers.Contains(name)) columns.TryAdd(name, cell.Column);
        }
        foreach (var required in new[] { "一级指标", "三级指标" })
            if (!columns.ContainsKey(required)) errors.Add($"表头缺少“{required}”列");
        if (errors.Count > 0) return new Reading([], errors);
        var where = sheet is null ? "" : $"工作表“{sheet}”";
        var read = new List<StandardIndicatorRequest>();
        var keys = new Dictionary<(string, string, string), int>();
        foreach (var row in rows)
        {
            var line = row.Key + 1;
            string? Get(string name) => columns.TryGetValue(name, out var c) ? row.FirstOrDefault(x => x.Column == c)?.Text is { } t && t.Trim().Length > 0 ? t.Trim() : null : null;
            string At(string name) => $"{where}第 {line} 行 {TableWorkbook.ColumnName(columns[name] + 1)} 列（{name}）";
            if (Headers.All(h => Get(h) is null)) continue;
            if (read.Count + errors.Count >= MostRows)
            {
                errors.Add($"一个文件最多 {MostRows} 个标准指标");
                break;
            }
            var before = errors.Count;
            Direction? direction = null;
            if (Get("指标方向") is { } d)
            {
                direction = Directions.Cast<Direction?>().FirstOrDefault(x => x!.Value.ChineseName() == d || string.Equals(x.Value.ToString(), d, StringComparison.OrdinalIgnoreCase));
                if (direction is null) errors.Add($"{At("指标方向")}：“{d}”不是指标方向，应为{string.Join("、", Directions.Select(x => x.ChineseName()))}之一");
            }
            var request = new StandardIndicatorRequest(Get("一级指标") ?? "", Get("二级指标"), Get("三级指标") ?? "", Get("指标解释"), Get("计算口径"), Get("标准值"), Get("计量单位"), direction);
            foreach (var error in Contracts.ContractValidation.Validate(request))
            {
                var field = error.Path.TrimStart('$', '.');
                var name = field switch
                {
                    "level1" => "一级指标", "level2" => "二级指标", "name" => "三级指标", "definition" => "指标解释", "method" => "计算口径",
                    "standardValue" => "标准值", "unit" => "计量单位", _ => "指标方向",
                };
                errors.Add($"{(columns.ContainsKey(name) ? At(name) : $"{where}第 {line} 行（{name}）")}：{error.Message}");
            }
            if (errors.Count == before && Problem(request) is { } problem) errors.Add($"{At("三级指标")}：{problem.Message}");
            if (errors.Count > before) continue;
            var key = (request.Level1, request.Level2 ?? "", FormStore.NormaliseName(request.Name)!);
            if (keys.TryGetValue(key, out var first))
            {
                errors.Add($"{At("三级指标")}：与第 {first} 行是同一指标（{request.Level1} › {request.Level2} › {request.Name}）");
                continue;
            }
            keys[key] = line;
            read.Add(request);
        }
        if (read.Count == 0 && errors.Count == 0) errors.Add("表头下没有标准指标");
        return new Reading(errors.Count > 0 ? [] : read, errors);
    }

    private static string Clean(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
