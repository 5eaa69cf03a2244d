namespace Jixiao.Documents.Tests.Variants;

/// <summary>
/// Clean forms printed the way another province or another year prints them (<see cref="LayoutVariant"/>: column order,
/// header words, units in cells, comparator and measure-unit columns, extra columns, two-row headers, merged, repeated
/// or blank tree cells, full-width digits, the 2021+ tree, 元 instead of 万元, title, footer and placeholder rows),
/// written in every text shape and file format, read back to the clean form's facts with no error finding. A fact the
/// reader reports a doubt on is accepted as doubted; a different value without a doubt is a misread.
/// </summary>
public sealed class Layout_variants_of_clean_forms_read_to_the_same_facts
{
    /// <summary>Variants drawn; each is read in every text shape and file format (9 readings), a few also as PDF.</summary>
    public const int VariantCount = 24;

    /// <summary>
    /// Readings known to come out wrong, by variant number and shape, with what goes wrong. A listed reading must
    /// still fail (so the list stays the truth); a reading that starts to pass is taken off the list.
    /// </summary>
    private static readonly Dictionary<(int Variant, string Shape), string> KnownFailures = [];

    public static TheoryData<int, string> Readings()
    {
        var data = new TheoryData<int, string>();
        for (var v = 0; v < VariantCount; v++)
            foreach (var shape in VariantReading.TextShapes.Concat(VariantReading.FileFormats))
                data.Add(v, shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public void A_variant_reads_to_the_clean_facts_with_no_error_finding(int number, string shape)
    {
        var variant = LayoutVariant.Draw(number);
        var outcome = VariantReading.Check(variant, shape);

        if (KnownFailures.TryGetValue((number, shape), out var known))
        {
            Assert.False(outcome.ReadsRight, $"{variant} in {shape} now reads right: take it off the known failures ({known}).");
            return;
        }
        Assert.True(outcome.ReadsRight, $"{variant} in {shape}:\n{outcome}");
    }

    public static TheoryData<int> PdfVariants => [0, 1, 2, 5];

    [Theory]
    [MemberData(nameof(PdfVariants))]
    public void A_variant_printed_to_pdf_reads_to_the_clean_facts_with_no_error_finding(int number)
    {
        Assert.SkipWhen(!Fixtures.PdfFixture.Available, "chromium is not installed");
        var variant = LayoutVariant.Draw(number);
        var outcome = VariantReading.Check(variant, "pdf");

        if (KnownFailures.TryGetValue((number, "pdf"), out var known))
        {
            Assert.False(outcome.ReadsRight, $"{variant} in pdf now reads right: take it off the known failures ({known}).");
            return;
        }
        Assert.True(outcome.ReadsRight, $"{variant} in pdf:\n{outcome}");
    }

    [Fact]
    public void The_drawn_variants_cover_every_dimension()
    {
        var variants = Enumerable.Range(0, VariantCount).Select(LayoutVariant.Draw).ToList();
        var seen = variants.SelectMany(v => v.Dimensions()).ToHashSet();

        string[] required =
        [
            "form:water", "form:sewage", "form:control21", "rate-before-weight", "no-initial-budget", "tree:Merged", "tree:Repeated",
            "tree:BlankBelow", "level1-weights-in-names", "label-column", "two-row-header", "money:TenThousandInHeader",
            "money:TenThousandOnALine", "money:TenThousandInCells", "money:YuanScaled", "units-in-score-cells", "full-width-digits",
            "two-decimals", "other-funds-rows", "title:YearFirst", "title:YearInBrackets", "title:YearOnItsOwnLine", "footer:None",
            "footer:Grade", "footer:Signatures", "placeholder:None", "placeholder:NumberedName", "placeholder:Ellipsis",
            "equivalent-comparators",
        ];
        Assert.Equal([], required.Where(r => !seen.Contains(r)));
        foreach (var column in Enum.GetValues<IndicatorColumn>())
            Assert.Contains(variants, v => v.Columns.Contains(column));
        Assert.Contains(variants, v => v.Columns.IndexOf(IndicatorColumn.Actual) < v.Columns.IndexOf(IndicatorColumn.Target));
        Assert.Contains(variants, v => v.Columns.IndexOf(IndicatorColumn.Weight) < v.Columns.IndexOf(IndicatorColumn.Target));
    }
}
