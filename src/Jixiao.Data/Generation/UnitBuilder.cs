using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Core.Templates;
using Jixiao.Data.Model;

namespace Jixiao.Data.Generation;

/// <summary>Makes one unit's projects and forms from the unit's own random source (see <see cref="ProvinceGenerator"/>).</summary>
internal sealed class UnitBuilder(ProvinceGenerator province, GeneratedOrganisation unit, GeneratedOrganisation department, Words.DepartmentType type, Random rng)
{
    private static readonly System.Globalization.CultureInfo Inv = ProvinceGenerator.Inv;
    private CorpusProfile Profile => province.Profile;

    /// <summary>The share of projects that run in every generated year (the rest run in one year): an assumption, not measured.</summary>
    private const double RecurringShare = 0.3;

    public GeneratedUnit Build()
    {
        var projects = Projects();
        var forms = new List<GeneratedForm>();
        var filler = ProvinceGenerator.PersonName(rng);
        var head = ProvinceGenerator.PersonName(rng);
        foreach (var year in province.Years)
        {
            var rulebook = ProvinceGenerator.RulebookFor(year);
            foreach (var project in projects.Where(p => p.Years.Contains(year)))
            {
                var budget = Math.Round(project.BudgetYuan * (decimal)(0.9 + rng.NextDouble() * 0.2), 2, MidpointRounding.AwayFromZero);
                forms.Add(Finish(Targets(project, year, budget, rulebook, filler, head), project.Code));
                if (rng.NextDouble() < MonitoringShare)
                    forms.Add(Finish(Monitoring(project, year, budget, rulebook, filler, head), project.Code));
                forms.Add(Finish(SelfEvaluation(FormKind.ProjectSelfEvaluation, project.Name, year, budget, rulebook, filler, head), project.Code));
            }
            var wholeBudget = Math.Round(projects.Where(p => p.Years.Contains(year)).Sum(p => p.BudgetYuan) * 1.6m, 2, MidpointRounding.AwayFromZero);
            var whole = SelfEvaluation(FormKind.DepartmentSelfEvaluation, null, year, wholeBudget, rulebook, filler, head);
            // The report quotes the department table as filled, before any defect was put in.
            var report = Report(year, whole.Form, projects.Where(p => p.Years.Contains(year)).ToList(), filler, head);
            forms.Add(Finish(whole, null));
            forms.Add(Finish(BasicData(year, wholeBudget, filler, head), null));
            forms.Add(Finish(report, null));
        }
        KeepOneSelfEvaluationToFill(forms);
        return new GeneratedUnit(unit, department, projects, forms);
    }

    /// <summary>
    /// In the spring after the last year every unit still has a self-evaluation to fill: where the draws handed all of
    /// them in, the first one (a project's, else the department's) stays a draft, so that a unit's account always finds a
    /// form with indicators to edit (the demo's and the browser tests' units among them).
    /// </summary>
    private void KeepOneSelfEvaluationToFill(List<GeneratedForm> forms)
    {
        var last = province.Years[^1];
        bool SelfEvaluation(GeneratedForm f, FormKind kind) => f.Form.Year == last && f.Form.Kind == kind;
        if (forms.Any(f => (SelfEvaluation(f, FormKind.ProjectSelfEvaluation) || SelfEvaluation(f, FormKind.DepartmentSelfEvaluation))
                           && f.Status is FormStatus.Draft or FormStatus.Returned))
            return;
        var first = forms.FindIndex(f => SelfEvaluation(f, FormKind.ProjectSelfEvaluation));
        if (first < 0) first = forms.FindIndex(f => SelfEvaluation(f, FormKind.DepartmentSelfEvaluation));
        if (first >= 0) forms[first] = forms[first] with { Status = FormStatus.Draft };
    }

    /// <summary>Monitoring tables per targets form, as the corpus holds them.</summary>
    private double MonitoringShare =>
        Profile.FormsByKind.GetValueOrDefault(FormKind.Targets.Code()) is > 0 and var targets
            ? Math.Min(1.0, (double)Profile.FormsByKind.GetValueOrDefault(FormKind.Monitoring.Code()) / targets)
            : 0.3;

    private sealed record Draft(PerformanceForm Form, int Year, Rulebook Rulebook);

    private GeneratedForm Finish(Draft draft, string? projectCode)
    {
        var defects = new List<Defect>();
        if (rng.NextDouble() < (double)ErrorShare(draft.Form.Kind) && Defects.Inject(draft.Form, draft.Rulebook, Profile, rng) is { } defect)
            defects.Add(defect);
        return new GeneratedForm(draft.Form, unit.Code, projectCode, Status(draft.Year, draft.Form.Kind), defects);
    }

    /// <summary>
    /// The corpus's share of forms with an error finding, for kinds it holds at least five of; for the rest the share of
    /// audited forms in which the auditor found a definite inconsistency.
    /// </summary>
    private decimal ErrorShare(FormKind kind) =>
        Profile.FormsByKind.GetValueOrDefault(kind.Code()) >= 5 && Profile.ErrorShare.TryGetValue(kind.Code(), out var share)
            ? share
            : Profile.AuditedErrorShare;

    /// <summary>
    /// Years before last are closed: everything published. Last year's review is nearly done: most published, some
    /// approved by finance, a few still with the department. The current year is in review: drafts, submissions,
    /// returns and approvals side by side. (The workflow mix is an assumption of how a bureau's spring looks, not a
    /// corpus figure.) The current year's targets and monitoring were due during the year, so by the spring after it
    /// they are reviewed like last year's forms, not waiting with the self-evaluations.
    /// </summary>
    private FormStatus Status(int year, FormKind kind)
    {
        var x = rng.NextDouble();
        if (year < province.Years[^2]) return FormStatus.Published;
        if (year < province.Years[^1] || kind is FormKind.Targets or FormKind.Monitoring)
            return x switch { < 0.85 => FormStatus.Published, < 0.95 => FormStatus.FinanceApproved, _ => FormStatus.DepartmentApproved };
        return x switch
        {
            < 0.30 => FormStatus.Draft,
            < 0.55 => FormStatus.Submitted,
            < 0.60 => FormStatus.Returned,
            < 0.80 => FormStatus.DepartmentApproved,
            < 0.90 => FormStatus.FinanceApproved,
            _ => FormStatus.Published,
        };
    }

    private List<GeneratedProject> Projects()
    {
        var count = rng.Next(6, 15);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var projects = new List<GeneratedProject>();
        for (var p = 0; p < count; p++)
        {
            var topic = type.Topics[rng.Next(type.Topics.Length)];
            var name = topic + Words.ProjectSuffixes[rng.Next(Words.ProjectSuffixes.Length)];
            for (var phase = 2; !names.Add(name); phase++) name = topic + $"（{phase}期）";
            var years = rng.NextDouble() < RecurringShare ? province.Years.ToList() : [province.Years[rng.Next(province.Years.Count)]];
            // Budgets spread over two orders of magnitude, as project budgets of one unit do (5万 to 500万).
            var budget = Math.Round((decimal)Math.Exp(Math.Log(50_000) + rng.NextDouble() * Math.Log(100)), 0, MidpointRounding.AwayFromZero);
            projects.Add(new GeneratedProject($"{unit.Code}-{p + 1:D2}", name, unit.Code, years, budget));
        }
        return projects;
    }

    private static double Triangular(Random rng, decimal min, decimal mode, decimal max)
    {
        double a = (double)min, c = (double)mode, b = (double)max;
        if (b <= a) return a;
        var u = rng.NextDouble();
        var f = (c - a) / (b - a);
        return u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
    }

    private int RowCount(FormKind kind, int minimum)
    {
        var spread = Profile.IndicatorRows.GetValueOrDefault(kind.Code()) ?? Profile.IndicatorRows.GetValueOrDefault(FormKind.ProjectSelfEvaluation.Code())
            ?? new Spread(minimum, 8, 8, 14);
        return Math.Max(minimum, (int)Math.Round(Triangular(rng, spread.P10, spread.Median, spread.P90), MidpointRounding.AwayFromZero));
    }

    private PerformanceForm NewForm(FormKind kind, int year, string? project, string filler, string head)
    {
        var template = ProvinceGenerator.Templates.Default(kind, year);
        var form = new PerformanceForm
        {
            Kind = kind,
            Year = year,
            Title = kind.ChineseName(),
            TemplateId = template?.Id,
            TemplateVersion = template?.Version,
            Project = project,
            Department = department.Name,
            Unit = unit.Name,
            MoneyUnit = kind == FormKind.Report ? null : rng.NextDouble() < (double)Profile.YuanShare ? MoneyUnit.Yuan : MoneyUnit.TenThousandYuan,
            Filler = filler,
            Head = head,
        };
        return form;
    }

    /// <summary>An amount in 元 printed in the form's unit, to two decimals.</summary>
    private static decimal Printed(PerformanceForm form, decimal yuan) =>
        Math.Round(form.MoneyUnit == MoneyUnit.TenThousandYuan ? yuan / 10_000m : yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>Splits a printed amount into parts (the first the largest) that add up to it exactly.</summary>
    private List<decimal> Split(decimal amount, int parts)
    {
        var result = new List<decimal>();
        var rest = amount;
        for (var i = 0; i < parts - 1; i++)
        {
            var share = i == 0 ? 0.7 + rng.NextDouble() * 0.3 : rng.NextDouble() * 0.6;
            var part = rng.NextDouble() < 0.4 && i > 0 ? 0m : Math.Round(rest * (decimal)share, 2, MidpointRounding.AwayFromZero);
            result.Add(part);
            rest -= part;
        }
        result.Add(rest);
        return result;
    }

    /// <summary>The funds rows of the form's template, the parts adding up to the total in every column.</summary>
    private void Funds(PerformanceForm form, decimal budget, decimal executed, decimal? initial, Func<FundsRow, decimal, decimal, decimal?, FundsRow> fill)
    {
        var template = ProvinceGenerator.Templates.Find(form.TemplateId, form.TemplateVersion);
        var rows = template?.Block("funds")?.Rows ?? [];
        var partRows = rows.Where(r => r.Role != "total").ToList();
        var budgets = Split(budget, Math.Max(1, partRows.Count));
        // Executed amounts follow the budget shares so that no part is executed beyond its budget.
        var executedParts = budgets.Select(b => budget == 0m ? 0m : Math.Round(executed * b / budget, 2, MidpointRounding.AwayFromZero)).ToList();
        executedParts[0] += executed - executedParts.Sum();
        var initials = initial is { } i ? budgets.Select(b => budget == 0m ? 0m : Math.Round(i * b / budget, 2, MidpointRounding.AwayFromZero)).ToList() : null;
        if (initials is not null) initials[0] += initial!.Value - initials.Sum();
        var p = 0;
        foreach (var row in rows)
        {
            if (row.Role == "total")
                form.Funds.Add(fill(new FundsRow { Label = row.Label, Role = FundsRowRole.Total }, budget, executed, initial));
            else
            {
                form.Funds.Add(fill(new FundsRow { Label = row.Label, Role = FundsRowRole.Part }, budgets[p], executedParts[p], initials?[p]));
                p++;
            }
        }
    }

    private string Text(string[] clauses, string topic, Spread lengths)
    {
        var target = Math.Max(20, (int)Triangular(rng, lengths.P10, lengths.Median, lengths.P90));
        var text = new StringBuilder();
        var start = rng.Next(clauses.Length);
        for (var i = 0; text.Length < target && i < clauses.Length * 3; i++)
        {
            if (text.Length > 0) text.Append('；');
            text.Append(clauses[(start + i) % clauses.Length].Replace("{t}", topic, StringComparison.Ordinal));
        }
        return text.Append('。').ToString();
    }

    private static string Topic(string? project) => project is null ? "部门职能" : project.TrimEnd("专项资金工作经费项目".ToCharArray());

    // ---- Indicators ----

    private sealed record Planned(IndicatorRow Row, Words.IndicatorWord Word, string Shape, decimal Number);

    /// <summary>Indicator rows under the year's tree: every 一级 gets a row, the rest go by the corpus's 二级 shares.</summary>
    private List<Planned> Indicators(FormKind kind, string topic, Rulebook rulebook, bool withWeights)
    {
        var tree = rulebook.TreeFor(kind == FormKind.DepartmentSelfEvaluation ? kind : FormKind.ProjectSelfEvaluation)!;
        var children = tree.Blocks.SelectMany(b => b.Children.Select(c => (Block: b, Child: c.Name))).ToList();
        decimal ShareOf(string level2) =>
            Profile.Level2Shares.TryGetValue(level2, out var s) ? s
            // 2021 trees split 成本 into three 二级; the corpus counts economic cost under the 2020 成本指标.
            : level2 == "经济成本指标" ? Profile.Level2Shares.GetValueOrDefault("成本指标", 0.05m) : 0m;
        var count = RowCount(kind, tree.Blocks.Count);
        var picked = new List<(IndicatorBlock Block, string Child)>();
        foreach (var block in tree.Blocks) picked.Add(Pick(children.Where(c => c.Block == block).ToList(), ShareOf));
        while (picked.Count < count) picked.Add(Pick(children, ShareOf));
        var rows = new List<Planned>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in tree.Blocks)
        {
            var mine = picked.Where(p => p.Block == block).OrderBy(p => children.FindIndex(c => c.Block == block && c.Child == p.Child)).ToList();
            var weights = WeightsFor(block.Weight, mine.Count);
            for (var i = 0; i < mine.Count; i++)
            {
                var planned = Indicator(mine[i].Child, topic, used);
                planned.Row.Level1 = block.Name;
                planned.Row.Level2 = mine[i].Child;
                if (withWeights) planned.Row.Weight = weights[i];
                rows.Add(planned);
            }
        }
        return rows;
    }

    private (IndicatorBlock Block, string Child) Pick(List<(IndicatorBlock Block, string Child)> options, Func<string, decimal> share)
    {
        var total = options.Sum(o => share(o.Child));
        if (total <= 0m) return options[rng.Next(options.Count)];
        var x = (decimal)rng.NextDouble() * total;
        foreach (var o in options)
        {
            x -= share(o.Child);
            if (x < 0m) return o;
        }
        return options[^1];
    }

    /// <summary>A 一级 weight split into whole points (50 over 6 rows: 9, 9, 8, 8, 8, 8).</summary>
    private static List<decimal> WeightsFor(decimal weight, int rows)
    {
        if (rows == 0) return [];
        var whole = (int)weight;
        var result = Enumerable.Range(0, rows).Select(i => (decimal)(whole / rows + (i < whole % rows ? 1 : 0))).ToList();
        result[0] += weight - whole;
        return result;
    }

    private readonly List<string> owedShapes = [];
    private readonly Dictionary<string, int> writtenShapes = [];

    /// <summary>
    /// A shape drawn by the corpus's shares; a shape the unit has already written more often than its share (二级 whose
    /// words allow one shape only push it up) is drawn again, a few times at most.
    /// </summary>
    private string ShapeFor()
    {
        var written = writtenShapes.Values.Sum();
        var shape = DrawShape();
        for (var attempt = 0; attempt < 3 && written >= 20
             && (decimal)writtenShapes.GetValueOrDefault(shape) / written > Profile.TargetShapes.GetValueOrDefault(shape) + 0.02m; attempt++)
            shape = DrawShape();
        return shape;
    }

    private string DrawShape()
    {
        var x = (decimal)rng.NextDouble();
        foreach (var shape in ValueShapes.All)
        {
            x -= Profile.TargetShapes.GetValueOrDefault(shape);
            if (x < 0m) return shape;
        }
        return ValueShapes.Percentage;
    }

    private Planned Indicator(string level2, string topic, HashSet<string> used)
    {
        var words = Words.Indicators.GetValueOrDefault(level2) ?? Words.Indicators["数量指标"];
        static bool FitsShape(Words.IndicatorWord w, string shape) => shape switch
        {
            ValueShapes.Percentage or ValueShapes.Range => w.Unit == "%",
            ValueShapes.Qualitative => w.Unit is null,
            // A bare number reads as "at least": only a bigger-is-better indicator can be written without a comparator.
            ValueShapes.Quantity => w.Unit is not null and not "%" && !w.Reverse,
            _ => w.Unit is not null and not "%",
        };
        var unused = words.Where(w => !used.Contains(w.Name)).ToList();
        // Many 二级 (成本, 时效, 满意度) have no word for some shapes: a shape drawn where it cannot be written is owed and
        // written by the next row that can, so the unit's rows keep the corpus's shares of target shapes.
        var shape = owedShapes.FirstOrDefault(s => unused.Any(w => FitsShape(w, s)));
        if (shape is not null) owedShapes.Remove(shape);
        else
        {
            shape = ShapeFor();
            if (!unused.Any(w => FitsShape(w, shape)))
            {
                owedShapes.Add(shape);
                // Drawn again among the shapes this 二级 can write, rather than taking a word's own shape.
                for (var attempt = 0; attempt < 20 && !unused.Any(w => FitsShape(w, shape)); attempt++) shape = ShapeFor();
            }
        }
        bool Fits(Words.IndicatorWord w) => FitsShape(w, shape);
        var fitting = unused.Where(Fits).ToList();
        if (fitting.Count == 0) fitting = words.Where(w => !used.Contains(w.Name)).ToList();
        if (fitting.Count == 0) fitting = [.. words];
        var word = fitting[rng.Next(fitting.Count)];
        used.Add(word.Name);
        if (!Fits(word)) shape = word.Unit switch { null => ValueShapes.Qualitative, "%" => ValueShapes.Percentage, _ => ValueShapes.ComparedQuantity };
        if (shape == ValueShapes.Range && word.Reverse) shape = ValueShapes.Percentage;
        var number = (decimal)rng.Next(word.Min, word.Max + 1);
        var comparator = word.Reverse ? "≤" : "≥";
        var target = shape switch
        {
            ValueShapes.Qualitative => word.Wording!,
            ValueShapes.Percentage => (word.Reverse || number < 100m || rng.NextDouble() < 0.5 ? comparator : "") + Num(number) + "%",
            ValueShapes.Range => $"{Num(number - 5m)}%-{Num(Math.Min(100m, number + 5m))}%",
            ValueShapes.Quantity when !word.Reverse => Num(number) + word.Unit,
            _ => comparator + Num(number) + word.Unit,
        };
        writtenShapes[shape] = writtenShapes.GetValueOrDefault(shape) + 1;
        var row = new IndicatorRow { Name = word.Name.Replace("{t}", topic, StringComparison.Ordinal), Target = target };
        return new Planned(row, word, shape, number);
    }

    private static string Num(decimal n) => n.ToString("0.##", Inv);

    /// <summary>Writes an actual for a target: met most of the time, as often as the corpus's rows meet theirs.</summary>
    private void Actual(Planned p)
    {
        var met = rng.NextDouble() < 0.85;
        var n = p.Number;
        p.Row.Actual = p.Shape switch
        {
            ValueShapes.Qualitative => met ? Words.AchievedWords[rng.Next(Words.AchievedWords.Length)] : Words.PartlyWords[rng.Next(Words.PartlyWords.Length)],
            ValueShapes.Range => Num(n) + "%",
            _ when p.Word.Reverse => Num(Math.Round(met ? n * (decimal)(0.8 + rng.NextDouble() * 0.2) : n * (decimal)(1.05 + rng.NextDouble() * 0.2), p.Word.Unit == "%" ? 2 : 0, MidpointRounding.AwayFromZero)) + p.Word.Unit,
            _ when p.Word.Unit == "%" => Num(met ? Math.Min(100m, n + Math.Round((decimal)rng.NextDouble() * (100m - n), 1, MidpointRounding.AwayFromZero)) : Math.Round(n * (decimal)(0.8 + rng.NextDouble() * 0.18), 1, MidpointRounding.AwayFromZero)) + "%",
            _ => Num(Math.Max(0m, Math.Round(met ? n * (decimal)(1.0 + rng.NextDouble() * 0.2) : n * (decimal)(0.6 + rng.NextDouble() * 0.37), 0, MidpointRounding.AwayFromZero))) + p.Word.Unit,
        };
    }

    // ---- Forms ----

    private Draft Targets(GeneratedProject project, int year, decimal budgetYuan, Rulebook rulebook, string filler, string head)
    {
        var form = NewForm(FormKind.Targets, year, project.Name, filler, head);
        var budget = Printed(form, budgetYuan);
        var tree = rulebook.TreeFor(FormKind.ProjectSelfEvaluation)!;
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = budget, Budget = budget });
        var parts = Split(budget, 3);
        string[] labels = ["其中：当年财政拨款", "上年结转资金", "其他资金"];
        for (var i = 0; i < 3; i++) form.Funds.Add(new FundsRow { Label = labels[i], Role = FundsRowRole.Part, InitialBudget = parts[i], Budget = parts[i] });
        form.PlannedGoal = Text(Words.GoalClauses, Topic(project.Name), Profile.GoalLength);
        foreach (var p in Indicators(FormKind.Targets, Topic(project.Name), rulebook, true)) form.Indicators.Add(p.Row);
        // The execution rate's points are left to the self-evaluation, so a targets table's weights add up to the rest.
        form.StatedWeightTotal = form.Indicators.Sum(r => r.Weight ?? 0m);
        _ = tree;
        return new Draft(form, year, rulebook);
    }

    private Draft Monitoring(GeneratedProject project, int year, decimal budgetYuan, Rulebook rulebook, string filler, string head)
    {
        var form = NewForm(FormKind.Monitoring, year, project.Name, filler, head);
        var months = rng.NextDouble() < 0.7 ? 6 : 7;
        form.MonitoringMonths = months;
        var budget = Printed(form, budgetYuan);
        // On schedule or ahead: at least the months' share of the year, at most all of it.
        var share = (decimal)months / 12m + (decimal)rng.NextDouble() * (1m - (decimal)months / 12m) * 0.6m;
        var executed = Math.Round(budget * share, 2, MidpointRounding.AwayFromZero);
        Funds(form, budget, executed, null, (row, b, e, _) =>
        {
            row.InitialBudget = b;
            row.Executed = e;
            row.StatedRate = Percentage.Ratio(e, b);
            row.ForecastExecuted = b;
            return row;
        });
        form.PlannedGoal = Text(Words.GoalClauses, Topic(project.Name), Profile.GoalLength);
        foreach (var p in Indicators(FormKind.Monitoring, Topic(project.Name), rulebook, false))
        {
            p.Row.MidYearProgress = p.Shape switch
            {
                ValueShapes.Qualitative => "按计划推进",
                ValueShapes.Range => "按计划推进",
                _ when p.Word.Reverse => p.Row.Target,
                _ => Num(Math.Round(p.Number * share, p.Word.Unit == "%" ? 1 : 0, MidpointRounding.AwayFromZero)) + p.Word.Unit,
            };
            p.Row.ExpectedCompletion = p.Row.Target;
            p.Row.Likelihood = CompletionLikelihood.Certain;
            form.Indicators.Add(p.Row);
        }
        return new Draft(form, year, rulebook);
    }

    private Draft SelfEvaluation(FormKind kind, string? project, int year, decimal budgetYuan, Rulebook rulebook, string filler, string head)
    {
        var form = NewForm(kind, year, project, filler, head);
        var topic = Topic(project);
        var budget = Printed(form, budgetYuan);
        var initial = rng.NextDouble() < 0.7 ? budget : Math.Round(budget * (decimal)(0.8 + rng.NextDouble() * 0.2), 2, MidpointRounding.AwayFromZero);
        var rate = rng.NextDouble() < 0.4 ? 1m : (decimal)(0.75 + rng.NextDouble() * 0.25);
        var executed = Math.Round(budget * rate, 2, MidpointRounding.AwayFromZero);
        var tree = rulebook.TreeFor(kind == FormKind.DepartmentSelfEvaluation ? kind : FormKind.ProjectSelfEvaluation)!;
        Funds(form, budget, executed, initial, (row, b, e, i) =>
        {
            row.InitialBudget = i;
            row.Budget = b;
            row.Executed = e;
            if (row.Role == FundsRowRole.Total) row.Weight = tree.ExecutionWeight;
            return row;
        });
        form.PlannedGoal = Text(Words.GoalClauses, topic, Profile.GoalLength);
        form.ActualGoal = Text(Words.ActualClauses, topic, Profile.GoalLength);
        if (kind == FormKind.DepartmentSelfEvaluation) form.Functions = $"{unit.Name}{type.Function}。";
        foreach (var p in Indicators(kind, topic, rulebook, true))
        {
            Actual(p);
            form.Indicators.Add(p.Row);
        }
        Score(form, rulebook);
        return new Draft(form, year, rulebook);
    }

    /// <summary>States every score as the scoring engine computes it, with a 偏差原因 wherever points are deducted.</summary>
    private void Score(PerformanceForm form, Rulebook rulebook)
    {
        var score = Scorer.Score(form, rulebook);
        foreach (var row in score.Rows)
        {
            var weight = row.Weight ?? 0m;
            row.Row.StatedScore = row.Expected
                ?? (row.Allowed is { } allowed ? rulebook.Round(allowed.MaxInclusive ? allowed.Max : (allowed.Min + allowed.Max) / 2m) : weight);
            if (row.Row.StatedScore < weight) row.Row.Explanation = Words.Causes[rng.Next(Words.Causes.Length)];
        }
        var total = form.Funds.First(f => f.Role == FundsRowRole.Total);
        total.StatedRate = score.Execution.Rate;
        total.StatedScore = score.Execution.Score;
        score = Scorer.Score(form, rulebook);
        form.StatedWeightTotal = score.WeightTotal.Value;
        form.StatedTotal = score.Total.Value;
        form.StatedGrade = score.Grade.Grade;
    }

    private Draft BasicData(int year, decimal wholeBudgetYuan, string filler, string head)
    {
        var rulebook = ProvinceGenerator.RulebookFor(year);
        var form = NewForm(FormKind.DepartmentBasicData, year, null, filler, head);
        var authorized = rng.Next(12, 220);
        var actual = authorized - rng.Next(0, Math.Max(1, authorized / 10));
        form.Staffing = new StaffingBlock { Authorized = authorized, Actual = actual, StatedControlRate = Percentage.Ratio(actual, authorized) };
        var template = ProvinceGenerator.Templates.Find(form.TemplateId, form.TemplateVersion);
        var rows = template?.Block("basicData")?.Rows ?? [];
        var scale = Printed(form, wholeBudgetYuan);
        for (var i = 0; i < rows.Count; i++)
        {
            // The block's last row is the 厉行节约保障措施 text of the table, not an amount.
            if (i == rows.Count - 1)
            {
                form.BasicData.Add(new BasicDataRow { Label = rows[i].Label, Depth = rows[i].Depth, Text = "严格执行中央八项规定精神，压减一般性支出，公务接待、会议和培训从严控制。" });
                continue;
            }
            decimal Leaf(decimal fraction) => Math.Round(scale * fraction * (decimal)(0.5 + rng.NextDouble()), 2, MidpointRounding.AwayFromZero);
            form.BasicData.Add(new BasicDataRow { Label = rows[i].Label, Depth = rows[i].Depth, PriorYearFinal = Leaf(0.01m), Budget = Leaf(0.01m), Final = Leaf(0.01m) });
        }
        // Headings are the sums of their breakdowns, deepest first, so every subtotal holds in every column.
        for (var depth = form.BasicData.Count == 0 ? 0 : form.BasicData.Max(r => r.Depth); depth >= 0; depth--)
            for (var i = 0; i < form.BasicData.Count; i++)
            {
                var parent = form.BasicData[i];
                if (parent.Depth != depth || parent.Text is not null) continue;
                var children = new List<BasicDataRow>();
                for (var j = i + 1; j < form.BasicData.Count && form.BasicData[j].Depth > depth; j++)
                    if (form.BasicData[j].Depth == depth + 1) children.Add(form.BasicData[j]);
                if (children.Count == 0) continue;
                parent.PriorYearFinal = children.Sum(c => c.PriorYearFinal);
                parent.Budget = children.Sum(c => c.Budget);
                parent.Final = children.Sum(c => c.Final);
            }
        return new Draft(form, year, rulebook);
    }

    private Draft Report(int year, PerformanceForm whole, List<GeneratedProject> projects, string filler, string head)
    {
        var rulebook = ProvinceGenerator.RulebookFor(year);
        var form = NewForm(FormKind.Report, year, null, filler, head);
        form.Title = $"{unit.Name}{year}年度部门整体支出绩效自评报告";
        var total = whole.Funds.First(f => f.Role == FundsRowRole.Total);
        var unitText = whole.MoneyUnit?.Symbol() ?? "元";
        var rate = total.StatedRate?.ToString() ?? "";
        var length = Math.Max(400, (int)Triangular(rng, Profile.ReportLength.P10, Profile.ReportLength.Median, Profile.ReportLength.P90));
        var text = new StringBuilder();
        text.Append("一、部门（单位）基本情况\n");
        text.Append(Inv, $"{unit.Name}是{department.Name}所属预算单位，{type.Function}。\n");
        text.Append("二、预算执行情况\n");
        text.Append(Inv, $"{year}年度全年预算数为{Num(total.Budget ?? 0m)}{unitText}，全年执行数为{Num(total.Executed ?? 0m)}{unitText}，预算执行率为{rate}。\n");
        text.Append("三、绩效目标完成情况\n");
        var sentences = projects.Select(p => $"{p.Name}按计划组织实施，主要绩效指标已基本完成，资金使用规范。").ToList();
        var k = 0;
        while (text.Length < length * 0.6 && k < sentences.Count * 2) text.Append(sentences[k++ % sentences.Count]);
        text.Append("\n四、存在的主要问题\n").Append(Words.ReportProblems[rng.Next(Words.ReportProblems.Length)]);
        text.Append("\n五、改进措施\n");
        foreach (var measure in Words.ReportMeasures.OrderBy(_ => rng.Next()).Take(text.Length < length ? 4 : 2)) text.Append(measure);
        text.Append("\n六、自评结论\n");
        text.Append(Inv, $"经自评，本单位{year}年度部门整体支出绩效自评得分为{Num(whole.StatedTotal ?? 0m)}分，评价等级为“{whole.StatedGrade}”。\n");
        form.Text = text.ToString();
        form.StatedTotal = whole.StatedTotal;
        form.StatedGrade = whole.StatedGrade;
        return new Draft(form, year, rulebook);
    }
}
