using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Writers.Bundle;
using Jixiao.Documents.Writers.OpenData;
using Jixiao.Documents.Writers.Pdf;
using Jixiao.Documents.Writers.Report;

namespace Jixiao.Cli.Export;

/// <summary>
/// <c>jixiao export 输入 --format xlsx|docx|pdf|html|json|csv|report --out 目录 [--unit 单位] [--year 年度] [--zip]</c>:
/// writes the forms of a JSON file in the official layout, as open data, or as a report draft per unit and year.
/// Exit code 0 when everything was written, 2 when the input or the selection is unusable.
/// </summary>
public static class ExportCommand
{
    public static readonly string[] Formats = ["xlsx", "docx", "pdf", "html", "json", "csv", "report"];

    public static Command Create()
    {
        var input = new Argument<FileInfo>("输入") { Description = "表的 JSON 文件（jixiao check --format json 的输出，或开放数据 JSON），或 txt/xlsx/docx/pdf/html 文件（先读取识别）" };
        var format = new Option<string>("--format") { Description = "导出格式：" + string.Join("|", Formats), Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<DirectoryInfo>("--out") { Description = "输出目录（不存在则新建）", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var unit = new Option<string?>("--unit") { Description = "只导出这个单位的表" };
        var year = new Option<int?>("--year") { Description = "只导出这一年度的表" };
        var zip = new Option<bool>("--zip") { Description = "xlsx/docx/pdf/html：每个单位每个年度打成一个 zip（每表一个文件，另附 index.csv 和 index.html）" };

        var command = new Command("export", "导出表格（xlsx、docx、PDF、HTML）、开放数据（JSON、CSV）或自评报告草稿") { input, format, output, unit, year, zip };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var request = new ExportRequest(
                parsed.GetValue(input)!, parsed.GetValue(format)!, parsed.GetValue(output)!, parsed.GetValue(unit), parsed.GetValue(year), parsed.GetValue(zip));
            return await RunAsync(request, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public sealed record ExportRequest(FileInfo Input, string Format, DirectoryInfo Out, string? Unit, int? Year, bool Zip);

    public static async Task<int> RunAsync(ExportRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PublishedForm> all;
        try
        {
            all = Load(request.Input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException or DocumentReadException)
        {
            await error.WriteLineAsync($"无法读取 {request.Input.FullName}：{Reason(e)}").ConfigureAwait(false);
            return 2;
        }

        var unitKey = request.Unit is null ? null : StableIds.Normalise(request.Unit);
        var selected = all.Where(p => (unitKey is null || StableIds.Normalise(p.Form.Unit) == unitKey) && (request.Year is null || p.Form.Year == request.Year)).ToList();
        if (selected.Count == 0)
        {
            await error.WriteLineAsync($"{request.Input.Name} 中没有符合条件的表" + Selection(request) + $"（共读到 {all.Count} 张表）。").ConfigureAwait(false);
            return 2;
        }

        Directory.CreateDirectory(request.Out.FullName);
        var written = new List<string>();
        try
        {
            switch (request.Format)
            {
                case "json":
                    written.Add(Write(request.Out, "open-data.json", s => OpenDataJson.Write(selected, s)));
                    break;
                case "csv":
                    OpenDataCsv.WriteAll(selected, request.Out.FullName);
                    written.AddRange(new[] { OpenDataCsv.FormsFile, OpenDataCsv.IndicatorsFile, OpenDataCsv.FindingsFile }.Select(f => Path.Combine(request.Out.FullName, f)));
                    break;
                case "report":
                    foreach (var group in selected.Select(p => p.Form).Where(f => f.Kind != FormKind.Report && f.Unit is not null && f.Year is not null)
                                 .GroupBy(f => (Unit: StableIds.Normalise(f.Unit), f.Year)))
                    {
                        var first = group.First();
                        var draft = ReportDrafts.Build(group, first.Unit!, first.Year!.Value);
                        var name = Safe($"{first.Year.Value.ToString(CultureInfo.InvariantCulture)}-{first.Unit!.Trim()}-自评报告草稿");
                        written.Add(Write(request.Out, name + ".docx", draft.WriteDocx));
                        written.Add(Write(request.Out, name + ".txt", s => s.Write(new UTF8Encoding(false).GetBytes(draft.ToText()))));
                        written.Add(Write(request.Out, name + ".html", s => s.Write(new UTF8Encoding(false).GetBytes(draft.ToHtml()))));
                    }
                    if (written.Count == 0)
                    {
                        await error.WriteLineAsync("没有可生成报告的表：报告需要注明单位和年度的自评表。").ConfigureAwait(false);
                        return 2;
                    }
                    break;
                default:
                    var format = FormBundle.Parse(request.Format)!.Value;
                    await using (var pdf = format == FormFileFormat.Pdf ? await StartPdf(error).ConfigureAwait(false) : null)
                    {
                        if (format == FormFileFormat.Pdf && pdf is null) return 2;
                        written.AddRange(await WriteFiles(selected.Select(p => p.Form).ToList(), format, request, pdf, cancellationToken).ConfigureAwait(false));
                    }
                    break;
            }
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"无法写入 {request.Out.FullName}：{e.Message}").ConfigureAwait(false);
            return 2;
        }

        foreach (var path in written) await output.WriteLineAsync(path).ConfigureAwait(false);
        await output.WriteLineAsync($"已导出 {selected.Count} 张表，写出 {written.Count} 个文件到 {request.Out.FullName}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<IReadOnlyList<string>> WriteFiles(List<PerformanceForm> forms, FormFileFormat format, ExportRequest request, PdfRenderer? pdf, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        if (request.Zip)
        {
            foreach (var group in forms.GroupBy(f => (Unit: StableIds.Normalise(f.Unit), f.Year)))
            {
                var first = group.First();
                var name = Safe($"{first.Year?.ToString(CultureInfo.InvariantCulture) ?? "未注明年度"}-{first.Unit?.Trim() ?? "未注明单位"}-{request.Format}") + ".zip";
                var path = Path.Combine(request.Out.FullName, name);
                await using var stream = File.Create(path);
                await FormBundle.WriteZipAsync(group.ToList(), format, stream, pdf, cancellationToken).ConfigureAwait(false);
                written.Add(path);
            }
            return written;
        }
        for (var i = 0; i < forms.Count; i++)
        {
            var path = Path.Combine(request.Out.FullName, FormBundle.FileName(forms[i], i + 1, format));
            await using var stream = File.Create(path);
            await FormBundle.WriteAsync(forms[i], format, stream, pdf, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }
        return written;
    }

    private static async Task<PdfRenderer?> StartPdf(TextWriter error)
    {
        if (!PdfRenderer.IsAvailable())
        {
            await error.WriteLineAsync($"导出 PDF 需要 {PdfRenderer.DefaultChromium}：请先安装 chromium 和 fonts-noto-cjk。").ConfigureAwait(false);
            return null;
        }
        return await PdfRenderer.StartAsync().ConfigureAwait(false);
    }

    /// <summary>A JSON file of forms, or any document the readers know (txt, xlsx, docx, pdf, html) read and recognised.</summary>
    private static IReadOnlyList<PublishedForm> Load(FileInfo input)
    {
        if (!input.Exists) throw new IOException("文件不存在");
        if (input.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = input.OpenRead();
            return FormsJsonInput.Read(stream);
        }
        var document = DocumentReader.ReadFile(input.FullName);
        return FormRecognizer.Recognize(document).Select(f => new PublishedForm(f)).ToList();
    }

    private static string Write(DirectoryInfo directory, string name, Action<Stream> write)
    {
        var path = Path.Combine(directory.FullName, name);
        using var stream = File.Create(path);
        write(stream);
        return path;
    }

    private static string Selection(ExportRequest request) =>
        (request.Unit is null ? "" : $"（单位：{request.Unit}）") + (request.Year is null ? "" : $"（年度：{request.Year.Value.ToString(CultureInfo.InvariantCulture)}）");

    private static string Reason(Exception e) => e switch
    {
        JsonException json => $"不是有效的 JSON（第 {(json.LineNumber ?? 0) + 1} 行）",
        _ => e.Message,
    };

    private static string Safe(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var ch in name) safe.Append(char.IsControl(ch) || "/\\:*?\"<>|".Contains(ch, StringComparison.Ordinal) ? '_' : ch);
        return safe.ToString();
    }
}
