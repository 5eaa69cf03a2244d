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

    public static byte[] Build(params DocumentBlock[] blocks) => Print(HtmlFixture.Page(blocks));

    /// <summary>The same page with no cell borders, like PDFs exported from plain text layouts.</summary>
    public static byte[] BuildBorderless(params DocumentBlock[] blocks) =>
        Print(HtmlFixture.Page(blocks).Replace("td{border:1px solid #000;", "td{border:none;", StringComparison.Ordinal));

    /// <summary>Prints any page of the fixture's shape (the tests vary its CSS).</summary>
    public static byte[] Print(string html)
    {
        var page = html.Replace("<style>", "<style>@page{size:A4 landscape;margin:10mm}", StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var htmlFile = Path.Combine(dir.FullName, "form.html");
            var pdf = Path.Combine(dir.FullName, "form.pdf");
            File.WriteAllText(htmlFile, page);
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
                         "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--print-to-pdf=" + pdf, htmlFile,
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
