using Jixiao.Core.Checks;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The checker on the audited forms of ../shared/corpus/audited (AUDIT.md), read as published through the real reader:
/// each [A] line the reader can reach is found at its row with a fitting code, and the clean control gets no error.
/// The [A] lines of forms whose text the reader does not yet read (scrambled PDF text: 06, 09) are issue #12's.
/// </summary>
public class CheckerOnAuditedFormsTests
{
    private static IReadOnlyList<FormFindings> Check(string file) =>
        CheckedDocuments.Check([(file, Path.Combine(RepoPaths.Corpus, "audited", file))]);

    [Fact]
    public void Anhui_tangxi_total_row_of_zero_over_a_qizhong_row_of_202_64_is_a_subtotal_mismatch_in_each_column()
    {
        var form = Assert.Single(Check("02_anhui_chizhou_tangxi_cunji.txt"));
        var mismatches = form.Findings.Where(f => f.Code == CheckCodes.FundsSubtotalMismatch).ToList();
        Assert.Equal(["年初预算数", "全年预算数", "全年执行数"], mismatches.Select(f => f.Location.Field));
        Assert.All(mismatches, f => Assert.Equal("0", f.Stated));
        Assert.Equal(["202.64", "132.912", "132.912"], mismatches.Select(f => f.Expected));
        Assert.All(mismatches, f => Assert.Equal(Blocks.Funds, f.Location.Block));
    }

    [Fact]
    public void The_clean_chuzhou_control_gets_no_error_finding()
    {
        var forms = Check("21_anhui_chuzhou_rsj_sanzhiyifu.txt");
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.DoesNotContain(f.Findings, x => x.Severity == Severity.Error));
    }
}
