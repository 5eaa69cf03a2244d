using System.Text;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Tests.Fixtures;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Hostile;

/// <summary>The budgets are one record a caller passes in: lowering one makes an ordinary file meet it.</summary>
public sealed class Every_budget_is_set_in_ReadLimits
{
    private static byte[] Seed003Xlsx() => XlsxFixture.Build(SeedTables.Seed003CloudProject);

    public static TheoryData<string, ReadLimit> Cases => new()
    {
        { "rows", ReadLimit.Rows },
        { "columns", ReadLimit.Columns },
        { "cells", ReadLimit.Cells },
        { "text", ReadLimit.TextCharacters },
        { "time", ReadLimit.Time },
        { "file", ReadLimit.FileBytes },
        { "decompressed", ReadLimit.DecompressedBytes },
        { "depth", ReadLimit.XmlDepth },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_lowered_budget_refuses_a_real_workbook_naming_it(string budget, ReadLimit limit)
    {
        var limits = budget switch
        {
            "rows" => ReadLimits.Default with { MaxRows = 3 },
            "columns" => ReadLimits.Default with { MaxColumns = 2 },
            "cells" => ReadLimits.Default with { MaxCells = 10 },
            "text" => ReadLimits.Default with { MaxTextCharacters = 20 },
            "time" => ReadLimits.Default with { MaxTime = TimeSpan.Zero },
            "file" => ReadLimits.Default with { MaxFileBytes = 100 },
            "decompressed" => ReadLimits.Default with { MaxDecompressedBytes = 100 },
            _ => ReadLimits.Default with { MaxXmlDepth = 1 },
        };

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(Seed003Xlsx()), "表.xlsx", limits));

        Assert.Equal(limit, error.Limit);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_default_budgets_read_every_seed_in_every_format()
    {
        foreach (var extension in DocumentFixtures.Extensions.Where(e => e != ".pdf"))
        foreach (var seed in SeedTables.All)
            Assert.NotEmpty(DocumentReader.Read(new MemoryStream(DocumentFixtures.Build(extension, seed)), "表" + extension).Blocks);
        foreach (var path in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
            Assert.NotEmpty(DocumentReader.Read(new MemoryStream(File.ReadAllBytes(path)), path).Blocks);
    }

    [Fact]
    public void A_text_table_wider_than_the_column_budget_is_refused_with_its_line()
    {
        var text = "项目名称\t数据\n" + string.Join('\t', Enumerable.Repeat("1", 50)) + "\n";

        var error = Assert.Throws<DocumentReadException>(() =>
            DocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "宽.txt", ReadLimits.Default with { MaxColumns = 20 }));

        Assert.Equal(ReadLimit.Columns, error.Limit);
        Assert.Contains("第 2 行", error.Message, StringComparison.Ordinal);
    }
}
