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
        File.WriteAllBytes(Path.Combine(_dir, "b-binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
        File.Copy(RepoPaths.Seed("001"), Path.Combine(_dir, "c-report.txt"));
        var unsupported = Path.Combine(_dir, "d.xyz");
        File.WriteAllText(unsupported, "x");
        var missing = Path.Combine(_dir, "missing.txt");

        var result = CliRun.Run("check", _dir, unsupported, missing, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(_dir, "a-empty.txt") + ": ", StringComparison.Ordinal) && l.Contains("为空", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("b-binary.txt: ", StringComparison.Ordinal) && l.Contains("不是文本", StringComparison.Ordinal));
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

        Assert.Equal(0, result.ExitCode);
        var file = Assert.Single(result.Json.GetProperty("files").EnumerateArray());
        Assert.Equal("department-self-evaluation", file.GetProperty("forms")[0].GetProperty("kind").GetString());
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
