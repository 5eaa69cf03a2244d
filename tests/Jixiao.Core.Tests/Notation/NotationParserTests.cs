using Jixiao.Core.Notation;

namespace Jixiao.Core.Tests;

public class Every_example_of_the_domain_guide_parses
{
    public static TheoryData<string, string> Examples => new()
    {
        // §3.1 targets
        { "≥90%", "qty ≥90%" },
        { ">=99.9%", "qty ≥99.9%" },
        { "≤100%", "qty ≤100%" },
        { "<10ms", "qty <10ms" },
        { "<=10E-7", "qty ≤0.000001" },
        { "<=2 小时", "qty ≤2小时" },
        { "90%以上", "qty ≥90%" },
        { "满意度达95%", "qty ≥95% label=满意度" },
        { "6项", "qty 6项" },
        { "2套", "qty 2套" },
        { "≥150", "qty ≥150" },
        { "7*24小时", "qty 7×24=168小时" },
        { "7天*24小时", "qty 7×24=168小时" },
        { "每天更新", "text" },
        { "同比上升", "text" },
        { "完善", "tier Achieved" },
        { "可持续发展", "text" },
        // §3.1 actuals
        { "100%", "qty 100%" },
        { "92%", "qty 92%" },
        { "大于93%", "qty >93%" },
        { "2 小时以内", "qty ≤2小时" },
        { "已做到每日更新", "tier Achieved" },
        { "基本完成", "tier PartlyAchieved" },
        { "满足条件", "tier Achieved" },
        { "年末发生重大故障", "tier NotAchieved" },
        { "市级非涉密信息系统全量上云", "text" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parses_as_a_finance_officer_reads_it(string text, string expected) =>
        Assert.Equal(expected, ValueShape.Of(IndicatorValue.Parse(text)));
}

public class Every_target_and_actual_of_the_seeds_parses
{
    // Row by row through the four seeds (001 is a narrative without indicator cells). Strings are as printed,
    // spaces and page-break splits included.
    public static TheoryData<string, string, string> Cells => new()
    {
        // seed 000 部门整体自评表 (望城区数据资源中心): target, actual
        { "000 信息更新率", "每天更新", "text" },
        { "000 信息更新率", "已做到每日更新", "tier Achieved" },
        { "000 线路可用率", ">=99.9%", "qty ≥99.9%" },
        { "000 线路可用率", "100%", "qty 100%" },
        { "000 点击率", "同比上升", "text" },
        { "000 线路误码率", "<=10E-7", "qty ≤0.000001" },
        { "000 宽带实现率", "90%以上", "qty ≥90%" },
        { "000 DNS 丢包率", "0", "qty 0" },
        { "000 DNS 时延", "<10ms", "qty <10ms" },
        { "000 服务热线", "7*12 小时", "qty 7×12=84小时" },
        { "000 服务热线", "每周全天 24 小时", "qty 24小时 label=每周全天" },
        { "000 故障排除", "<=2 小时", "qty ≤2小时" },
        { "000 故障排除", "2 小时以内", "qty ≤2小时" },
        { "000 开通迁移时间", "<=7 个工作日", "qty ≤7个工作日" },
        { "000 开通迁移时间", "完成目标", "tier Achieved" },
        { "000 网上办事", "随时服务", "text" },
        { "000 网上办事", "24 小时值守", "qty 24小时 remark=值守" },
        { "000 公众互动交流率", "随时", "text" },
        { "000 公众互动交流率", "上升", "text" },
        { "000 网络基础", "100%运行稳定 无事故", "qty 100% remark=运行稳定无事故" },
        { "000 持续优化性", "可优化", "text" },
        { "000 持续优化性", "持续优化", "text" },
        { "000 满意率", "95%以上", "qty ≥95%" },
        { "000 资金情况执行率", "234.00%", "qty 234%" },
        // seed 002 项目支出绩效目标执行监控表
        { "002 监控 监控平台搭建", "100%", "qty 100%" },
        { "002 监控 安全评估", "7天*24小时", "qty 7×24=168小时" },
        { "002 监控 项目预算控制率", "≤100%", "qty ≤100%" },
        { "002 监控 满意度", "满意度达100%", "qty ≥100% label=满意度" },
        // seed 002 项目支出绩效自评表 (链路租赁经费)
        { "002 项目 数量指标", "100.00%", "qty 100%" },
        { "002 项目 质量指标", "7*24", "qty 7×24=168" },
        { "002 项目 成本指标", "≤100%", "qty ≤100%" },
        { "002 项目 经济效益", "统一政务网络“一张网”", "text" },
        { "002 项目 社会效益", "保障政务网络及业务系统正常稳定运行", "text" },
        { "002 项目 可持续影响", "可持续发展", "text" },
        { "002 项目 满意度", "满意度达95%", "qty ≥95% label=满意度" },
        { "002 项目 满意度", "大于93%", "qty >93%" },
        // seed 002 部门整体支出绩效自评表 (湖南 layout: 年度指标值 holds descriptions and formulas)
        { "002 部门 预算编审管理", "根据财政管理工作绩效考核相关办法规定填报", "text" },
        { "002 部门 在职人员控制率", "在职人员控制率＝（在职人员数/编制数）*100% 在职人员数：部门实际在职人数，编制数：机构编制部门核定的人员编制数　", "text" },
        { "002 部门 三公经费变动率", "“三公经费”变动率＝[（本年度 “三公经费”预算安排数－上年度 “三公经费”预算安排数）/上年度“三公经费”预算安排数]*100%　", "text" },
        { "002 部门 支出经费控制率", "支出经费控制率＝（实际支出经费总额/预算安排经费总额）*100%　", "text" },
        { "002 部门 资金使用合规性", "单位财务管理规定　", "text" },
        { "002 部门 资金到位率", "实际到位资金与计划投入资金的比率，用以反映和考核资金安排的落 实情况。资金到位率=（实际到位资金/计划投入资金）×100%。", "text" },
        { "002 部门 重点工作办结率", "重点工作办结率＝（重点工作实际 完成数/上级交办或下达数）重点工作：党委、政府、人大及相关 部门交办或下达的工作任务", "text" },
        { "002 部门 支出总量增长率", "整体绩效支出总量和上年对比率　", "text" },
        { "002 部门 政府采购", "政府采购法　", "text" },
        { "002 部门 支出完成率", "整体绩效支出占预算比率", "text" },
        { "002 部门 经济效益", "带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。", "text" },
        { "002 部门 社会效益", "保障全市网上办公和业务系统正常运行，方便群众企业办事。", "text" },
        { "002 部门 生态效益", "节省能源", "text" },
        { "002 部门 全年完成值", "100.00%", "qty 100%" },
        { "002 部门 满意度", "满意度达100%", "qty ≥100% label=满意度" },
        { "002 部门 满意度", "大于98%", "qty >98%" },
        // seed 003 “一网通办”及“随申办”运营
        { "003 完成率", "100%", "qty 100%" },
        { "003 安全事件发现率", "≥90%", "qty ≥90%" },
        { "003 长效管理制度建设", "完善", "tier Achieved" },
        // seed 003 数据运营服务
        { "003 数据运营服务", "6项", "qty 6项" },
        { "003 质量问题整改率", "80%", "qty 80%" },
        { "003 数据运营服务及时性", "≥95%", "qty ≥95%" },
        { "003 数据运营服务及时性", "95%", "qty 95%" },
        { "003 数据治理程度", "基本完成", "tier PartlyAchieved" },
        { "003 长效运营服务规章制度", "2套", "qty 2套" },
        { "003 建立运营服务团队", "≥150", "qty ≥150" },
        { "003 建立运营服务团队", "满足条件", "tier Achieved" },
        // seed 003 上海市政务云基础设施服务费
        { "003 迁移上云完成率", "市级非涉密信息系统全量上云", "text" },
        { "003 迁移上云完成率", "市级非涉密信息系统全量上", "text" },
        { "003 政务云整体运行稳定率", "≥99.99%", "qty ≥99.99%" },
        { "003 政务云整体运行稳定率", "年末发生重大故障", "tier NotAchieved" },
        { "003 故障响应及时率", "及时", "tier Achieved" },
        { "003 上云项目运维", "核减上云项目运维费", "text" },
        { "003 上云项目运维", "按先用后付、按实计算的方式降低了成本支出", "text" },
        { "003 上云项目运维", "按先用后付、按实计算的方式减低了成本支出", "text" },
        { "003 降低新建项目投入", "新建项目依托政务云建设，不再投入硬件设备", "text" },
        { "003 降低新建项目投入", "通过政府购买服务的方式，没有固定资产投入，节约了项目投入", "text" },
        { "003 保障核心民生业务", "全年云上核心民生业务系统无因政务云原因发生一起故障", "tier Achieved" },
        { "003 保障核心民生业务", "全年云上核心 民生业务系统 无因政务云原 因发生一起故 障", "tier Achieved" },
        { "003 创新购买服务", "制定政务云应用安全管理办法1项", "qty 1项 label=制定政务云应用安全管理办法" },
        { "003 创新购买服务", "制定政务云应 用安全管理办 法1项", "qty 1项 label=制定政务云应用安全管理办法" },
        { "003 创新购买服务", "符合", "tier Achieved" },
        { "003 使用者满意度", "≥90%", "qty ≥90%" },
        { "003 使用者满意度", "满意", "tier Achieved" },
        // seed 003 上海市政务外网网络建设运营
        { "003 质量用户满意度", "92%", "qty 92%" },
        { "003 系统故障响应及时性", "90%", "qty 90%" },
        { "003 配套齐全性", "80%", "qty 80%" },
        { "003 funds 执行率", "99.79%", "qty 99.79%" },
        { "003 funds 执行率", "92.64%", "qty 92.64%" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Seed_cell_parses_to_its_meaning(string where, string text, string expected) =>
        Assert.True(expected == ValueShape.Of(IndicatorValue.Parse(text)),
            $"{where}: 「{text}」 parsed as {ValueShape.Of(IndicatorValue.Parse(text))}, expected {expected}");
}

public class Comparators_numbers_and_units_are_recognised_in_every_spelling
{
    public static TheoryData<string, string> Spellings => new()
    {
        { "＞95％", "qty >95%" },
        { "＜5天", "qty <5天" },
        { "≧80%", "qty ≥80%" },
        { "≦3次", "qty ≤3次" },
        { "⩾60分钟", "qty ≥60分钟" },
        { "⩽10秒", "qty ≤10秒" },
        { "＝0", "qty =0" },
        { "不低于98%", "qty ≥98%" },
        { "不高于5%", "qty ≤5%" },
        { "不超过100万元", "qty ≤100万元" },
        { "小于3天", "qty <3天" },
        { "超过500人", "qty >500人" },
        { "低于2%", "qty <2%" },
        { "5个工作日以内", "qty ≤5个工作日" },
        { "10项以下", "qty ≤10项" },
        { "１００％", "qty 100%" },
        { "１２，０００元", "qty 12000元" },
        { "1,234,567.89元", "qty 1234567.89元" },
        { "80%-90%", "range 80–90%" },
        { "5~10天", "range 5–10天" },
        { "5～10天", "range 5–10天" },
        { "7x24", "qty 7×24=168" },
        { "7×24小时", "qty 7×24=168小时" },
        { "3台", "qty 3台" },
        { "20家", "qty 20家" },
        { "15条", "qty 15条" },
        { "12棵", "qty 12棵" },
        { "≤-5%", "qty ≤-5%" },
        { "", "empty" },
        { "   ", "empty" },
        { "—", "empty" },
        { "--", "empty" },
        { "部分达成", "tier PartlyAchieved" },
        { "部分完成", "tier PartlyAchieved" },
        { "基本达成", "tier PartlyAchieved" },
        { "未完成", "tier NotAchieved" },
        { "未达成", "tier NotAchieved" },
        { "效果较差", "tier NotAchieved" },
        { "全部完成", "tier Achieved" },
        { "已完成", "tier Achieved" },
        { "未发生重大故障", "tier Achieved" },
        { "1、2、3", "text" },
        { "≥≥≥", "text" },
        { "%%%", "text" },
        { "1e999999", "text" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Spelling_parses_to_the_same_value(string text, string expected) =>
        Assert.Equal(expected, ValueShape.Of(IndicatorValue.Parse(text)));

    [Fact]
    public void Null_is_empty_and_never_throws() => Assert.Equal(ValueKind.Empty, IndicatorValue.Parse(null).Kind);

    [Fact]
    public void Printed_decimals_are_kept()
    {
        Assert.Equal(2, IndicatorValue.Parse("100.00%").Decimals);
        Assert.Equal(1, IndicatorValue.Parse(">=99.9%").Decimals);
        Assert.Equal(0, IndicatorValue.Parse("95%").Decimals);
    }

    [Fact]
    public void A_percentage_keeps_its_printed_precision_for_comparison_with_a_computed_rate()
    {
        Assert.Equal("234.00%", IndicatorValue.Parse("234.00%").AsPercentage.ToString());
        Assert.Null(IndicatorValue.Parse("6项").AsPercentage);
    }

    [Fact]
    public void Unknown_units_are_kept_as_written() => Assert.Equal("Mbit", IndicatorValue.Parse("≥100Mbit").Unit);

    [Fact]
    public void The_tier_word_that_decided_is_reported() =>
        Assert.Equal("发生重大故障", IndicatorValue.Parse("年末发生重大故障").TierWord);

    [Theory]
    [InlineData("≥90%", Direction.Positive)]
    [InlineData("100%", Direction.Positive)]
    [InlineData("大于93%", Direction.Positive)]
    [InlineData("≤100%", Direction.Reverse)]
    [InlineData("<10ms", Direction.Reverse)]
    [InlineData("2 小时以内", Direction.Reverse)]
    [InlineData("0", Direction.Equality)]
    [InlineData("=0", Direction.Equality)]
    [InlineData("80%-90%", Direction.Within)]
    [InlineData("完善", Direction.Qualitative)]
    [InlineData("每天更新", Direction.Qualitative)]
    [InlineData("", Direction.None)]
    public void A_target_states_its_direction(string text, Direction direction) =>
        Assert.Equal(direction, IndicatorValue.Parse(text).Direction);
}

public class Odd_input_never_throws
{
    [Theory]
    [InlineData("\0\u0001")]
    [InlineData("99999999999999999999999999999999999%")]
    [InlineData("1.2.3")]
    [InlineData("--5")]
    [InlineData("E-7")]
    [InlineData("10E-")]
    [InlineData("* 24")]
    [InlineData("以上")]
    [InlineData("𠀀𠀁")]
    public void Odd_text_is_kept_as_text_or_read(string text)
    {
        var value = IndicatorValue.Parse(text);
        Assert.Equal(text, value.Text);
    }
}

public class Parsed_values_are_shared
{
    [Fact]
    public void A_value_read_again_is_the_same_reading_and_a_long_text_reads_alike()
    {
        var vocabulary = Rulebooks.Rulebooks.Default.Qualitative.Vocabulary;
        var first = IndicatorValue.Parse("≥95%", vocabulary);
        Assert.Same(first, IndicatorValue.Parse("≥95%", vocabulary));
        Assert.Equal((ValueKind.Quantity, 95m, "%"), (first.Kind, first.Number, first.Unit));

        // Past the cached length a text is read afresh each time, with the same result.
        var longText = new string('项', 120) + "全部按期完成";
        var read = IndicatorValue.Parse(longText, vocabulary);
        Assert.Equal(read, IndicatorValue.Parse(longText, vocabulary));
        Assert.NotSame(read, IndicatorValue.Parse(longText, vocabulary));
        Assert.Equal(longText, read.Text);
    }
}
