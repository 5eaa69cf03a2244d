using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

public sealed class CheckTextSummaryTests
{
    [Fact]
    public void Without_format_the_summary_lists_each_form_with_its_stated_and_computed_total()
    {
        var result = CliRun.Run("check", RepoPaths.Seed("000"));

        // 234.00% stated where 2032 ÷ 868 is 234.10%: an error finding, so exit code 1.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[错误] execution-rate-mismatch 资金", result.Output);
        Assert.Contains("部门整体支出绩效自评表 2020年 长沙市望城区数据资源中心", result.Output);
        Assert.Contains("指标 22 行", result.Output);
        Assert.Contains("表内总分 90.00", result.Output);
        Assert.Contains("核算总分", result.Output);
        Assert.Contains("读取说明：第35行", result.Output);
    }

    [Fact]
    public void The_summary_says_which_forms_are_incomplete()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-truncated-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "财政项目支出绩效自评表\n项目名称\t政务云运维\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t上云系统数\t≥50个\t52个\t50\t50\n");
        try
        {
            var result = CliRun.Run("check", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("项目支出绩效自评表 政务云运维（不完整）", result.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
