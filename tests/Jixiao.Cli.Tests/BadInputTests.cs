using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>A bad file gives one line saying what is wrong; the other files are still read; no stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Empty_binary_unsupported_and_missing_files_each_give_one_chinese_line_and_exit_code_2()
    {
        File.WriteAllBytes(Path.Combine(_dir, "a-empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_dir, "b-binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x00, 0x01]);
        File.Copy(RepoPaths.Seed("001"), Path.Combine(_dir, "c-report.txt"));
        var unsupported = Path.Combine(_dir, "d.xyz");
        File.WriteAllText(unsupported, "x");
        var missing = Path.Combine(_dir, "missing.txt");

        var result = CliRun.Run("check", _dir, unsupported, missing, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(_dir, "a-empty.txt") + ": ", StringComparison.Ordinal) && l.Contains("为空", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("b-binary.txt: ", StringComparison.Ordinal) && l.Contains("无法识别", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(unsupported + ": ", StringComparison.Ordinal) && l.Contains("不支持的文件类型", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(missing + ": ", StringComparison.Ordinal) && l.Contains("不存在", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);

        var files = result.Json.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(5, files.Length);
        var report = files.Single(f => f.GetProperty("path").GetString()!.EndsWith("c-report.txt", StringComparison.Ordinal));
        Assert.Equal("report", report.GetProperty("forms")[0].GetProperty("kind").GetString());
        Assert.Contains("为空", files[0].GetProperty("error").GetString());
    }

    [Fact]
    public void A_folder_is_searched_recursively_for_readable_files()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_dir, "2020", "project")).FullName;
        File.Copy(RepoPaths.Seed("000"), Path.Combine(nested, "table.txt"));
        File.WriteAllText(Path.Combine(nested, "notes.md"), "not a form");

        var result = CliRun.Run("check", _dir, "--format", "json");

        Assert.Equal(1, result.ExitCode); // seed 000 has error findings; notes.md is skipped, not an error
        Assert.Equal("", result.Error);
        var file = Assert.Single(result.Json.GetProperty("files").EnumerateArray());
        Assert.Equal("department-self-evaluation", file.GetProperty("forms")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void A_correctly_filled_form_exits_with_0_and_a_bad_file_beside_forms_with_errors_still_gives_2()
    {
        var clean = Path.Combine(_dir, "clean.txt");
        File.WriteAllText(clean, string.Join('\n',
            "项目支出绩效自评表",
            "(2020 年度)",
            "项目名称\t道路养护",
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "\t年度资金总额\t100\t100\t100\t10\t100.00%\t10",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
            "产出指标\t数量指标\t养护里程\t≥100公里\t100公里\t50\t50\t",
            "效益指标\t社会效益指标\t通行时间缩短\t≥10%\t12%\t30\t30\t",
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10\t",
            "总分\t\t\t\t\t100\t100\t"));
        Assert.Equal(0, CliRun.Run("check", clean).ExitCode);

        File.WriteAllBytes(Path.Combine(_dir, "empty.txt"), []);
        File.Copy(RepoPaths.Seed("000"), Path.Combine(_dir, "seed.txt"));
        Assert.Equal(2, CliRun.Run("check", _dir).ExitCode);
    }

    [Fact]
    public void Bad_arguments_exit_with_2()
    {
        Assert.Equal(2, CliRun.Run("check", _dir, "--format", "xml").ExitCode);
        Assert.Equal(2, CliRun.Run("check").ExitCode);
        Assert.Equal(2, CliRun.Run("inspect", _dir).ExitCode);
        Assert.Equal(2, CliRun.Run().ExitCode);
    }
}
