using Jixiao.Documents.Writers.Pdf;

namespace Jixiao.Web.Features.Downloads;

/// <summary>
/// The one warm chromium of this process, started on the first PDF asked for: most instances never render a PDF, and
/// a browser held idle costs memory. A failed start is not cached, so installing chromium needs no restart.
/// </summary>
public sealed class PdfRenderers(IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PdfRenderer? renderer;

    /// <summary>Jixiao:Chromium overrides the default path (/usr/bin/chromium).</summary>
    public string ChromiumPath => configuration["Jixiao:Chromium"] ?? PdfRenderer.DefaultChromium;

    public bool Available => PdfRenderer.IsAvailable(ChromiumPath);

    public async Task<PdfRenderer> GetAsync(CancellationToken ct)
    {
        if (renderer is { } ready) return ready;
        await gate.WaitAsync(ct);
        try
        {
            return renderer ??= await PdfRenderer.StartAsync(ChromiumPath);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (renderer is not null) await renderer.DisposeAsync();
        gate.Dispose();
    }
}
