using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Reading;

/// <summary>
/// The seed tables as real .xlsx, .docx, .html and .pdf files read back through the dispatcher and the recogniser give
/// the same forms as the text versions (issue 3: readers produce one intermediate shape).
/// </summary>
public class SeedsInEveryFormatTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in new[] { "000", "002", "003" })
            foreach (var extension in new[] { ".xlsx", ".docx", ".html", ".pdf" })
                data.Add(seed, extension);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_seed_written_in_another_format_reads_back_to_the_same_forms(string seed, string extension)
    {
        Assert.SkipWhen(extension == ".pdf" && !PdfFixture.Available, "chromium is not installed");
        var path = RepoPaths.Seed(seed);
        var text = TextReader.Read(File.ReadAllText(path), path);
        var expected = FormRecognizer.Recognize(text);

        // A workbook has no paragraphs: a title or a line of text is a row of one cell, as people type it in Excel.
        var blocks = extension == ".xlsx"
            ? text.Blocks.Select(b => b is TextBlock t ? new CellGrid([new Cell(0, 0, t.Text)]) : b).ToArray()
            : text.Blocks.ToArray();
        var bytes = DocumentFixtures.Build(extension, blocks);
        var actual = FormRecognizer.Recognize(DocumentReader.Read(new MemoryStream(bytes), "seed" + extension));

        // PDF text comes back NFKC-normalised (full-width ：（） become ASCII), so compare it that way.
        var normalise = extension == ".pdf";
        Assert.Equal(expected.Select(f => Snapshot(f, normalise)), actual.Select(f => Snapshot(f, normalise)));
    }

    private static string Snapshot(PerformanceForm form, bool normalise)
    {
        var s = new StringBuilder();
        void Line(params object?[] parts) =>
            s.AppendLine(string.Join(" | ", parts.Select(p => Fold(Convert.ToString(p, CultureInfo.InvariantCulture), normalise))));
        Line(form.Kind, form.Year, form.Project, form.Department, form.Unit, form.MoneyUnit, form.StatedTotal, form.StatedWeightTotal);
        foreach (var f in form.Funds)
            Line(f.Label, f.Role, f.InitialBudget, f.Budget, f.Executed, f.Transfer, f.ForecastExecuted, f.Weight, f.StatedRate, f.StatedScore);
        foreach (var r in form.Indicators)
            Line(r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.Weight, r.StatedScore, r.Explanation, r.Causes, r.Likelihood);
        foreach (var b in form.BasicData)
            Line(b.Label, b.Depth, b.PriorYearFinal, b.Budget, b.Final);
        return s.ToString();
    }

    private static string Fold(string? text, bool normalise)
    {
        if (text is null) return "";
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalise ? folded.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal) : folded;
    }
}
