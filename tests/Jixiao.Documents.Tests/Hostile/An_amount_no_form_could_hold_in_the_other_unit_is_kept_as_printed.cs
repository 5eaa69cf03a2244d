using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Documents.Tests.Recognition;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// A funds cell with its own unit ("…万元" in a table printed in 元) is converted to the table's unit. An amount no form
/// could hold (the fuzz harness's decimal-sized numbers) used to overflow in that conversion and fail the whole file;
/// it is kept as printed, and the checker calls it out of range.
/// </summary>
public sealed class An_amount_no_form_could_hold_in_the_other_unit_is_kept_as_printed
{
    private const string Table = """
        项目支出绩效自评表
        项目名称 | 政务外网运维
        项目资金（元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
         | 年度资金总额 | {0} | 100000 | 90000 | 10 | 90.00% | 9
        """;

    [Fact]
    public void Is_read_unconverted_and_reported_out_of_range()
    {
        var form = Assert.Single(Recognize.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, Table, "9999999999999999999999999999万元")));

        Assert.Equal(9_999_999_999_999_999_999_999_999_999m, form.Funds.Single(f => f.Label == "年度资金总额").InitialBudget);
        Assert.Contains(Checker.Check(form, Rulebooks.Default), f => f.Code == CheckCodes.ValueOutOfRange);
    }

    [Fact]
    public void An_amount_within_range_is_still_converted_to_the_tables_unit()
    {
        var form = Assert.Single(Recognize.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, Table, "10万元")));

        Assert.Equal(100_000m, form.Funds.Single(f => f.Label == "年度资金总额").InitialBudget);
    }
}
