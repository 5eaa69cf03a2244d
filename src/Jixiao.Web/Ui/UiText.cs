using System.Globalization;

namespace Jixiao.Web.Ui;

/// <summary>
/// The English switch: screens are written in Chinese and <see cref="T"/> looks the English up when the visitor chose
/// English. Form content (indicator names, findings) stays as the unit wrote it.
/// </summary>
public static partial class UiText
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh) => English && (En.TryGetValue(zh, out var en) || AdminEn.TryGetValue(zh, out en) || EvaluatorsEn.TryGetValue(zh, out en)) ? en : zh;

    /// <summary>Whether the English switch has a translation for this text (an API group's name, say) at all.</summary>
    public static bool HasEnglish(string zh) => En.ContainsKey(zh) || AdminEn.ContainsKey(zh) || EvaluatorsEn.ContainsKey(zh);

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["预算绩效自评系统"] = "Budget performance self-evaluation",
        ["查找表单"] = "Find forms",
        ["清除"] = "Clear",
        ["已公开"] = "Published",
        ["查看全部"] = "See all",
        ["此类表单不评分"] = "This kind of form is not scored",
        ["主管部门"] = "Supervising department",
        ["表单类型"] = "Form kind",
        ["筛选"] = "Filter",
        ["首页"] = "Home",
        ["登录"] = "Sign in",
        ["退出登录"] = "Sign out",
        ["用户名"] = "User name",
        ["密码"] = "Password",
        ["用户名或密码错误；连续失败多次后账户会暂时锁定 15 分钟。"] = "Wrong user name or password; after repeated failures the account is locked for 15 minutes.",
        ["演示账户"] = "Demo accounts",
        ["新建表单"] = "New form",
        ["导入文件"] = "Import files",
        ["审核队列"] = "Review queue",
        ["财政总览"] = "Finance overview",
        ["公开查询"] = "Public portal",
        ["接口文档"] = "API docs",
        ["待我填报"] = "To fill",
        ["待我审核"] = "To review",
        ["待公开"] = "To publish",
        ["已提交，等待审核"] = "Submitted, awaiting review",
        ["表单"] = "Form",
        ["单位"] = "Unit",
        ["年度"] = "Year",
        ["状态"] = "State",
        ["截止日期"] = "Deadline",
        ["更新时间"] = "Updated",
        ["风险"] = "Risk",
        ["错误"] = "Errors",
        ["警告"] = "Warnings",
        ["扣分"] = "Deductions",
        ["未说明扣分"] = "Unexplained",
        ["保存"] = "Save",
        ["提交审核"] = "Submit for review",
        ["打印"] = "Print",
        ["退回"] = "Return",
        ["审核通过"] = "Approve",
        ["公开"] = "Publish",
        ["执行率"] = "Execution rate",
        ["执行率得分"] = "Execution score",
        ["总分"] = "Total",
        ["等级"] = "Grade",
        ["分值合计"] = "Weights",
        ["问题"] = "Findings",
        ["读取存疑"] = "Reading doubts",
        ["没有需要处理的表单。"] = "Nothing to do.",
        ["按状态统计"] = "Forms by state",
        ["总分分布"] = "Total scores",
        ["执行率分布"] = "Execution rates",
        ["最常见的问题"] = "Most frequent findings",
        ["单位排名"] = "Units ranked",
        ["搜索"] = "Search",
        ["下载 JSON"] = "Download JSON",
        ["版本对比"] = "Compare versions",
        ["流转记录"] = "History",
        ["有未保存的修改"] = "Unsaved changes",
        ["已保存"] = "Saved",
        ["添加指标"] = "Add indicator",
        ["上移"] = "Up",
        ["下移"] = "Down",
        ["删除"] = "Delete",
        ["预览"] = "Preview",
        ["确认导入"] = "Confirm import",
        ["选择文件"] = "Choose files",
    };
}
