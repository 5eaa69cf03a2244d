using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests;

public sealed class DerivedRowsHashTests
{
    private static FormFinding Finding(string message) => new()
    {
        Id = 7, FormId = 3, OrganisationPath = "/1/2/", Position = 1, Code = "INDICATOR_SCORE", Severity = Severity.Error,
        Message = message, MessageEn = "score", Block = "indicators", RowNumber = 4, Field = "得分", RowLabel = "群众满意度",
        Stated = "10", Expected = "9.5", Explanation = "10 × 95 ÷ 100 = 9.5",
    };

    private static IndicatorFact Indicator(decimal? weight) => new()
    {
        FormId = 3, Position = 1, OrganisationPath = "/1/2/", Year = 2024, Kind = FormKind.ProjectSelfEvaluation,
        Level1 = "产出指标", Level2 = "数量指标", Name = "归集证照数", Target = "≥12,000张", TargetValue = 12000m,
        Actual = "12,345张", ActualValue = 12345m, Unit = "张", Weight = weight, StatedScore = 10m, ComputedScore = 10.00m,
    };

    /// <summary>
    /// Stored rows carry the fingerprint of the rows they were written from (FormFact.RowsHash). A change in how it is
    /// computed that changes its value would make every stored form's next save read and rewrite its rows once; this
    /// pins the value a fingerprint had when it was first stored.
    /// </summary>
    [Fact]
    public void A_fingerprint_is_the_one_stored_before()
    {
        Assert.Equal(PinnedFingerprint, DerivedRowsHash.Of([Finding("得分与计算不符")], [Indicator(10m)]));
    }

    [Fact]
    public void Any_column_of_any_row_changes_the_fingerprint()
    {
        var same = DerivedRowsHash.Of([Finding("得分与计算不符")], [Indicator(10m)]);
        Assert.NotEqual(same, DerivedRowsHash.Of([Finding("得分与计算不符。")], [Indicator(10m)]));
        Assert.NotEqual(same, DerivedRowsHash.Of([Finding("得分与计算不符")], [Indicator(null)]));
        Assert.NotEqual(same, DerivedRowsHash.Of([Finding("得分与计算不符")], [Indicator(10m), Indicator(10m)]));
        Assert.NotEqual(same, DerivedRowsHash.Of([], [Indicator(10m)]));
        // The row's own key and its form's are not derived.
        var moved = Finding("得分与计算不符");
        moved.Id = 99;
        moved.FormId = 42;
        Assert.Equal(same, DerivedRowsHash.Of([moved], [Indicator(10m)]));
    }

    [Fact]
    public void Rows_longer_than_the_buffer_are_fingerprinted_whole()
    {
        // Explanations run to thousands of characters; three bytes each in UTF-8, so 20,000 pass the first buffer.
        var longText = string.Concat(Enumerable.Repeat("偏差原因：", 4_000));
        var once = DerivedRowsHash.Of([Finding(longText), Finding(longText)], [Indicator(10m)]);
        Assert.Equal(once, DerivedRowsHash.Of([Finding(longText), Finding(longText)], [Indicator(10m)]));
        Assert.NotEqual(once, DerivedRowsHash.Of([Finding(longText), Finding(longText + "。")], [Indicator(10m)]));
        Assert.NotEqual(once, DerivedRowsHash.Of([Finding(longText), Finding(longText)], [Indicator(9m)]));
    }

    private const long PinnedFingerprint = -14257829473788261;
}
