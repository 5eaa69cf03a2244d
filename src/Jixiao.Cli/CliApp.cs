using System.CommandLine;
using Jixiao.Cli.Check;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Templates;
using Jixiao.Documents.Templates;

namespace Jixiao.Cli;

/// <summary>The command line: parsing and exit codes in one place, so tests run it in-process with their own writers.</summary>
public static class CliApp
{
    /// <summary>Runs one command; see <see cref="ExitCodes"/>. Never lets an exception or a stack trace reach the terminal.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Parse(args, output, error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last net: what the per-file and per-rule nets did not catch is our defect, said in one line.
            error.WriteLine($"jixiao 内部错误（{e.GetType().Name}：{e.Message}），本次结果不完整。请将所用命令和文件提交给系统维护人员。");
            return ExitCodes.InternalError;
        }
    }

    private static int Parse(string[] args, TextWriter output, TextWriter error)
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
            Description = "计分规则：内置的 " + string.Join("、", Rulebooks.Names) + "（默认 " + Rulebooks.DefaultName + "），或规则文件（JSON）的路径",
            DefaultValueFactory = _ => Rulebooks.DefaultName,
        };
        var report = new Option<string?>("--report")
        {
            Description = "另存一份核查报告（.xlsx，每条问题一行，可筛选）",
        };

        var history = new Option<string[]>("--history")
        {
            Description = "用于比对的往年表格、批复的绩效目标表或同一部门的其他表（文件或文件夹，可给多个）：只作比对，本身不列问题",
            AllowMultipleArgumentsPerToken = true,
        };

        var templates = new Option<string?>("--templates")
        {
            Description = "另加的版式模板文件夹（或单个 .json 文件）：与内置模板一起用于识别和导出，载入前逐项检查",
            Recursive = true,
        };

        var check = new Command("check", "读取绩效自评表、监控表、基础数据表和自评报告，按规则核算并列出发现的问题。" + ExitCodes.Help) { paths, format, rulebook, report, history };
        check.SetAction(parsed =>
        {
            if (LoadRulebook(parsed.GetValue(rulebook) ?? Rulebooks.DefaultName, error) is not { } rules) return ExitCodes.Unreadable;
            var colour = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            return CheckCommand.Run(parsed.GetValue(paths) ?? [],
                new CheckSettings(rules, parsed.GetValue(format) == "json", parsed.GetValue(report), colour) { History = parsed.GetValue(history) ?? [] }, output, error);
        });

        var root = new RootCommand("jixiao：预算绩效自评表的读取、核对与导出。" + ExitCodes.Help)
        {
            check, Export.ExportCommand.Create(), Templates.TemplatesCommand.Create(), Generate.GenerateCommand.Create(), templates,
        };
        var result = root.Parse(args);
        // A bureau's templates join the built-in ones for this command only; a broken file stops it before any reading.
        IDisposable? scope = null;
        if (result.Errors.Count == 0 && result.GetValue(templates) is { } folder)
        {
            if (LoadTemplates(folder, error) is not { } registry) return ExitCodes.Unreadable;
            scope = TemplateRegistry.UseWhile(registry);
        }
        using var restore = scope;
        // Exceptions come to Run's net: System.CommandLine's own handler prints a stack trace and exits 1, the code of error findings.
        var code = result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        // System.CommandLine returns 1 for parse errors; this tool promises 2 for bad arguments.
        return result.Errors.Count > 0 ? ExitCodes.Unreadable : code;
    }

    /// <summary>The built-in templates plus a bureau's folder; null after writing every error (file, place, what) in Chinese.</summary>
    private static TemplateRegistry? LoadTemplates(string folder, TextWriter error)
    {
        try
        {
            return TemplateFolder.Load(folder);
        }
        catch (TemplateException e)
        {
            foreach (var line in e.Errors) error.WriteLine(line.ToString());
            error.WriteLine($"--templates {folder}：模板有 {e.Errors.Count} 处错误，未执行命令");
            return null;
        }
    }

    /// <summary>A built-in rulebook by name, or a user's copy from a file; a broken one is one line naming the field.</summary>
    private static Rulebook? LoadRulebook(string nameOrPath, TextWriter error)
    {
        if (Rulebooks.Names.Contains(nameOrPath)) return Rulebooks.BuiltIn(nameOrPath);
        if (!File.Exists(nameOrPath))
        {
            error.WriteLine($"{nameOrPath}: 没有这个内置规则，也没有这个规则文件（内置：{string.Join("、", Rulebooks.Names)}）");
            return null;
        }
        try
        {
            return Rulebook.Parse(File.ReadAllText(nameOrPath), nameOrPath);
        }
        catch (RulebookException e)
        {
            error.WriteLine($"{nameOrPath}: {e.ChineseMessage}（字段 {e.Field}）");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{nameOrPath}: 规则文件无法读取（{e.Message}）");
            return null;
        }
    }
}
