using System.CommandLine;
using Jixiao.Cli.Check;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Cli;

/// <summary>The command line: parsing and exit codes in one place, so tests run it in-process with their own writers.</summary>
public static class CliApp
{
    /// <summary>0 everything read; 1 findings of severity error; 2 a file could not be read or the arguments are wrong.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("路径")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "要检查的文件或文件夹（文件夹逐层查找），可给多个",
        };
        var format = new Option<string>("--format")
        {
            Description = "输出格式：text（可读摘要）或 json（供其他工具使用）",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var rulebook = new Option<string>("--rulebook")
        {
            Description = "计分规则：" + string.Join("、", Rulebooks.Names) + "（默认 " + Rulebooks.DefaultName + "）",
            DefaultValueFactory = _ => Rulebooks.DefaultName,
        };
        rulebook.AcceptOnlyFromAmong([.. Rulebooks.Names]);

        var check = new Command("check", "读取绩效自评表、监控表、基础数据表和自评报告，列出读到的每张表") { paths, format, rulebook };
        check.SetAction(parsed => CheckCommand.Run(parsed.GetValue(paths) ?? [], parsed.GetValue(format) == "json",
            Rulebooks.BuiltIn(parsed.GetValue(rulebook) ?? Rulebooks.DefaultName), output, error));

        var root = new RootCommand("jixiao：预算绩效自评表的读取与核对") { check };
        var result = root.Parse(args);
        var code = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // System.CommandLine returns 1 for parse errors; this tool promises 2 for bad arguments.
        return result.Errors.Count > 0 ? 2 : code;
    }
}
