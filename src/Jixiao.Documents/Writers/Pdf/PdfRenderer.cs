using Jixiao.Core.Forms;
using Jixiao.Documents.Writers.Html;
using Microsoft.Playwright;

namespace Jixiao.Documents.Writers.Pdf;

/// <summary>
/// Turns the HTML print view into PDF with one long-lived headless chromium (Debian's /usr/bin/chromium; no browser
/// download). Starting chromium costs about a second, a page about half of one, so one renderer is created per
/// process (or per export run) and reused; it renders at most <c>maxConcurrentPages</c> pages at once.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    // The flags stack.md verified for a headless chromium on a server: no sandbox (root in a container), no GPU, and
    // nothing that calls home.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _executable;
    private readonly SemaphoreSlim _pages;
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IBrowser _browser;

    private PdfRenderer(IPlaywright playwright, IBrowser browser, string executable, int maxConcurrentPages)
    {
        _playwright = playwright;
        _browser = browser;
        _executable = executable;
        _pages = new SemaphoreSlim(maxConcurrentPages, maxConcurrentPages);
    }

    /// <summary>True when the chromium the renderer needs is installed.</summary>
    public static bool IsAvailable(string? chromiumPath = null) => File.Exists(chromiumPath ?? DefaultChromium);

    public static async Task<PdfRenderer> StartAsync(string? chromiumPath = null, int maxConcurrentPages = 2)
    {
        var executable = chromiumPath ?? DefaultChromium;
        if (!File.Exists(executable))
            throw new InvalidOperationException($"找不到 chromium（{executable}），无法生成 PDF：请安装 chromium 和 fonts-noto-cjk。");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentPages, 1);
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await Launch(playwright, executable).ConfigureAwait(false);
            return new PdfRenderer(playwright, browser, executable, maxConcurrentPages);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>One form as an A4 PDF (landscape where its table is wide).</summary>
    public Task<byte[]> RenderAsync(PerformanceForm form, CancellationToken cancellationToken = default) =>
        RenderHtmlAsync(FormHtml.Render(form), cancellationToken);

    /// <summary>Several forms in one PDF, each starting on a new page.</summary>
    public Task<byte[]> RenderAsync(IEnumerable<PerformanceForm> forms, string documentTitle, CancellationToken cancellationToken = default) =>
        RenderHtmlAsync(FormHtml.Render(forms, documentTitle), cancellationToken);

    /// <summary>Any self-contained HTML page (its own CSS decides the page size through @page).</summary>
    public async Task<byte[]> RenderHtmlAsync(string html, CancellationToken cancellationToken = default)
    {
        await _pages.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var browser = await Browser().ConfigureAwait(false);
            var page = await browser.NewPageAsync().ConfigureAwait(false);
            try
            {
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true }).ConfigureAwait(false);
            }
            finally
            {
                await page.CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _pages.Release();
        }
    }

    /// <summary>The browser, relaunched if it died (a crash must not take every later export down with it).</summary>
    private async Task<IBrowser> Browser()
    {
        if (_browser.IsConnected) return _browser;
        await _launch.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_browser.IsConnected) _browser = await Launch(_playwright, _executable).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private static Task<IBrowser> Launch(IPlaywright playwright, string executable) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Flags });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
        _pages.Dispose();
        _launch.Dispose();
    }
}
