using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Execution;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Tests.Fixtures;

namespace Jixiao.Documents.Tests.Execution;

/// <summary>Budget/treasury exports of several shapes read into projects with budgets and payments in 元, bad rows named.</summary>
public sealed class ExecutionExportReaderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    [Fact]
    public void Monthly_payments_in_wan_yuan_become_running_totals_in_yuan()
    {
        var csv = "项目编码,项目名称,年度预算（万元）,1月支付数,2月支付数,3月支付数\n" +
                  "P-01,运维项目,100.5,10,\"1,000.25\",-\n" +
                  "P-02,培训项目,20,,5,5\n";

        var export = ExecutionExportReader.Read(Utf8(csv), "导出.csv");

        Assert.Equal(MoneyUnit.TenThousandYuan, export.Unit);
        Assert.Contains("年度预算", export.UnitBasis);
        Assert.Equal(3, export.MonthsCovered);
        Assert.Empty(export.Errors);
        var first = export.Rows.Single(r => r.Code == "P-01");
        Assert.Equal(1_005_000m, first.Budget);
        Assert.Equal(100_000m, first.Paid[1]);
        Assert.Equal(10_102_500m, first.Paid[2]);
        Assert.Equal(10_102_500m, first.Paid[3]);
        Assert.Equal(100_000m, export.Rows.Single(r => r.Code == "P-02").Paid[3]);
    }

    [Fact]
    public void A_gb18030_export_with_other_names_and_order_and_the_unit_above_the_header_is_read()
    {
        var csv = "2020年项目支出执行情况\n单位：元\n1-6月累计支出,调整后预算,项目代码,年初预算数\n3824.26,4753.66,A-7,4000\n";

        var export = ExecutionExportReader.Read(Gb18030(csv), "export.csv");

        Assert.Equal(MoneyUnit.Yuan, export.Unit);
        Assert.Contains("单位：元", export.UnitBasis);
        Assert.Equal(3, export.HeaderRow);
        Assert.Equal(6, export.MonthsCovered);
        var row = Assert.Single(export.Rows);
        Assert.Equal(("A-7", 4753.66m, 4000m, 3824.26m), (row.Code, row.Budget, row.InitialBudget, row.Paid[6]));
    }

    [Fact]
    public void An_xlsx_export_is_read_like_a_csv()
    {
        var cells = new List<Cell>();
        string[][] rows =
        [
            ["项目编码", "项目名称", "全年预算数(元)", "1-12月累计支付数(元)"],
            ["X-1", "甲", "250000", "215457.6"],
            ["合计", "", "250000", "215457.6"],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c].Length > 0) cells.Add(new Cell(r, c, rows[r][c]));

        var export = ExecutionExportReader.Read(XlsxFixture.Build(new CellGrid(cells, "执行")), "导出.xlsx");

        var row = Assert.Single(export.Rows);
        Assert.Equal((250_000m, 215_457.6m), (row.Budget, row.Paid[12]));
        Assert.Equal(12, export.MonthsCovered);
    }

    [Fact]
    public void Every_unreadable_row_is_named_by_its_number_and_the_others_are_read()
    {
        var csv = "项目编码,全年预算数,1月支付数\n" +
                  "A,100,10\n" +
                  ",200,20\n" +
                  "B,一百,10\n" +
                  "C,-5,1\n" +
                  "A,50,5\n";

        var export = ExecutionExportReader.Read(Utf8(csv), "x.csv");

        Assert.Equal([3, 4, 5], export.Errors.Select(e => e.RowNumber));
        Assert.Contains("没有项目编码", export.Errors[0].Message);
        Assert.Contains("“一百”不是金额", export.Errors[1].Message);
        Assert.Contains("负数", export.Errors[2].Message);
        var a = Assert.Single(export.Rows);
        Assert.Equal((150m, 15m), (a.Budget, a.Paid[1]));
        Assert.Equal([2, 6], a.RowNumbers);
    }

    [Fact]
    public void An_export_without_a_code_column_is_refused_with_the_names_it_would_know()
    {
        var e = Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read(Utf8("名称,金额\n甲,1\n"), "x.csv"));
        Assert.Contains("项目编码", e.Message);
    }

    [Fact]
    public void A_cumulative_column_without_a_month_needs_the_month_from_the_importer()
    {
        var bytes = Utf8("项目编码,全年预算数,累计支出\nA,100,40\n");

        Assert.Contains("截至几月", Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read(bytes, "x.csv")).Message);
        var export = ExecutionExportReader.Read(bytes, "x.csv", new ExecutionReadOptions(CumulativeMonth: 9));
        Assert.Equal((9, 40m), (export.MonthsCovered, export.Rows[0].Paid[9]));
    }

    [Fact]
    public void The_importers_unit_overrides_the_file_and_conflicting_units_are_refused()
    {
        var export = ExecutionExportReader.Read(Utf8("项目编码,全年预算数\nA,1.5\n"), "x.csv", new ExecutionReadOptions(MoneyUnit.TenThousandYuan));
        Assert.Equal(15_000m, export.Rows[0].Budget);
        Assert.Contains("单位不一致", Assert.Throws<ExecutionExportException>(() =>
            ExecutionExportReader.Read(Utf8("项目编码,全年预算数(元),1月支付数(万元)\nA,1,1\n"), "x.csv")).Message);
    }

    [Fact]
    public void An_export_over_the_row_cap_and_an_amount_out_of_range_are_refused()
    {
        var many = new StringBuilder("项目编码,全年预算数\n");
        for (var i = 0; i <= ExecutionExportReader.MaxRows + 40; i++) many.Append('P').Append(i).Append(",1\n");
        Assert.Contains("超过", Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read(Utf8(many.ToString()), "x.csv")).Message);

        var huge = ExecutionExportReader.Read(Utf8("项目编码,全年预算数\nA,99999999999999999999999\n"), "x.csv");
        Assert.Contains("超出合理范围", Assert.Single(huge.Errors).Message);
    }

    [Fact]
    public void Files_that_are_not_exports_are_refused_with_a_message()
    {
        Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read([], "x.csv"));
        Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read([1, 2, 3], "x.pdf"));
        Assert.Throws<ExecutionExportException>(() => ExecutionExportReader.Read("not a zip"u8.ToArray(), "x.xlsx"));
    }
}
