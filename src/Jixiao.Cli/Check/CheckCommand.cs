using System.Globalization;
using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Documents.Findings;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;

namespace Jixiao.Cli.Check;

/// <summary><c>jixiao check PATH...</c>: reads every file, recognises its forms and prints them as text or JSON.</summary>
public static class CheckCommand
{
    /// <summary>
    /// Reads every file, then checks all forms together — duplicates and a report against its tables are found across
    /// files. Exit code (<see cref="ExitCodes"/>): 3 when a reader or a rule failed (our defect), else 2 when a file could
    /// not be read, else 1 when any finding is an error, else 0. One file's failure never stops the others.
    /// </summary>
    public static int Run(IReadOnlyList<string> paths, CheckSettings settings, TextWriter output, TextWriter error)
    {
        var read = new List<(string Path, string? Error, IReadOnlyList<PerformanceForm> Forms)>();
        var readerFailed = false;
        foreach (var file in Expand(paths))
        {
            var (forms, problem, defect) = ReadForms(file);
            read.Add((file, problem, forms));
            readerFailed |= defect;
            if (problem is not null) error.WriteLine($"{file}: {problem}");
        }

        // The history is read the same way; a file of it that cannot be read is said on stderr and exits 2 like any other.
        var history = new List<DocumentForm>();
        var historyFailed = false;
        foreach (var file in Expand(settings.History))
        {
            var (forms, problem, defect) = ReadForms(file);
            readerFailed |= defect;
            if (problem is not null)
            {
                historyFailed = true;
                error.WriteLine($"{file}: {problem}（比对用的往年或相关表格）");
            }
            history.AddRange(forms.Select(form => new DocumentForm(file, form)));
        }

        var results = Checker.Check([.. read.SelectMany(f => f.Forms.Select(form => new DocumentForm(f.Path, form)))], settings.Rulebook, settings.Rules, history);
        var next = 0;
        var files = read.Select(f => new FileJson(f.Path, f.Error,
            [.. f.Forms.Select(form => Map(form, settings.Rulebook, results[next++].Findings))])).ToList();

        if (settings.Json) output.WriteLine(CheckJson.Serialize(new CheckOutput(files)));
        else WriteSummary(files, output, settings.Colour);

        var failed = historyFailed || read.Any(f => f.Error is not null);
        var internalError = readerFailed || files.Exists(f => f.Forms.Any(form => form.Findings.Any(x => x.Code == CheckCodes.InternalError)));
        if (settings.ReportPath is { } report)
        {
            try
            {
                using var stream = File.Create(report);
                FindingsWorkbook.Write(stream, results);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{report}: 无法写入核查报告（{e.Message}）");
                failed = true;
            }
        }

        return internalError ? ExitCodes.InternalError
            : failed ? ExitCodes.Unreadable
            : Checker.HasErrors(results) ? ExitCodes.ErrorFindings
            : ExitCodes.Clean;
    }

    private static IEnumerable<string> Expand(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                    if (DocumentReader.Accepts(file)) found.Add(file);
                found.Sort(StringComparer.Ordinal);
                foreach (var file in found) yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static (IReadOnlyList<PerformanceForm> Forms, string? Error, bool InternalError) ReadForms(string path)
    {
        if (!File.Exists(path)) return ([], "文件或文件夹不存在", false);
        if (!DocumentReader.Accepts(path))
        {
            var extension = Path.GetExtension(path);
            return ([], extension.Length == 0 ? "不支持的文件类型（没有扩展名）" : $"不支持的文件类型（{extension.ToLowerInvariant()}）", false);
        }
        try
        {
            return (FormRecognizer.Recognize(DocumentReader.ReadFile(path)), null, false);
        }
        catch (DocumentReadException e)
        {
            return ([], e.Message, false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect met on one file must not cost the user the others, nor show a stack trace; it is ours, not the
            // file's, so it exits 3 rather than 2.
            return ([], $"内部错误，未能识别该文件中的表格（{e.GetType().Name}：{e.Message}）；其他文件照常检查。请将该文件提交给系统维护人员。", true);
        }
    }

    /// <summary>Self-evaluation forms are scored; the other kinds have no total.</summary>
    private static bool IsScored(FormKind kind) => kind is FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation;

    private static FormJson Map(PerformanceForm form, Rulebook rulebook, IReadOnlyList<Finding> findings)
    {
        // The computed values (execution rate and score, expected row scores, total, grade) come from the scoring
        // engine, beside what the form states. Should the engine fail, the form is still listed, without them.
        FormScore? score = null;
        try
        {
            if (IsScored(form.Kind)) score = Scorer.Score(form, rulebook);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            findings = [.. findings, Checker.InternalError("scoring", e)];
        }

        var funds = new List<FundsJson>(form.Funds.Count);
        foreach (var f in form.Funds)
        {
            var execution = score is not null && ReferenceEquals(f, form.Funds.Find(x => x.Role == FundsRowRole.Total))
                ? score.Execution
                : ExecutionScore.Compute(form.Kind == FormKind.Monitoring ? f.Budget ?? f.InitialBudget : f.Budget, f.Executed, f.Transfer,
                    score is null ? null : f.Weight, rulebook);
            funds.Add(new FundsJson(f.Label, RoleCode(f.Role), f.InitialBudget, f.Budget, f.Executed, f.Transfer, f.ForecastExecuted, f.Weight,
                f.StatedRate?.PrintedPoints, f.StatedRate?.ToString(), f.StatedScore,
                execution.Rate?.PrintedPoints, execution.Score, execution.RateExplanation, SourceJson.From(f.Source)) { Extra = ExtraOf(f.Extra) });
        }
        var indicators = new List<IndicatorJson>(form.Indicators.Count);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var r = form.Indicators[i];
            var row = score?.Rows[i];
            indicators.Add(new IndicatorJson(r.Level1, r.Level1Weight, r.Level2, r.Level2Weight, r.Name, r.Content, r.Target, r.Actual, r.Weight,
                r.StatedScore, row?.Expected, row?.Allowed?.Min, row?.Allowed?.Max, row?.Weight, row?.Explanation,
                r.Explanation, r.Improvement, r.MidYearProgress, r.ExpectedCompletion, CauseCodes(r.Causes),
                r.Likelihood?.ToString().ToLowerInvariant(), r.Remark, SourceJson.From(r.Source)) { Extra = ExtraOf(r.Extra) });
        }
        var basic = new List<BasicDataJson>(form.BasicData.Count);
        foreach (var b in form.BasicData)
            basic.Add(new BasicDataJson(b.Label, b.Depth, b.PriorYearFinal, b.Budget, b.Final, b.Text, SourceJson.From(b.Source)));

        return new FormJson
        {
            Kind = form.Kind.Code(),
            KindName = form.Kind.ChineseName(),
            TemplateId = form.TemplateId,
            TemplateVersion = form.TemplateVersion,
            Extra = ExtraOf(form.Extra),
            Year = form.Year,
            Title = form.Title,
            Project = form.Project,
            Department = form.Department,
            Unit = form.Unit,
            MoneyUnit = form.MoneyUnit?.Code(),
            MonitoringMonths = form.MonitoringMonths,
            PlannedGoal = form.PlannedGoal,
            ActualGoal = form.ActualGoal,
            Functions = form.Functions,
            Funds = funds,
            Indicators = indicators,
            StatedWeightTotal = form.StatedWeightTotal,
            StatedTotal = form.StatedTotal,
            StatedGrade = form.StatedGrade,
            Rulebook = score is null ? null : rulebook.Name,
            WeightTotal = score?.WeightTotal.Value,
            Total = score?.Total.Value,
            TotalExplanation = score?.Total.Explanation,
            Grade = score?.Grade.Grade,
            Findings = [.. findings.Select(FindingJson.From)],
            Staffing = form.Staffing is { } s ? new StaffingJson(s.Authorized, s.Actual, s.StatedControlRate?.PrintedPoints, SourceJson.From(s.Source)) : null,
            BasicData = basic,
            Text = form.Text,
            Filler = form.Filler,
            Head = form.Head,
            Incomplete = form.Incomplete,
            ReadingNotes = ReadingDoubtText.Sentences(form),
            ReadingDoubts = [.. form.ReadingDoubts.Select(DoubtJson.From)],
            Source = SourceJson.From(form.Source),
        };
    }

    private static IReadOnlyDictionary<string, string>? ExtraOf(Dictionary<string, string> extra) => extra.Count == 0 ? null : extra;

    private static string RoleCode(FundsRowRole role) => role switch
    {
        FundsRowRole.Total => "total",
        FundsRowRole.Part => "part",
        FundsRowRole.Source => "source",
        FundsRowRole.Structure => "structure",
    };

    private static List<string> CauseCodes(DeviationCauses causes)
    {
        var list = new List<string>(2);
        if (causes.HasFlag(DeviationCauses.Funding)) list.Add("funding");
        if (causes.HasFlag(DeviationCauses.Rules)) list.Add("rules");
        if (causes.HasFlag(DeviationCauses.Staff)) list.Add("staff");
        if (causes.HasFlag(DeviationCauses.Hardware)) list.Add("hardware");
        if (causes.HasFlag(DeviationCauses.Other)) list.Add("other");
        return list;
    }

    private static void WriteSummary(List<FileJson> files, TextWriter output, bool colour)
    {
        foreach (var file in files)
        {
            output.WriteLine(file.Path);
            if (file.Error is not null)
            {
                output.WriteLine($"  无法读取：{file.Error}");
                continue;
            }
            if (file.Forms.Count == 0) output.WriteLine("  未识别出任何表格或报告");
            foreach (var form in file.Forms)
            {
                var head = new StringBuilder("  ").Append(form.KindName);
                if (form.Year is { } y) head.Append(' ').Append(y.ToString(CultureInfo.InvariantCulture)).Append('年');
                foreach (var part in new[] { form.Project, form.Unit })
                    if (!string.IsNullOrEmpty(part)) head.Append(' ').Append(part);
                if (form.Incomplete) head.Append("（不完整）");
                output.WriteLine(head.ToString());

                var details = new List<string>();
                if (form.Funds.Count > 0) details.Add($"资金 {form.Funds.Count} 行" + (form.MoneyUnit is null ? "" : $"（{(form.MoneyUnit == "yuan" ? "元" : "万元")}）"));
                if (form.Indicators.Count > 0) details.Add($"指标 {form.Indicators.Count} 行");
                if (form.BasicData.Count > 0) details.Add($"经费控制 {form.BasicData.Count} 行");
                if (form.StatedTotal is { } t) details.Add((form.Kind == "report" ? "报告所述总分 " : "表内总分 ") + t.ToString(CultureInfo.InvariantCulture));
                if (form.StatedGrade is { } g) details.Add("所述等级 " + g);
                if (form.Total is { } total) details.Add("核算总分 " + total.ToString(CultureInfo.InvariantCulture) + (form.Grade is null ? "" : $"（{form.Grade}）"));
                if (form.Text is { } text) details.Add($"正文 {text.Length} 字");
                if (details.Count > 0) output.WriteLine("    " + string.Join("，", details));
                foreach (var note in form.ReadingNotes) output.WriteLine("    读取说明：" + note);
                foreach (var finding in form.Findings)
                {
                    var line = $"    {SeverityName(finding.Severity)} {finding.Code} {finding.Location.Text}：{finding.Message}";
                    output.WriteLine(colour ? Colour(finding.Severity) + line + "\u001b[0m" : line);
                }
            }
        }
    }

    private static string SeverityName(string code) => code switch
    {
        "error" => "[错误]",
        "warning" => "[警告]",
        _ => "[提示]",
    };

    private static string Colour(string severity) => severity switch
    {
        "error" => "\u001b[31m",
        "warning" => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
