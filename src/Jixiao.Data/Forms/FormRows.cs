using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Data.Forms;

/// <summary>Maps a <see cref="PerformanceForm"/> to its record (the body and the header columns copied from it) and back.</summary>
public static class FormRows
{
    /// <summary>
    /// Writes <paramref name="form"/> into <paramref name="record"/>: the whole form as the body, in the current shape,
    /// and the header columns lists and uniqueness read. Findings and facts are <see cref="FormStore.Write"/>'s part.
    /// </summary>
    public static void Apply(PerformanceForm form, FormRecord record)
    {
        record.Body = FormBody.Serialize(form);
        record.SchemaVersion = FormBody.CurrentVersion;
        record.Kind = form.Kind;
        record.TemplateId = form.TemplateId;
        record.TemplateVersion = form.TemplateVersion;
        record.StatedYear = form.Year;
        record.Title = form.Title;
        record.ProjectName = form.Project;
        record.DepartmentName = form.Department;
        record.UnitName = form.Unit;
        record.MonitoringMonths = form.MonitoringMonths;
    }

    /// <summary>The form as stored, upgraded in memory when it was stored in an older shape.</summary>
    public static PerformanceForm ToForm(FormRecord record) => FormBody.Read(BodyOf(record), record.SchemaVersion);

    /// <summary><see cref="ToForm"/> for a caller that only looks at it: possibly the object other callers got (<see cref="FormBody.ReadShared"/>).</summary>
    public static PerformanceForm ToSharedForm(FormRecord record) => FormBody.ReadShared(BodyOf(record), record.SchemaVersion);

    private static string BodyOf(FormRecord record) =>
        record.Body ?? throw new InvalidOperationException($"表单 {record.Id} 尚未从旧的行表转换（启动时会自动转换）。");
}
