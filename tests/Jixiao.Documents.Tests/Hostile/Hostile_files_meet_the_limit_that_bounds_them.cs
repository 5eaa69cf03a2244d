using Jixiao.Documents.Reading;
using Jixiao.Fuzz;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>
/// The small files of issue 14 that once overflowed the stack, exhausted memory or held a reader for minutes: each is
/// refused by the budget that bounds it, with one Chinese line saying which and where. (Their time and memory are
/// measured by bench/Jixiao.Fuzz, not here.)
/// </summary>
public sealed class Hostile_files_meet_the_limit_that_bounds_them
{
    public static TheoryData<string, ReadLimit> Cases => new()
    {
        { "deep-run.docx", ReadLimit.XmlDepth },
        { "deep-sdt.docx", ReadLimit.XmlDepth },
        { "huge-gridspan.docx", ReadLimit.Columns },
        { "huge-row-number.xlsx", ReadLimit.Rows },
        { "many-rectangles.pdf", ReadLimit.Drawings },
        { "flate-bomb.pdf", ReadLimit.DecompressedBytes },
        { "huge-text.txt", ReadLimit.TextCharacters },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_naming_the_limit(string name, ReadLimit limit)
    {
        var bytes = HostileFiles.All.Single(f => f.Name == name).Build();

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(bytes), name));

        Assert.Equal(limit, error.Limit);
        Assert.Equal(name, error.Path);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_nested_docx_files_are_small_enough_to_be_a_real_threat()
    {
        // The point of the pre-scan: a few kilobytes, far below every size limit, used to end the process.
        Assert.InRange(HostileFiles.DocxDeepRun().Length, 1, 16 * 1024);
        Assert.InRange(HostileFiles.DocxDeepSdt().Length, 1, 16 * 1024);
    }

    [Fact]
    public void Nesting_just_inside_the_depth_limit_is_still_read()
    {
        var bytes = HostileFiles.DocxDeepSdt(depth: 100);

        var document = DocumentReader.Read(new MemoryStream(bytes), "嵌套.docx");

        Assert.Contains(document.Blocks, b => b is Grid.TextBlock { Text: "正文" });
    }
}
