using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Templates;

namespace Jixiao.Web.Ui;

/// <summary>
/// A new, empty form laid out like the default template of its kind (docs/templates.md): the template's funds and
/// basic data rows, and one indicator row per 二级 of the rulebook's tree for the year.
/// </summary>
public static class FormTemplates
{
    public static PerformanceForm Blank(FormKind kind, int year, string unit, string? department, string? project, Rulebook rulebook, string? region = null) =>
        Blank(kind, year, unit, department, project, rulebook, TemplateRegistry.Current, region);

    /// <summary><paramref name="region"/>: the template set chosen for the unit and year (null or "*": the national ones).</summary>
    public static PerformanceForm Blank(FormKind kind, int year, string unit, string? department, string? project, Rulebook rulebook, TemplateRegistry registry, string? region = null)
    {
        var template = registry.Default(kind, year, region);
        var form = new PerformanceForm
        {
            Kind = kind,
            Year = year,
            Title = kind.ChineseName(),
            TemplateId = template?.Id,
            TemplateVersion = template?.Version,
            Unit = unit,
            Department = department,
            Project = template?.Block("header")?.Columns.Any(c => registry.Lexicon.Role("header", c.Role)?.Property == nameof(PerformanceForm.Project)) == true
                ? project : null,
            MoneyUnit = MoneyUnit.Yuan,
            MonitoringMonths = template?.Roles.Contains(("indicators", "midYearProgress")) == true ? 6 : null,
        };
        var tree = rulebook.TreeFor(kind == FormKind.DepartmentSelfEvaluation ? kind : FormKind.ProjectSelfEvaluation);
        if (template?.Block("funds") is { } funds)
        {
            // The execution weight is stated on the total row only where the form scores execution.
            var scored = funds.Columns.Any(c => c.Role == "score");
            foreach (var row in funds.Rows)
            {
                var role = RowRole(row.Role);
                form.Funds.Add(new FundsRow { Label = row.Label, Role = role, Weight = scored && role == FundsRowRole.Total ? tree?.ExecutionWeight : null });
            }
        }
        if (template?.Block("staffing") is not null) form.Staffing = new StaffingBlock();
        if (template?.Block("basicData") is { } basic)
            foreach (var row in basic.Rows) form.BasicData.Add(new BasicDataRow { Label = row.Label, Depth = row.Depth });
        if (template?.Block("indicators") is not null && tree is not null)
            foreach (var block in tree.Blocks)
                foreach (var child in block.Children)
                    form.Indicators.Add(new IndicatorRow { Level1 = block.Name, Level2 = child.Name });
        return form;
    }

    private static FundsRowRole RowRole(string? role) => role switch
    {
        "total" => FundsRowRole.Total,
        "source" => FundsRowRole.Source,
        "structure" => FundsRowRole.Structure,
        _ => FundsRowRole.Part,
    };
}
