using System.Net;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Writers;

public sealed class Writers_produce_valid_files_with_the_figures
{
    public static TheoryData<string> Samples() => new(SampleForms.All().Select((f, i) => i + ":" + f.Kind.Code()));

    private static PerformanceForm Sample(string key) => SampleForms.All()[int.Parse(key.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>What a reader of the printed form must find, whatever the format.</summary>
    private static IEnumerable<string> Figures(PerformanceForm form)
    {
        if (form.Project is not null) yield return form.Project;
        if (form.Unit is not null) yield return form.Unit;
        foreach (var row in form.Indicators.Where(r => r.Name is not null)) yield return row.Name!;
        foreach (var row in form.Indicators.Where(r => r.Target is not null)) yield return row.Target!;
        foreach (var row in form.BasicData.Where(r => r.Final is not null)) yield return row.Final!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        if (form.Funds.FirstOrDefault(r => r.StatedRate is not null)?.StatedRate is { } rate) yield return rate.AtPrecision(2).ToString();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Xlsx_opens_without_validation_errors_and_holds_the_figures(string key)
    {
        var form = Sample(key);
        var file = WrittenFiles.Xlsx(form);

        Assert.Empty(WrittenFiles.XlsxErrors(file));
        var cells = WrittenFiles.XlsxCells(file);
        foreach (var figure in Figures(form)) Assert.Contains(cells, c => c.Contains(figure, StringComparison.Ordinal));
        if (form.StatedTotal is { } total) Assert.Contains(total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), cells);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Docx_opens_without_validation_errors_and_holds_the_figures(string key)
    {
        var form = Sample(key);
        var file = WrittenFiles.Docx(form);

        Assert.Empty(WrittenFiles.DocxErrors(file));
        var texts = WrittenFiles.DocxTexts(file);
        foreach (var figure in Figures(form)) Assert.Contains(texts, c => c.Contains(figure, StringComparison.Ordinal));
        if (form.StatedTotal is { } total) Assert.Contains(total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), texts);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_print_view_holds_the_figures_and_an_A4_page_rule(string key)
    {
        var form = Sample(key);
        var html = WrittenFiles.Html(form);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("size: A4", html);
        Assert.Contains("lang=\"zh-CN\"", html);
        foreach (var figure in Figures(form)) Assert.Contains(WebUtility.HtmlEncode(figure), html);
    }
}
