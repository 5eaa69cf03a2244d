using Jixiao.Core.Checks;

namespace Jixiao.Core.Tests;

public class Every_finding_code_and_block_has_a_Chinese_name_for_the_screens
{
    [Fact]
    public void Each_code_has_its_own_Chinese_name()
    {
        var names = CheckCodes.All.Select(CheckCodes.ChineseName).ToList();
        Assert.All(names, n => Assert.Matches("^[\u4e00-\u9fff“”]+$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void A_location_reads_in_Chinese_without_block_keys()
    {
        Assert.Equal("项目资金“年度资金总额” 全年预算数", new FindingLocation(Blocks.Funds, null, "全年预算数", "年度资金总额").ToChinese());
        Assert.Equal("绩效指标 第2行 得分", new FindingLocation(Blocks.Indicators, 2, "得分").ToChinese());
    }
}
