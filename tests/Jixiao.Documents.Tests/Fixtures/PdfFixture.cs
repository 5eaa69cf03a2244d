using System.Diagnostics;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>
/// Prints the <see cref="HtmlFixture"/> page with headless chromium, the way published PDFs are made from web pages
/// (CJK text comes out with Kangxi radicals, as in the wild). Tests skip where chromium is not installed.
/// </summary>
public static class PdfFixture
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool Available => File.Exists(Chromium);

    public static byte[] Build(params DocumentBlock[] blocks)
    {
        var page = HtmlFixture.Page(blocks).Replace("<style>", "<style>@page{size:A4 landscape;margin:10mm}", StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var html = Path.Combine(dir.FullName, "form.html");
            var pdf = Path.Combine(dir.FullName, "form.pdf");
            File.WriteAllText(html, page);
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                         "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--print-to-pdf=" + pdf, html,
                     })
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not print the page within 90 s");
            }

            if (!File.Exists(pdf)) throw new InvalidOperationException("chromium printed no PDF: " + stderr.Result);
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
