using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jixiao.Data.Forms;
using Jixiao.Data.Generation;

namespace Jixiao.Cli.Generate;

/// <summary>
/// `jixiao generate --units N --seed S --out DIR`: a fictional province (see ProvinceGenerator) written as JSON lines —
/// organisations, users, projects and forms (each form as FormJson with its unit, project, target workflow state and
/// the mistakes put into it) — unit by unit, so a province of 10⁴ units never sits in memory.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var units = new Option<int>("--units") { Description = "预算单位个数（主管部门约为其 1/15）", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "随机种子：同一种子生成同一个省（市）", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "最后一个年度（共生成三个年度）", DefaultValueFactory = _ => ProvinceGenerator.DefaultLastYear };
        var output = new Option<string?>("--out") { Description = "输出文件夹：organisations.jsonl、users.jsonl、projects.jsonl、forms.jsonl" };
        var treeOnly = new Option<bool>("--tree-only") { Description = "只写组织机构和用户（organisations.jsonl、users.jsonl），不生成表" };
        var database = new Option<string?>("--database") { Description = "载入数据库的连接字符串（空数据库）：经与网站相同的保存路径写入表、检查结果、分析数据、流转记录和审计日志" };
        var provider = new Option<string>("--provider") { Description = "数据库：postgres 或 sqlite（默认按连接字符串判断）", DefaultValueFactory = _ => "" };
        provider.AcceptOnlyFromAmong("", "postgres", "sqlite");
        var password = new Option<string?>("--password") { Description = "载入时给所有生成的账户设置的密码（不给则这些账户不能登录）" };
        var command = new Command("generate", "生成一个虚构的省（市）：组织机构、用户、项目和三个年度的各类绩效表（含按真实样本比例设置的错误），用于演示、测试和压测。" + ExitCodes.Help)
        {
            units, seed, year, output, treeOnly, database, provider, password,
        };
        command.SetAction(parsed =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var count = parsed.GetValue(units);
            if (count is < 1 or > ProvinceGenerator.MaxUnits)
            {
                error.WriteLine($"--units 应在 1 到 {ProvinceGenerator.MaxUnits} 之间（给的是 {count}）");
                return ExitCodes.Unreadable;
            }
            var last = parsed.GetValue(year);
            if (last is < 2002 or > 2100)
            {
                error.WriteLine($"--year 应为 2002 到 2100 之间的年度（给的是 {last}）");
                return ExitCodes.Unreadable;
            }
            var folder = parsed.GetValue(output);
            var connection = parsed.GetValue(database);
            if (string.IsNullOrWhiteSpace(folder) && string.IsNullOrWhiteSpace(connection))
            {
                error.WriteLine("请用 --out 指定输出文件夹，或用 --database 指定要载入的数据库");
                return ExitCodes.Unreadable;
            }
            var generator = new ProvinceGenerator(parsed.GetValue(seed), count, last);
            if (!string.IsNullOrWhiteSpace(connection))
                return Load.Run(generator, connection, parsed.GetValue(provider) ?? "", parsed.GetValue(password), stdout, error);
            try
            {
                if (parsed.GetValue(treeOnly))
                {
                    WriteTree(generator, folder!);
                    stdout.WriteLine($"已生成{generator.Name}的组织机构（{generator.Organisations.Count()} 个）和用户（{generator.Users.Count} 个），已写入 {Path.GetFullPath(folder!)}");
                    return ExitCodes.Clean;
                }
                var totals = Write(generator, folder!);
                stdout.WriteLine($"已生成{generator.Name}（{generator.Years[0]}—{generator.Years[^1]}年度）：主管部门 {totals.Departments} 个，预算单位 {totals.Units} 个，用户 {generator.Users.Count} 个，项目 {totals.Projects} 个，"
                    + $"表 {totals.Forms} 张（指标行 {totals.Rows} 行；其中 {totals.WithErrors} 张设有错误），已写入 {Path.GetFullPath(folder!)}");
                return ExitCodes.Clean;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{folder}: 无法写入（{e.Message}）");
                return ExitCodes.Unreadable;
            }
        });
        return command;
    }

    internal sealed record Totals(int Departments, int Units, int Projects, int Forms, int Rows, int WithErrors);

    private static readonly JsonWriterOptions Lines = new() { Encoder = FormJson.Options.Encoder, Indented = false };

    private static int WriteTree(ProvinceGenerator generator, string folder)
    {
        Directory.CreateDirectory(folder);
        var departments = 0;
        using (var file = new JsonLines(Path.Combine(folder, "organisations.jsonl")))
            foreach (var o in generator.Organisations)
            {
                if (o.Kind == Data.Model.OrganisationKind.Department) departments++;
                file.Write(w =>
                {
                    w.WriteString("code", o.Code);
                    w.WriteString("name", o.Name);
                    w.WriteString("kind", o.Kind.ToString());
                    if (o.ParentCode is not null) w.WriteString("parent", o.ParentCode);
                    w.WriteString("path", o.Path);
                });
            }
        using (var file = new JsonLines(Path.Combine(folder, "users.jsonl")))
            foreach (var u in generator.Users)
                file.Write(w =>
                {
                    w.WriteString("userName", u.UserName);
                    w.WriteString("displayName", u.DisplayName);
                    w.WriteString("role", u.Role);
                    w.WriteString("organisation", u.OrganisationCode);
                });
        return departments;
    }

    private static Totals Write(ProvinceGenerator generator, string folder)
    {
        var departments = WriteTree(generator, folder);
        int projects = 0, forms = 0, rows = 0, withErrors = 0;
        using (var projectFile = new JsonLines(Path.Combine(folder, "projects.jsonl")))
        using (var formFile = new JsonLines(Path.Combine(folder, "forms.jsonl")))
            foreach (var unit in generator.Units())
            {
                foreach (var p in unit.Projects)
                {
                    projects++;
                    projectFile.Write(w =>
                    {
                        w.WriteString("code", p.Code);
                        w.WriteString("name", p.Name);
                        w.WriteString("unit", p.UnitCode);
                        w.WriteStartArray("years");
                        foreach (var y in p.Years) w.WriteNumberValue(y);
                        w.WriteEndArray();
                        w.WriteNumber("budgetYuan", p.BudgetYuan);
                    });
                }
                foreach (var f in unit.Forms)
                {
                    forms++;
                    rows += f.Form.Indicators.Count;
                    if (f.HasErrorDefect) withErrors++;
                    formFile.Write(w =>
                    {
                        w.WriteString("unit", f.UnitCode);
                        if (f.ProjectCode is not null) w.WriteString("project", f.ProjectCode);
                        w.WriteString("status", f.Status.ToString());
                        w.WriteStartArray("defects");
                        foreach (var d in f.Defects) w.WriteStringValue(d.Code);
                        w.WriteEndArray();
                        w.WritePropertyName("form");
                        w.WriteRawValue(FormJson.Serialize(f.Form), skipInputValidation: true);
                    });
                }
            }
        return new Totals(departments, generator.UnitCount, projects, forms, rows, withErrors);
    }

    /// <summary>One JSON object a line, UTF-8 without a byte-order mark.</summary>
    private sealed class JsonLines(string path) : IDisposable
    {
        private readonly FileStream stream = new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

        public void Write(Action<Utf8JsonWriter> body)
        {
            using (var writer = new Utf8JsonWriter(stream, Lines))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }

        public void Dispose() => stream.Dispose();
    }
}
