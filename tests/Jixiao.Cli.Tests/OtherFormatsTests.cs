namespace Jixiao.Cli.Tests;

/// <summary>check picks the reader by extension: the same recogniser behind every format.</summary>
public sealed class OtherFormatsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_published_html_table_with_merged_cells_is_read_into_its_form()
    {
        File.WriteAllText(Path.Combine(_dir, "published.html"), """
            <html><head><meta charset="utf-8"></head><body>
            <p>项目支出绩效自评表</p><p>（2020年度）</p>
            <table>
            <tr><td>项目名称</td><td colspan="7">电子政务外网链路租赁</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
            <tr><td>年度资金总额</td><td>403.00</td><td>403.00</td><td>403</td><td>10</td><td>100.00%</td><td>10</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>覆盖单位数</td><td>≥300个</td><td>323个</td><td>50</td><td>50</td><td></td></tr>
            <tr><td>质量指标</td><td>网络可用率</td><td>≥99.9%</td><td>99.95%</td><td>40</td><td>40</td><td></td></tr>
            <tr><td colspan="5">总分</td><td>100</td><td>100</td><td></td></tr>
            </table></body></html>
            """);

        var result = CliRun.Run("check", _dir, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var form = Assert.Single(Assert.Single(result.Json.GetProperty("files").EnumerateArray()).GetProperty("forms").EnumerateArray());
        Assert.Equal("project-self-evaluation", form.GetProperty("kind").GetString());
        Assert.Equal("电子政务外网链路租赁", form.GetProperty("project").GetString());
        Assert.Equal(403m, form.GetProperty("funds")[0].GetProperty("executed").GetDecimal());
        var quality = form.GetProperty("indicators")[1];
        Assert.Equal(("产出指标", "网络可用率", "99.95%"), (quality.GetProperty("level1").GetString(), quality.GetProperty("name").GetString(), quality.GetProperty("actual").GetString()));
        Assert.Equal(100m, form.GetProperty("statedTotal").GetDecimal());
    }

    [Fact]
    public void A_corrupt_xlsx_gives_one_line_and_the_exit_code_2()
    {
        var path = Path.Combine(_dir, "broken.xlsx");
        // A zip signature and then nothing a zip reader can use: a download cut short.
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00]);

        var result = CliRun.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(path + ": ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }
}
