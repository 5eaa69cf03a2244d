using Jixiao.Core.Forms;

namespace Jixiao.Core.Tests;

public class The_core_stays_free_of_infrastructure
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "DocumentFormat.OpenXml", "UglyToad.PdfPig", "PdfPig", "AngleSharp",
        "Jixiao.Documents", "Jixiao.Data", "Jixiao.Web", "Jixiao.Cli",
    ];

    [Fact]
    public void Jixiao_Core_references_no_database_web_or_file_format_assembly()
    {
        var references = typeof(PerformanceForm).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.NotEmpty(references);
        var offending = references.Where(r => Forbidden.Any(f => r.Equals(f, StringComparison.Ordinal) || r.StartsWith(f + ".", StringComparison.Ordinal))).ToList();
        Assert.True(offending.Count == 0, "Jixiao.Core references " + string.Join(", ", offending));
    }
}
