using System.Globalization;
using System.Text;
using System.Text.Json;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Documents.Writers.Pdf;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>
/// The reading measure of issue #12 on real published documents: each document (as given, and its printed grid rendered
/// to xlsx/docx/html/pdf) goes through the real pipeline, <see cref="DocumentReader"/> then <see cref="FormRecognizer"/>,
/// and its forms are compared fact by fact with the expectation written by hand. The share of facts read exactly may
/// not fall, and the facts misread without a doubt, the forms missed and the forms reported where a document has none
/// may not rise, against what <c>baseline.json</c> records;
/// when the recogniser improves, raise the baseline to the new figures printed here.
/// </summary>
public class Corpus_documents_read_no_worse_than_the_baseline(ITestOutputHelper output)
{
    public static TheoryData<string> Formats() => [.. CorpusRendering.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_corpus_in_this_format_reads_no_worse_than_its_baseline(string format)
    {
        Assert.SkipWhen(format == ".pdf" && !PdfFixture.Available, "chromium is not installed");
        var expectations = CorpusExpectation.LoadAll()
            .Where(e => format == CorpusRendering.Text || e.Grid is not null)
            .ToList();
        Assert.SkipWhen(format != CorpusRendering.Text && expectations.Count == 0, "no expectation file has a printed grid yet");
        Assert.NotEmpty(expectations);

        await using var printer = format == ".pdf" ? await PdfRenderer.StartAsync(PdfFixture.Chromium) : null;
        var total = new Tally();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Corpus reading measure, format {format}, {expectations.Count} documents");
        table.AppendLine("document                                          forms miss extra kind  facts exact doubt (other) notread misread  exact%  header");
        foreach (var expectation in expectations)
        {
            var document = format == CorpusRendering.Text
                ? DocumentReader.ReadFile(expectation.DocumentPath)
                : DocumentReader.Read(new MemoryStream(await CorpusRendering.Render(expectation, format, printer)), expectation.Name + format);
            var tally = CorpusMeasure.Measure(expectation, FormRecognizer.Recognize(document));
            total.Add(tally);
            table.AppendLine(Row(expectation.Name, tally));
        }

        table.AppendLine(Row("TOTAL", total));
        table.AppendLine();
        table.AppendLine("Misread without a doubt (the reader states a value the document does not):");
        Misses(table, total.Misses.Where(m => m.Outcome == FactOutcome.Misread));
        table.AppendLine("Stated otherwise under a form-wide reading note (counted as doubts today; misread once doubts are scoped):");
        Misses(table, total.Misses.Where(m => m.Outcome == FactOutcome.Doubt && m.Read is not null));
        table.AppendLine("Nothing stated under a form-wide reading note:");
        Misses(table, total.Misses.Where(m => m.Outcome == FactOutcome.Doubt && m.Read is null));
        table.AppendLine("Not read (nothing stated, nothing said):");
        Misses(table, total.Misses.Where(m => m.Outcome == FactOutcome.NotRead));
        output.WriteLine(table.ToString());

        var baseline = Baseline(format);
        Assert.True(total.ExactShare >= baseline.ExactShare,
            $"{format}: {total.ExactShare:P2} of the facts read exactly, below the baseline {baseline.ExactShare:P2}");
        Assert.True(total.Misread <= baseline.MisreadWithoutDoubt,
            $"{format}: {total.Misread} facts misread without a doubt, more than the baseline {baseline.MisreadWithoutDoubt}");
        Assert.True(total.FormsMissed <= baseline.FormsMissed,
            $"{format}: {total.FormsMissed} forms missed, more than the baseline {baseline.FormsMissed}");
        Assert.True(total.FormsExtra <= baseline.FormsReportedWhereNone,
            $"{format}: {total.FormsExtra} forms reported where the document has none, more than the baseline {baseline.FormsReportedWhereNone}");
    }

    private static void Misses(StringBuilder table, IEnumerable<FactMiss> misses)
    {
        foreach (var miss in misses)
            table.AppendLine(CultureInfo.InvariantCulture, $"  {miss.Document} | {miss.Where} | {miss.Fact}: expected '{miss.Expected}', read '{miss.Read}'");
    }

    private static string Row(string name, Tally t) => string.Create(CultureInfo.InvariantCulture,
        $"{Trim(name),-48} {t.FormsExpected,5} {t.FormsMissed,4} {t.FormsExtra,5} {t.KindsWrong,4} {t.Facts,6} {t.Exact,5} {t.Doubt,5} {t.DoubtStatedOtherwise,7} {t.NotRead,7} {t.Misread,7} {t.ExactShare,7:P1}  {t.HeaderExact}/{t.HeaderTotal}");

    private static string Trim(string name) => name.Length <= 48 ? name : name[..45] + "...";

    private sealed record Ratchet(decimal ExactShare, int MisreadWithoutDoubt, int FormsMissed, int FormsReportedWhereNone);

    private static Ratchet Baseline(string format)
    {
        var path = Path.Combine(CorpusExpectation.Folder, "..", "baseline.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var entry = json.RootElement.GetProperty(format);
        return new Ratchet(entry.GetProperty("exactShare").GetDecimal(), entry.GetProperty("misreadWithoutDoubt").GetInt32(),
            entry.GetProperty("formsMissed").GetInt32(), entry.GetProperty("formsReportedWhereNone").GetInt32());
    }
}
