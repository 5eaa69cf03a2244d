using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Forms;

/// <summary>Maps a <see cref="PerformanceForm"/> to its rows and back, losslessly.</summary>
public static class FormRows
{
    /// <summary>
    /// Writes <paramref name="form"/> into <paramref name="record"/>. Rows are updated in place by position, extra rows
    /// removed, new rows added, so a save touches only what changed and the (form, position) keys never collide.
    /// </summary>
    public static void Apply(PerformanceForm form, FormRecord record)
    {
        record.Kind = form.Kind;
        record.StatedYear = form.Year;
        record.Title = form.Title;
        record.ProjectName = form.Project;
        record.DepartmentName = form.Department;
        record.UnitName = form.Unit;
        record.MoneyUnit = form.MoneyUnit;
        record.MonitoringMonths = form.MonitoringMonths;
        record.PlannedGoal = form.PlannedGoal;
        record.ActualGoal = form.ActualGoal;
        record.Functions = form.Functions;
        record.StatedWeightTotal = form.StatedWeightTotal;
        record.StatedTotal = form.StatedTotal;
        record.StatedGrade = form.StatedGrade;
        record.HasStaffing = form.Staffing is not null;
        record.StaffingAuthorized = form.Staffing?.Authorized;
        record.StaffingActual = form.Staffing?.Actual;
        record.StaffingRate = form.Staffing?.StatedControlRate?.Fraction;
        record.StaffingRateDecimals = form.Staffing?.StatedControlRate?.Decimals;
        record.StaffingSource = SourceColumns.From(form.Staffing?.Source);
        record.Text = form.Text;
        record.Filler = form.Filler;
        record.Head = form.Head;
        record.Incomplete = form.Incomplete;
        record.ReadingNotes = FormJson.SerializeDoubts(form.ReadingDoubts);
        record.Source = SourceColumns.From(form.Source);

        Sync(record.Funds, form.Funds, (row, f) =>
        {
            row.Label = f.Label;
            row.Role = f.Role;
            row.InitialBudget = f.InitialBudget;
            row.Budget = f.Budget;
            row.Executed = f.Executed;
            row.Transfer = f.Transfer;
            row.ForecastExecuted = f.ForecastExecuted;
            row.Weight = f.Weight;
            row.StatedRate = f.StatedRate?.Fraction;
            row.StatedRateDecimals = f.StatedRate?.Decimals;
            row.StatedScore = f.StatedScore;
            row.Source = SourceColumns.From(f.Source);
        }, (row, p) => row.Position = p);

        Sync(record.Indicators, form.Indicators, (row, i) =>
        {
            row.Level1 = i.Level1;
            row.Level1Weight = i.Level1Weight;
            row.Level2 = i.Level2;
            row.Level2Weight = i.Level2Weight;
            row.Name = i.Name;
            row.Content = i.Content;
            row.Target = i.Target;
            row.Actual = i.Actual;
            row.Weight = i.Weight;
            row.StatedScore = i.StatedScore;
            row.Explanation = i.Explanation;
            row.Improvement = i.Improvement;
            row.MidYearProgress = i.MidYearProgress;
            row.ExpectedCompletion = i.ExpectedCompletion;
            row.Causes = i.Causes;
            row.Likelihood = i.Likelihood;
            row.Remark = i.Remark;
            row.Source = SourceColumns.From(i.Source);
        }, (row, p) => row.Position = p);

        Sync(record.BasicData, form.BasicData, (row, d) =>
        {
            row.Label = d.Label;
            row.Depth = d.Depth;
            row.PriorYearFinal = d.PriorYearFinal;
            row.Budget = d.Budget;
            row.Final = d.Final;
            row.Text = d.Text;
            row.Source = SourceColumns.From(d.Source);
        }, (row, p) => row.Position = p);
    }

    private static void Sync<TRow, TValue>(List<TRow> rows, List<TValue> values, Action<TRow, TValue> copy, Action<TRow, int> setPosition)
        where TRow : new()
    {
        // The caller loads the rows ordered by position; positions are 1-based like the printed rows.
        for (var i = 0; i < values.Count; i++)
        {
            if (i >= rows.Count) rows.Add(new TRow());
            copy(rows[i], values[i]);
            setPosition(rows[i], i + 1);
        }
        if (rows.Count > values.Count) rows.RemoveRange(values.Count, rows.Count - values.Count);
    }

    /// <summary>The form as stored; rows are read in position order whatever order they were loaded in.</summary>
    public static PerformanceForm ToForm(FormRecord record)
    {
        var form = new PerformanceForm
        {
            Kind = record.Kind,
            Year = record.StatedYear,
            Title = record.Title,
            Project = record.ProjectName,
            Department = record.DepartmentName,
            Unit = record.UnitName,
            MoneyUnit = record.MoneyUnit,
            MonitoringMonths = record.MonitoringMonths,
            PlannedGoal = record.PlannedGoal,
            ActualGoal = record.ActualGoal,
            Functions = record.Functions,
            StatedWeightTotal = record.StatedWeightTotal,
            StatedTotal = record.StatedTotal,
            StatedGrade = record.StatedGrade,
            Text = record.Text,
            Filler = record.Filler,
            Head = record.Head,
            Incomplete = record.Incomplete,
            Source = record.Source.ToPosition(),
            Staffing = record.HasStaffing
                ? new StaffingBlock
                {
                    Authorized = record.StaffingAuthorized,
                    Actual = record.StaffingActual,
                    StatedControlRate = Rate(record.StaffingRate, record.StaffingRateDecimals),
                    Source = record.StaffingSource.ToPosition(),
                }
                : null,
        };
        form.ReadingDoubts.AddRange(FormJson.DeserializeDoubts(record.ReadingNotes));
        form.Funds.AddRange(record.Funds.OrderBy(r => r.Position).Select(r => new FundsRow
        {
            Label = r.Label,
            Role = r.Role,
            InitialBudget = r.InitialBudget,
            Budget = r.Budget,
            Executed = r.Executed,
            Transfer = r.Transfer,
            ForecastExecuted = r.ForecastExecuted,
            Weight = r.Weight,
            StatedRate = Rate(r.StatedRate, r.StatedRateDecimals),
            StatedScore = r.StatedScore,
            Source = r.Source.ToPosition(),
        }));
        form.Indicators.AddRange(record.Indicators.OrderBy(r => r.Position).Select(r => new IndicatorRow
        {
            Level1 = r.Level1,
            Level1Weight = r.Level1Weight,
            Level2 = r.Level2,
            Level2Weight = r.Level2Weight,
            Name = r.Name,
            Content = r.Content,
            Target = r.Target,
            Actual = r.Actual,
            Weight = r.Weight,
            StatedScore = r.StatedScore,
            Explanation = r.Explanation,
            Improvement = r.Improvement,
            MidYearProgress = r.MidYearProgress,
            ExpectedCompletion = r.ExpectedCompletion,
            Causes = r.Causes,
            Likelihood = r.Likelihood,
            Remark = r.Remark,
            Source = r.Source.ToPosition(),
        }));
        form.BasicData.AddRange(record.BasicData.OrderBy(r => r.Position).Select(r => new BasicDataRow
        {
            Label = r.Label,
            Depth = r.Depth,
            PriorYearFinal = r.PriorYearFinal,
            Budget = r.Budget,
            Final = r.Final,
            Text = r.Text,
            Source = r.Source.ToPosition(),
        }));
        return form;
    }

    private static Percentage? Rate(decimal? fraction, int? decimals) =>
        fraction is { } f ? new Percentage(f, decimals ?? 2) : null;
}
