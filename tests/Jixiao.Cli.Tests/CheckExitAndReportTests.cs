using DocumentFormat.OpenXml.Packaging;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

public sealed class CheckExitAndReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string CleanForm =
        "2020年项目支出绩效自评表\n" +
        "项目名称\t政务云运维\n主管部门\t某市大数据中心\t实施单位\t某市大数据中心\n" +
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
        "\t年度资金总额\t100\t100\t95\t10\t95.00%\t9.5\n" +
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
        "产出指标\t数量指标\t上云系统数\t≥50个\t52个\t50\t50\t\n" +
        "效益指标\t社会效益指标\t系统可用率\t≥99%\t99.5%\t30\t30\t\n" +
        "满意度指标\t服务对象满意度指标\t使用单位满意度\t≥90%\t95%\t10\t10\t\n" +
        "总分\t\t\t\t\t100\t99.5\t\n";

    [Fact]
    public void A_wrong_rate_exits_one_with_the_finding_in_the_text_report()
    {
        Assert.Equal(0, CliRun.Run("check", Write("clean.txt", CleanForm)).ExitCode);
        var result = CliRun.Run("check", Write("wrong.txt", CleanForm.Replace("95.00%", "59.00%", StringComparison.Ordinal)));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[错误] execution-rate-mismatch", result.Output);
    }

    [Fact]
    public void The_findings_report_is_a_workbook_with_one_row_per_finding()
    {
        var report = Path.Combine(_dir, "findings.xlsx");
        var result = CliRun.Run("check", RepoPaths.Seed("003"), "--report", report);
        Assert.Equal(1, result.ExitCode);
        using var workbook = SpreadsheetDocument.Open(report, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        var findingLines = result.Output.Split('\n').Count(l => l.TrimStart().StartsWith('[') && !l.Contains("读取说明", StringComparison.Ordinal));
        Assert.Equal(findingLines + 1, rows); // header + one row per finding
    }

    [Fact]
    public void A_user_rulebook_file_is_used_and_a_broken_one_names_its_field()
    {
        var broken = Write("broken.json", "{ \"name\": \"x\" }");
        var result = CliRun.Run("check", RepoPaths.Seed("000"), "--rulebook", broken);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.json", result.Error);
        Assert.Contains("字段", result.Error);

        var missing = CliRun.Run("check", RepoPaths.Seed("000"), "--rulebook", "no-such-rules");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("没有这个内置规则", missing.Error);
    }

    [Fact]
    public void A_built_in_rulebook_is_chosen_by_name()
    {
        var result = CliRun.Run("check", RepoPaths.Seed("002"), "--rulebook", "hunan-2020", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"rulebook\": \"hunan-2020\"", result.Output);
    }

    [Fact]
    public void Export_is_reachable_from_the_command_line_and_writes_workbooks_of_a_read_document()
    {
        var output = Path.Combine(_dir, "out");
        var result = CliRun.Run("export", RepoPaths.Seed("003"), "--format", "xlsx", "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7, Directory.GetFiles(output, "*.xlsx").Length);
    }
}
