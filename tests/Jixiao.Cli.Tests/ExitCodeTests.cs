using System.Text.Json;
using Jixiao.Cli.Check;
using Jixiao.Core.Checks;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Exit codes stay meaningful whatever the batch holds: 0 clean, 1 error findings, 2 a file unread, 3 our own defect; every
/// file of the batch is reported, and no stack trace reaches the terminal.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // The two-line report of issue 14: a share of a whole of 0 used to divide by zero and end the whole batch.
    private const string ZeroWholeReport =
        "某某局2020年度部门整体支出绩效自评报告\n" +
        "年末资产合计数0万元，其中无形资产179.24万元，占比98.93%。\n";

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

    private static JsonElement[] Files(CliResult result) => [.. result.Json.GetProperty("files").EnumerateArray()];

    private static IEnumerable<string?> Codes(JsonElement file) =>
        file.GetProperty("forms").EnumerateArray().SelectMany(f => f.GetProperty("findings").EnumerateArray()).Select(f => f.GetProperty("code").GetString());

    private static void NoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zero_whole_report_beside_a_clean_table_gives_a_share_finding_for_one_and_nothing_for_the_other_and_exits_1()
    {
        Write("a-report.txt", ZeroWholeReport);
        Write("b-clean.txt", CleanForm);

        var result = CliRun.Run("check", _dir, "--format", "json");

        Assert.Equal(ExitCodes.ErrorFindings, result.ExitCode);
        Assert.Equal("", result.Error);
        NoStackTrace(result);
        var files = Files(result);
        Assert.Equal(2, files.Length);
        var share = files[0].GetProperty("forms")[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == CheckCodes.ShareMismatch);
        Assert.Equal("98.93%", share.GetProperty("stated").GetString());
        Assert.Contains("总数为0", share.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Codes(files[1]));
    }

    [Fact]
    public void An_unreadable_file_exits_2_with_one_chinese_line_and_the_other_files_are_still_checked()
    {
        File.WriteAllBytes(Path.Combine(_dir, "a-empty.txt"), []);
        Write("b-report.txt", ZeroWholeReport);

        var result = CliRun.Run("check", _dir, "--format", "json");

        Assert.Equal(ExitCodes.Unreadable, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(Path.Combine(_dir, "a-empty.txt") + ": ", line, StringComparison.Ordinal);
        Assert.Contains("为空", line, StringComparison.Ordinal);
        NoStackTrace(result);
        Assert.Contains(CheckCodes.ShareMismatch, Codes(Files(result)[1]));
    }

    [Fact]
    public void Amounts_no_budget_could_hold_are_findings_of_their_own_and_not_a_crash()
    {
        Write("huge.txt", CleanForm.Replace("\t100\t100\t95\t10\t95.00%\t9.5", "\t100\t0.0000001\t79228162514264337593543950335\t10\t95.00%\t9.5", StringComparison.Ordinal));

        var result = CliRun.Run("check", _dir, "--format", "json");

        Assert.Equal(ExitCodes.ErrorFindings, result.ExitCode);
        NoStackTrace(result);
        var findings = Files(result)[0].GetProperty("forms")[0].GetProperty("findings").EnumerateArray().ToList();
        var outOfRange = Assert.Single(findings, f => f.GetProperty("code").GetString() == CheckCodes.ValueOutOfRange);
        Assert.Equal("全年执行数", outOfRange.GetProperty("location").GetProperty("field").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("code").GetString() is CheckCodes.InternalError or CheckCodes.ExecutionRateMismatch);
    }

    private sealed class FailingRule : ICheckRule
    {
        public string Code => "failing-rule";

        public IEnumerable<Finding> Check(CheckContext context) => throw new InvalidOperationException("a defect");
    }

    [Fact]
    public void A_rule_that_fails_exits_3_and_every_file_is_still_reported_with_the_other_rules_findings()
    {
        Write("a-report.txt", ZeroWholeReport);
        Write("b-wrong.txt", CleanForm.Replace("95.00%", "59.00%", StringComparison.Ordinal));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new CheckSettings(Rulebooks.Default, Json: true) { Rules = [.. Checker.Rules, new FailingRule()] };

        var code = CheckCommand.Run([_dir], settings, output, error);

        var result = new CliResult(code, output.ToString(), error.ToString());
        Assert.Equal(ExitCodes.InternalError, result.ExitCode);
        NoStackTrace(result);
        var files = Files(result);
        Assert.Equal(2, files.Length);
        Assert.Contains(CheckCodes.ShareMismatch, Codes(files[0]));
        Assert.Contains(CheckCodes.ExecutionRateMismatch, Codes(files[1]));
        foreach (var file in files)
        {
            var internalError = file.GetProperty("forms")[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == CheckCodes.InternalError);
            Assert.Equal("warning", internalError.GetProperty("severity").GetString());
            Assert.Contains("检查规则“failing-rule”内部错误", internalError.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_lists_every_exit_code()
    {
        var help = CliRun.Run("check", "--help");
        Assert.Equal(0, help.ExitCode);
        var text = string.Concat(help.Output.Where(c => !char.IsWhiteSpace(c)));
        foreach (var code in new[] { "0没有错误类问题", "1发现错误类问题", "2有文件无法读取", "3内部错误" })
            Assert.Contains(code, text, StringComparison.Ordinal);
    }
}
