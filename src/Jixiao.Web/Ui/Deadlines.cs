using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Ui;

/// <summary>
/// The calendar a home page counts down to. Targets are set with the next year's budget, monitoring covers the first
/// half year, and self-evaluations go out with the final accounts in spring; the exact days are local practice, so
/// they are settings (Jixiao:Deadlines) and these defaults only fill what is not configured.
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>Month-day in the year after the fiscal year by which a unit submits its self-evaluations.</summary>
    public string UnitSubmits { get; set; } = "03-31";

    public string DepartmentReviews { get; set; } = "04-15";

    public string FinanceReviews { get; set; } = "04-30";

    /// <summary>Month-day of the fiscal year itself by which the monitoring table is due.</summary>
    public string MonitoringDue { get; set; } = "07-31";

    /// <summary>Month-day of the year before the fiscal year by which targets are due with the budget request.</summary>
    public string TargetsDue { get; set; } = "11-30";

    /// <summary>
    /// The day deadlines count from instead of the clock's. The demo sets it inside its own calendar (mid-March of the
    /// year after its fiscal year), so its forms are not "overdue by 2,000 days" whenever it is shown.
    /// </summary>
    public DateOnly? Today { get; set; }

    /// <summary>The day deadlines are counted from: <see cref="Today"/> where set, else the clock's local date.</summary>
    public DateOnly TodayBy(TimeProvider clock) => Today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public DateOnly? For(FormKind kind, FormStatus status, int year)
    {
        var (monthDay, offset) = (kind, status) switch
        {
            (FormKind.Targets, FormStatus.Draft or FormStatus.Returned) => (TargetsDue, -1),
            (FormKind.Monitoring, FormStatus.Draft or FormStatus.Returned) => (MonitoringDue, 0),
            (_, FormStatus.Draft or FormStatus.Returned) => (UnitSubmits, 1),
            (_, FormStatus.Submitted) => (DepartmentReviews, 1),
            (_, FormStatus.DepartmentApproved or FormStatus.FinanceApproved) => (FinanceReviews, 1),
            (_, FormStatus.Published) => ((string?)null, 0),
        };
        if (monthDay is null || monthDay.Length != 5) return null;
        return int.TryParse(monthDay[..2], System.Globalization.CultureInfo.InvariantCulture, out var m)
               && int.TryParse(monthDay[3..], System.Globalization.CultureInfo.InvariantCulture, out var d)
               && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year + offset, m)
            ? new DateOnly(year + offset, m, d)
            : null;
    }
}
