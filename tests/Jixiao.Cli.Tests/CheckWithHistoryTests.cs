namespace Jixiao.Cli.Tests;

/// <summary><c>jixiao check FILE --history DIR</c>: this year's form against last year's form of the same project.</summary>
public sealed class CheckWithHistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-history-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A one-project self-evaluation in HTML, as published: 网络可用率 with the given target and actual.</summary>
    private string Write(string folder, int year, string target, string actual)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, folder)).FullName;
        var path = Path.Combine(dir, $"{year}.html");
        File.WriteAllText(path, $"""
            <html><head><meta charset="utf-8"></head><body>
            <p>项目支出绩效自评表</p><p>（{year}年度）</p>
            <table>
            <tr><td>项目名称</td><td colspan="3">电子政务外网链路租赁</td><td>实施单位</td><td colspan="3">某市数据资源中心</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
            <tr><td>年度资金总额</td><td>403.00</td><td>403.00</td><td>403</td><td>10</td><td>100.00%</td><td>10</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>覆盖单位数</td><td>≥300个</td><td>300个</td><td>50</td><td>50</td><td></td></tr>
            <tr><td>质量指标</td><td>网络可用率</td><td>{target}</td><td>{actual}</td><td>40</td><td>40</td><td></td></tr>
            <tr><td colspan="5">总分</td><td>100</td><td>100</td><td></td></tr>
            </table></body></html>
            """);
        return path;
    }

    [Fact]
    public void A_target_set_below_last_years_actual_is_flagged_and_the_history_itself_is_not_listed()
    {
        var lastYear = Write("2020", 2020, "≥99.9%", "99.95%");
        var thisYear = Write("2021", 2021, "≥99.9%", "99.97%");

        var result = CliRun.Run("check", thisYear, "--history", Path.GetDirectoryName(lastYear)!, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var file = Assert.Single(result.Json.GetProperty("files").EnumerateArray());
        Assert.Equal(thisYear, file.GetProperty("path").GetString());
        var finding = Assert.Single(Assert.Single(file.GetProperty("forms").EnumerateArray()).GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "target-below-last-actual");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("网络可用率", finding.GetProperty("location").GetProperty("rowLabel").GetString());
        Assert.Equal(("≥99.9%", "≥99.95%"), (finding.GetProperty("stated").GetString(), finding.GetProperty("expected").GetString()));
        // The match is shown: which document, and by what it was taken for the same project.
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains(lastYear, message, StringComparison.Ordinal);
        Assert.Contains("某市数据资源中心", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_years_in_one_folder_are_compared_without_history_and_a_raised_target_is_not_flagged()
    {
        Write("both", 2020, "≥99.9%", "99.95%");
        Write("both", 2021, "≥99.9%", "99.97%");
        var together = CliRun.Run("check", Path.Combine(_dir, "both"));
        Assert.Contains("target-below-last-actual", together.Output, StringComparison.Ordinal);

        Write("2020", 2020, "≥99.9%", "99.95%");
        var raised = Write("raised", 2021, "≥99.96%", "99.97%");
        var result = CliRun.Run("check", raised, "--history", Path.Combine(_dir, "2020"));
        Assert.DoesNotContain("target-below-last-actual", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_history_path_that_does_not_exist_is_one_line_and_exit_2_and_the_form_is_still_checked()
    {
        var thisYear = Write("2021", 2021, "≥99.9%", "99.97%");
        var result = CliRun.Run("check", thisYear, "--history", Path.Combine(_dir, "missing"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("比对用", result.Error, StringComparison.Ordinal);
        Assert.Contains("项目支出绩效自评表", result.Output, StringComparison.Ordinal);
    }
}
