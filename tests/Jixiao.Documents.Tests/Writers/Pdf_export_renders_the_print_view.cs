using Jixiao.Documents.Writers.Pdf;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>One chromium for the whole class, as in production.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    public PdfRenderer? Renderer { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (PdfRenderer.IsAvailable() && PdfPages.ToolsAvailable) Renderer = await PdfRenderer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Renderer is not null) await Renderer.DisposeAsync();
    }
}

public sealed class Pdf_export_renders_the_print_view(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jixiao-pdf-" + Guid.NewGuid().ToString("N"));

    private PdfRenderer Renderer()
    {
        Assert.SkipUnless(fixture.Renderer is not null, "needs /usr/bin/chromium and poppler-utils (pdftoppm, pdftotext)");
        return fixture.Renderer!;
    }

    [Fact]
    public async Task A_seed_sized_project_table_is_one_A4_page_with_visible_content()
    {
        var renderer = Renderer();
        var pdf = await renderer.RenderAsync(SampleForms.LinkLease(), TestContext.Current.CancellationToken);

        var pages = PdfPages.ToPngs(pdf, _directory);
        Assert.Single(pages);
        // A blank A4 page at 50 dpi has no dark pixel; the table's borders and text give thousands.
        Assert.True(PdfPages.DarkPixels(pages[0]) > 5_000, "the rendered page is (nearly) blank");
    }

    [Fact]
    public async Task The_pdf_text_carries_the_project_name_and_figures()
    {
        var renderer = Renderer();
        var pdf = await renderer.RenderAsync(SampleForms.LinkLease(), TestContext.Current.CancellationToken);

        var text = PdfPages.Text(pdf, _directory).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains("链路租赁经费", text);
        Assert.Contains("403.00", text);
        Assert.Contains("100.00%", text);
        Assert.Contains("96.00", text);
    }

    [Fact]
    public async Task Several_forms_print_each_on_its_own_pages_and_the_monitoring_table_in_landscape()
    {
        var renderer = Renderer();
        var pdf = await renderer.RenderAsync([SampleForms.LinkLease(), SampleForms.Monitoring()], "浏阳市数据资源中心", TestContext.Current.CancellationToken);

        var pages = PdfPages.ToPngs(pdf, _directory);
        Assert.Equal(2, pages.Count);
        var (portraitWidth, portraitHeight) = Size(pages[0]);
        var (landscapeWidth, landscapeHeight) = Size(pages[1]);
        Assert.True(portraitHeight > portraitWidth);
        Assert.True(landscapeWidth > landscapeHeight);
        Assert.All(pages, page => Assert.True(PdfPages.DarkPixels(page) > 2_000));
    }

    private static (int Width, int Height) Size(string png)
    {
        var bytes = File.ReadAllBytes(png);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
