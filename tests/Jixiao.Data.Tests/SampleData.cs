using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Tests;

/// <summary>A small tree per call (codes made unique so tests of one class share a database) and a form using every field.</summary>
public sealed class Tree
{
    public required Organisation Bureau { get; init; }
    public required Organisation Department { get; init; }
    public required Organisation Unit { get; init; }
    public required Organisation OtherDepartment { get; init; }
    public required Organisation OtherUnit { get; init; }
    public required FiscalYear Year { get; init; }

    private static int nextYear = 2000;

    public static async Task<Tree> SeedAsync(AppDbContext db)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Organisation Node(string code, string name, OrganisationKind kind, Organisation? parent) =>
            new() { Code = tag + code, Name = name, Kind = kind, Parent = parent, Path = Organisation.ChildPath(parent?.Path, tag + code) };
        var bureau = Node("CZ", "示范市财政局", OrganisationKind.FinanceBureau, null);
        var department = Node("SJ", "示范市数据资源局", OrganisationKind.Department, bureau);
        var unit = Node("LY", "浏阳市数据资源中心", OrganisationKind.Unit, department);
        var otherDepartment = Node("JY", "示范市教育局", OrganisationKind.Department, bureau);
        var otherUnit = Node("YZ", "示范市第一中学", OrganisationKind.Unit, otherDepartment);
        // Years are unique in a database; each tree takes its own.
        var year = new FiscalYear { Year = Interlocked.Increment(ref nextYear) };
        db.AddRange(bureau, department, unit, otherDepartment, otherUnit);
        db.Add(year);
        await db.SaveChangesAsync();
        return new Tree { Bureau = bureau, Department = department, Unit = unit, OtherDepartment = otherDepartment, OtherUnit = otherUnit, Year = year };
    }

    /// <summary>A form written through the one write path (body, findings, facts) for the caller's SaveChanges.</summary>
    public FormRecord Stored(Organisation organisation, PerformanceForm form, FormStatus status = FormStatus.Draft, params Core.Checks.Finding[] findings)
    {
        var record = new FormRecord { Organisation = organisation, FiscalYear = Year, Status = status, Revision = 1 };
        var department = organisation == Unit || organisation == Department ? Department : OtherDepartment;
        Forms.FormStore.Write(record, form, findings, Core.Rulebooks.Rulebooks.Default, new Forms.FormPlace(organisation, department), DateTimeOffset.UnixEpoch);
        return record;
    }

    /// <summary>As <see cref="Stored(Organisation, PerformanceForm, FormStatus, Core.Checks.Finding[])"/>, filed under a saved budget project (as the app files it: the project is known when the form is written).</summary>
    public FormRecord Stored(Organisation organisation, PerformanceForm form, FormStatus status, BudgetProject project, params Core.Checks.Finding[] findings)
    {
        var record = new FormRecord { Organisation = organisation, FiscalYear = Year, Status = status, Revision = 1, Project = project };
        var department = organisation == Unit || organisation == Department ? Department : OtherDepartment;
        Forms.FormStore.Write(record, form, findings, Core.Rulebooks.Rulebooks.Default, new Forms.FormPlace(organisation, department), DateTimeOffset.UnixEpoch);
        return record;
    }

    /// <summary>A fresh tree with <paramref name="form"/> saved as a draft of its unit, in a context of its own; the form's id.</summary>
    public static async Task<int> SeedWithFormAsync(TestDatabase database, PerformanceForm form)
    {
        await using var db = database.NewContext();
        var tree = await SeedAsync(db);
        var record = tree.NewForm(tree.Unit, form);
        db.Forms.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public FormRecord NewForm(Organisation organisation, PerformanceForm form, FormStatus status = FormStatus.Draft)
    {
        var record = new FormRecord { OrganisationId = organisation.Id, FiscalYearId = Year.Id, Status = status, Revision = 1 };
        Forms.FormRows.Apply(form, record);
        return record;
    }
}

public static class SampleForms
{
    /// <summary>Every field of the form model set, with the awkward values: 万元 with four decimals, 0%-precision rates, nulls between values.</summary>
    public static PerformanceForm Full()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Monitoring,
            Year = 2020,
            Title = "项目支出绩效目标执行监控表",
            Project = "政务云平台运维服务",
            Department = "示范市数据资源局",
            Unit = "浏阳市数据资源中心",
            MoneyUnit = MoneyUnit.TenThousandYuan,
            MonitoringMonths = 6,
            PlannedGoal = "保障政务云平台稳定运行。",
            ActualGoal = "上半年平台运行稳定。",
            Functions = "负责全市政务数据资源管理。",
            StatedWeightTotal = 100m,
            StatedTotal = 98.62m,
            StatedGrade = "优",
            Staffing = new StaffingBlock { Authorized = 25m, Actual = 23m, StatedControlRate = new Percentage(0.92m, 0), Source = new SourcePosition(40, 2, "基础数据表") },
            Text = "一、基本情况\n二、绩效目标完成情况",
            Filler = "李明",
            Head = "王强",
            Incomplete = true,
            Source = new SourcePosition(1, 0, null, 3),
        };
        form.ReadingDoubts.Add(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Funds, Row = new SourcePosition(12, 3, "表1", 2),
            Cells = [CellRole.Budget, CellRole.Executed], RowLabel = "年度资金总额", Text = "25 21.5457",
        });
        form.ReadingDoubts.Add(ReadingDoubt.Legacy("第二条说明"));
        form.Funds.Add(new FundsRow
        {
            Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 25m, Budget = 25.0000m, Executed = 21.5457m, Transfer = 0.1m,
            ForecastExecuted = 24.9m, Weight = 10m, StatedRate = new Percentage(0.8618m, 2), StatedScore = 8.62m, Source = new SourcePosition(5, 1),
        });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, Budget = 25m, Executed = 21.5457m });
        form.Indicators.Add(new IndicatorRow
        {
            Level1 = "产出指标", Level1Weight = 50m, Level2 = "数量指标", Level2Weight = 15m, Name = "运维服务器数量", Content = "运维的服务器台数",
            Target = "≥120台", Actual = "126台", Weight = 15m, StatedScore = 15m, Explanation = "无偏差", Improvement = "继续保持",
            MidYearProgress = "已完成60%", ExpectedCompletion = "全年可完成", Causes = DeviationCauses.Funding | DeviationCauses.Staff,
            Likelihood = CompletionLikelihood.Possible, Remark = "备注", Source = new SourcePosition(12, 3, "Sheet1"),
        });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Name = "服务对象满意度", Target = "≥90%", Actual = "95%", Weight = 10m });
        form.BasicData.Add(new BasicDataRow { Label = "三公经费", Depth = 0, PriorYearFinal = 12.5m, Budget = 10m, Final = 9.87m });
        form.BasicData.Add(new BasicDataRow { Label = "厉行节约保障措施", Depth = 1, Text = "严格执行公务接待标准", Source = new SourcePosition(30) });
        return form;
    }
}
