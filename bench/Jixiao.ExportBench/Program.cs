using System.Diagnostics;
using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Documents.Tests.Writers;
using Jixiao.Documents.Writers.Docx;
using Jixiao.Documents.Writers.Html;
using Jixiao.Documents.Writers.Pdf;
using Jixiao.Documents.Writers.Report;
using Jixiao.Documents.Writers.Xlsx;

// Export throughput, written down in docs/benchmarks.md. Timings are wall-clock over many forms after a warm-up;
// the single-thread loops use one core (the process is pinned to CPU 0 for them).
if (args.Length >= 2 && args[0] == "samples") return await Samples(args[1]);

var forms = args.Length >= 2 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 300;
var project = SampleForms.LinkLease();
Console.WriteLine($"form: seed-002 project table ({project.Indicators.Count} indicator rows, {project.Funds.Count} funds rows); {forms} forms per run");

var affinity = OperatingSystem.IsLinux() ? Process.GetCurrentProcess().ProcessorAffinity : 0;
if (OperatingSystem.IsLinux()) Process.GetCurrentProcess().ProcessorAffinity = 1;
Measure("xlsx", forms, () => { using var s = new MemoryStream(); FormXlsx.Write(project, s); return s.Length; });
Measure("docx", forms, () => { using var s = new MemoryStream(); FormDocx.Write(project, s); return s.Length; });
Measure("html", forms, () => FormHtml.Render(project).Length);
Measure("report draft (docx)", forms, () =>
{
    using var s = new MemoryStream();
    ReportDrafts.Build(SampleForms.All(), SampleForms.Unit, 2020).WriteDocx(s);
    return s.Length;
});
if (OperatingSystem.IsLinux()) Process.GetCurrentProcess().ProcessorAffinity = affinity;

if (!PdfRenderer.IsAvailable())
{
    Console.WriteLine("pdf: skipped, /usr/bin/chromium is not installed");
    return 0;
}
var started = Stopwatch.StartNew();
await using (var renderer = await PdfRenderer.StartAsync())
{
    Console.WriteLine($"pdf: browser start {started.Elapsed.TotalSeconds:F2} s");
    for (var i = 0; i < 3; i++) await renderer.RenderAsync(project);
    var pdfForms = Math.Max(10, forms / 10);
    foreach (var parallel in new[] { 1, 2 })
    {
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < pdfForms; i += parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, pdfForms - i)).Select(_ => renderer.RenderAsync(project)));
            bytes += batch.Sum(b => (long)b.Length);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"pdf ({parallel} page(s) at a time): {pdfForms} one-page forms in {seconds:F2} s = {pdfForms / seconds:F1} pages/s, {bytes / pdfForms / 1024} KiB each");
    }
}
return 0;

static void Measure(string name, int count, Func<long> write)
{
    for (var i = 0; i < 20; i++) write();
    GC.Collect();
    var watch = Stopwatch.StartNew();
    long size = 0;
    for (var i = 0; i < count; i++) size += write();
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{name}: {count} forms in {seconds:F2} s = {count / seconds:F0} forms/s on one core, {size / count / 1024.0:F1} KiB each");
}

// The pictures in docs/samples: every kind printed to PDF, its first page as PNG (pdftoppm, 60 dpi), plus the files.
static async Task<int> Samples(string directory)
{
    Directory.CreateDirectory(directory);
    await using var renderer = await PdfRenderer.StartAsync();
    var index = 0;
    foreach (var form in SampleForms.EveryKind())
    {
        index++;
        var name = $"{index:00}-{form.Kind.Code()}";
        var pdf = Path.Combine(Path.GetTempPath(), name + ".pdf");
        await File.WriteAllBytesAsync(pdf, await renderer.RenderAsync(form));
        using (var process = Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(directory, name)]))
            await process.WaitForExitAsync();
        File.Delete(pdf);
        if (index == 1)
        {
            await using (var s = File.Create(Path.Combine(directory, name + ".xlsx"))) FormXlsx.Write(form, s);
            await using (var s = File.Create(Path.Combine(directory, name + ".docx"))) FormDocx.Write(form, s);
            await File.WriteAllTextAsync(Path.Combine(directory, name + ".html"), FormHtml.Render(form));
        }
        Console.WriteLine(name);
    }
    var draft = ReportDrafts.Build(SampleForms.All(), SampleForms.Unit, 2020);
    await File.WriteAllTextAsync(Path.Combine(directory, "report-draft.txt"), draft.ToText());
    await using (var s = File.Create(Path.Combine(directory, "report-draft.docx"))) draft.WriteDocx(s);
    return 0;
}
