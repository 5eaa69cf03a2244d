using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao templates check` tells a bureau whether its template file can be used, and where it is wrong.</summary>
public sealed class Templates_check_reports_errors_by_file_and_path
{
    [Fact]
    public void The_built_in_templates_and_their_folder_pass_with_exit_0()
    {
        Assert.Equal(0, CliRun.Run("templates", "check").ExitCode);
        var folder = Path.Combine(RepoPaths.Root, "src", "Jixiao.Core", "Templates");
        var result = CliRun.Run("templates", "check", folder);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public void A_broken_file_exits_2_naming_the_file_and_json_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-template-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "id": "Bad Id", "version": 1, "kind": "project-self-evaluation", "label": "x", "family": "x", "regions": ["*"],
              "years": { "from": 2021 }, "basis": "x",
              "blocks": [ { "type": "indicators", "columns": [ { "role": "name" }, { "role": "nosuchrole" } ] } ] }
            """);
        try
        {
            var result = CliRun.Run("templates", "check", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(path + "：$.id：", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.blocks[0].columns[1].role", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_path_exits_2() => Assert.Equal(2, CliRun.Run("templates", "check", "/no/such/templates").ExitCode);
}
