using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// `--templates DIR`: a bureau's own layout files join the built-in ones for the command, after the same checks as
/// `jixiao templates check`; a broken file stops the command with its errors in Chinese before anything is read.
/// </summary>
public sealed class A_templates_folder_adds_a_bureaus_layout_to_the_command : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jixiao-templates-{Guid.NewGuid():N}");
    private readonly string _document;

    public A_templates_folder_adds_a_bureaus_layout_to_the_command()
    {
        Directory.CreateDirectory(_folder);
        _document = Path.Combine(_folder, "form.txt");
        File.WriteAllText(_document, string.Join('\n',
            "测试省某县项目支出绩效自评表(2023年度)",
            "项目名称\t乡村道路养护",
            "主管部门\t某县交通运输局",
            "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t100\t100\t100\t10\t100%\t10",
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            "\t产出指标\t数量指标\t养护里程\t≥30公里\t32公里\t90\t90",
            "总分\t100\t100"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The national project layout copied as a province's own family (a new id, its region, not the default).</summary>
    private string WriteProvinceTemplate(string folder)
    {
        Directory.CreateDirectory(folder);
        var national = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Jixiao.Core", "Templates", "mof-project.json"));
        var own = national.Replace("\"id\": \"mof-project\"", "\"id\": \"test-province-project\"", StringComparison.Ordinal)
            .Replace("\"regions\": [\"*\"]", "\"regions\": [\"测试省\"]", StringComparison.Ordinal)
            .Replace("\"default\": true,", "", StringComparison.Ordinal);
        Assert.NotEqual(national, own);
        var path = Path.Combine(folder, "test-province-project.json");
        File.WriteAllText(path, own);
        return path;
    }

    private static string? TemplateOfTheForm(CliResult result) =>
        result.Json.GetProperty("files")[0].GetProperty("forms")[0].GetProperty("templateId").GetString();

    [Fact]
    public void The_form_is_read_with_the_bureaus_template_when_the_folder_is_given_and_with_the_national_one_otherwise()
    {
        WriteProvinceTemplate(Path.Combine(_folder, "templates"));

        var withFolder = CliRun.Run("check", _document, "--format", "json", "--templates", Path.Combine(_folder, "templates"));
        var without = CliRun.Run("check", _document, "--format", "json");

        Assert.True(withFolder.ExitCode is 0 or 1, withFolder.Error);
        Assert.Equal("test-province-project", TemplateOfTheForm(withFolder));
        Assert.Equal("mof-project", TemplateOfTheForm(without));
    }

    [Fact]
    public void A_broken_template_stops_the_command_with_exit_2_naming_the_file_and_the_json_path()
    {
        var path = WriteProvinceTemplate(Path.Combine(_folder, "broken"));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"role\": \"budget\"", "\"role\": \"nosuchrole\"", StringComparison.Ordinal));

        var result = CliRun.Run("check", _document, "--format", "json", "--templates", Path.Combine(_folder, "broken"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path + "：$.blocks[1].columns[1].role", result.Error, StringComparison.Ordinal);
        Assert.Contains("未执行命令", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void A_folder_that_does_not_exist_exits_2_in_chinese()
    {
        var result = CliRun.Run("check", _document, "--templates", Path.Combine(_folder, "none"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("没有这个文件或文件夹", result.Error, StringComparison.Ordinal);
    }
}
