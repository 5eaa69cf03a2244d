using System.CommandLine;
using Jixiao.Core.Templates;
using Jixiao.Documents.Templates;

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
            var (files, errors) = target is null ? (TemplateRegistry.BuiltInFiles(), new List<TemplateError>()) : TemplateFolder.Files(target);
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
}
