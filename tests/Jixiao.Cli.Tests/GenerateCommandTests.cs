using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao generate` writes a fictional province as JSON lines and says in one Chinese line what it made.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-generate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_small_city_is_written_as_json_lines_with_a_chinese_summary()
    {
        var result = CliRun.Run("generate", "--units", "16", "--seed", "5", "--out", folder);
        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.StartsWith("已生成", result.Output);
        Assert.Contains("预算单位 16 个", result.Output);

        var organisations = File.ReadAllLines(Path.Combine(folder, "organisations.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(1 + 1 + 16, organisations.Count);
        Assert.Equal("FinanceBureau", organisations[0].GetProperty("kind").GetString());

        var forms = File.ReadAllLines(Path.Combine(folder, "forms.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains($"表 {forms.Count} 张", result.Output);
        var read = forms.Select(f => FormJson.Deserialize(f.GetProperty("form").GetRawText())).ToList();
        Assert.All(read, f => Assert.False(string.IsNullOrWhiteSpace(f.Unit)));
        Assert.Contains(read, f => f.Kind == FormKind.Report && f.Text!.Length > 300);
        Assert.Contains(forms, f => f.GetProperty("defects").GetArrayLength() > 0);
    }

    [Fact]
    public void The_same_seed_writes_the_same_forms()
    {
        var other = folder + "-again";
        try
        {
            Assert.Equal(ExitCodes.Clean, CliRun.Run("generate", "--units", "3", "--seed", "9", "--out", folder).ExitCode);
            Assert.Equal(ExitCodes.Clean, CliRun.Run("generate", "--units", "3", "--seed", "9", "--out", other).ExitCode);
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "forms.jsonl")), File.ReadAllText(Path.Combine(other, "forms.jsonl")));
        }
        finally
        {
            if (Directory.Exists(other)) Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void A_small_city_loads_into_an_empty_sqlite_database_and_a_second_load_is_refused()
    {
        Directory.CreateDirectory(folder);
        var database = $"Data Source={Path.Combine(folder, "city.db")};Pooling=false";
        var result = CliRun.Run("generate", "--units", "2", "--seed", "4", "--database", database, "--provider", "sqlite");
        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Contains("已载入", result.Output);
        Assert.Matches(@"表 [1-9][0-9]* 张", result.Output);

        var again = CliRun.Run("generate", "--units", "2", "--seed", "4", "--database", database, "--provider", "sqlite");
        Assert.Equal(ExitCodes.Unreadable, again.ExitCode);
        Assert.Contains("空数据库", again.Error);
    }

    [Fact]
    public void A_unit_count_out_of_range_is_refused_in_one_line()
    {
        var result = CliRun.Run("generate", "--units", "0", "--out", folder);
        Assert.Equal(ExitCodes.Unreadable, result.ExitCode);
        Assert.Contains("--units", result.Error);
        Assert.False(Directory.Exists(folder));
    }
}
