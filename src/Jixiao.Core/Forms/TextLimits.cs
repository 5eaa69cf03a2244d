namespace Jixiao.Core.Forms;

/// <summary>
/// The longest text each field of a form takes, in characters. Names and signatures are short database columns;
/// every other text (goals, explanations, a whole 自评报告) takes up to <see cref="Long"/>, several times the longest
/// report in the corpus. The editor shows these limits and the save refuses anything over them.
/// </summary>
public static class TextLimits
{
    public const int Long = 100_000;
    public const int Title = 300;
    public const int Project = 300;
    public const int Organisation = 200;
    public const int Person = 100;
    public const int Grade = 20;

    /// <summary>A field over its limit: its Chinese label, its length and its limit.</summary>
    public sealed record Excess(string Field, int Length, int Limit);

    public static IReadOnlyList<Excess> Check(PerformanceForm form)
    {
        var over = new List<Excess>();
        void Field(string label, string? text, int limit)
        {
            if (text is not null && text.Length > limit) over.Add(new Excess(label, text.Length, limit));
        }

        Field("标题", form.Title, Title);
        Field("项目名称", form.Project, Project);
        Field("主管部门", form.Department, Organisation);
        Field("单位名称", form.Unit, Organisation);
        Field("等级", form.StatedGrade, Grade);
        Field("填报人", form.Filler, Person);
        Field("单位负责人", form.Head, Person);
        Field("预期目标", form.PlannedGoal, Long);
        Field("实际完成情况", form.ActualGoal, Long);
        Field("部门职能概述", form.Functions, Long);
        Field("报告正文", form.Text, Long);
        foreach (var row in form.Funds) Field("资金项目", row.Label, Long);
        foreach (var row in form.BasicData)
        {
            Field("基础数据项目", row.Label, Long);
            Field($"{row.Label} 说明", row.Text, Long);
        }
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            var at = $"指标第{i + 1}行 ";
            Field(at + "一级指标", row.Level1, Long);
            Field(at + "二级指标", row.Level2, Long);
            Field(at + "三级指标", row.Name, Long);
            Field(at + "指标内容", row.Content, Long);
            Field(at + "年度指标值", row.Target, Long);
            Field(at + "实际完成值", row.Actual, Long);
            Field(at + "偏差原因分析", row.Explanation, Long);
            Field(at + "改进措施", row.Improvement, Long);
            Field(at + "执行情况", row.MidYearProgress, Long);
            Field(at + "全年预计完成情况", row.ExpectedCompletion, Long);
            Field(at + "备注", row.Remark, Long);
        }
        return over;
    }
}
