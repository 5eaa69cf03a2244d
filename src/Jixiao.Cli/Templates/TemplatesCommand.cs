using System.CommandLine;
using Jixiao.Core.Templates;

namespace Jixiao.Cli.Templates;

/// <summary>`jixiao templates check [FILE|DIR]`: validates template files (a bureau's new layout family) before they are used.</summary>
internal static class TemplatesCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("路径")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "模板文件（.json）或存放模板的文件夹；不给则检查内置模板",
        };
        var check = new Command("check", "检查模板文件：角色、区块、年份、打印宽度和表头写法；有错误时退出码为 2") { path };
        check.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var target = parsed.GetValue(path);
            var (files, errors) = target is null ? (TemplateRegistry.BuiltInFiles(), new List<TemplateError>()) : Files(target);
            errors.AddRange(TemplateValidator.Check(files));
            foreach (var e in errors) error.WriteLine(e.ToString());
            if (errors.Count > 0)
            {
                error.WriteLine($"发现 {errors.Count} 处错误");
                return 2;
            }
            output.WriteLine($"{files.Count} 个文件检查通过");
            return 0;
        });
        return new Command("templates", "版式模板（每个版式一份 JSON 文件）") { check };
    }

    private static (IReadOnlyList<(string File, string Json)> Files, List<TemplateError> Errors) Files(string path)
    {
        var errors = new List<TemplateError>();
        var files = new List<(string, string)>();
        IEnumerable<string> paths;
        if (Directory.Exists(path)) paths = Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal);
        else if (File.Exists(path)) paths = [path];
        else
        {
            errors.Add(new TemplateError(path, "$", "没有这个文件或文件夹"));
            return (files, errors);
        }
        foreach (var p in paths)
        {
            try
            {
                files.Add((p, File.ReadAllText(p)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new TemplateError(p, "$", $"无法读取（{e.Message}）"));
            }
        }
        if (files.Count == 0 && errors.Count == 0) errors.Add(new TemplateError(path, "$", "文件夹中没有模板文件（*.json）"));
        return (files, errors);
    }
}
