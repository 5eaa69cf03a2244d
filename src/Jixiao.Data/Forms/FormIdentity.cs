using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// Which form a form is: one per unit, project (none for department-wide kinds), kind, year and period (a monitoring
/// table per reporting period). <see cref="FormRecord.UniqueKey"/> holds it under a unique index; a form superseded by an
/// explicit new version gives its key up, so the database itself refuses a second current form.
/// </summary>
public static class FormIdentity
{
    public static string Key(string organisationPath, int year, FormKind kind, string? project, int? monitoringMonths)
    {
        var projectPart = kind is FormKind.DepartmentSelfEvaluation or FormKind.DepartmentBasicData ? "" : Normalise(project);
        var period = kind == FormKind.Monitoring ? (monitoringMonths ?? 0).ToString(CultureInfo.InvariantCulture) : "";
        var text = string.Join('\u001f', organisationPath, year.ToString(CultureInfo.InvariantCulture), kind.Code(), projectPart, period);
        // Hashed so the indexed column stays short whatever the path and project name.
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The key of a record whose organisation and fiscal year are loaded; <paramref name="projectName"/> is the linked budget project's name, if any.</summary>
    public static string Key(FormRecord record, string? projectName) =>
        Key(record.Organisation!.Path, record.FiscalYear!.Year, record.Kind, projectName ?? record.ProjectName, record.MonitoringMonths);

    private static string Normalise(string? text) =>
        text is null ? "" : string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Gives every current form without a key its key (forms from before keys existed). Where several forms share one,
    /// the newest keeps it and the older ones are kept, marked superseded by it. Returns how many were superseded.
    /// </summary>
    public static async Task<int> AssignMissingKeysAsync(AppDbContext db, CancellationToken ct)
    {
        var forms = await db.Forms.IgnoreQueryFilters().Include(f => f.Organisation).Include(f => f.FiscalYear).Include(f => f.Project).Include(f => f.Fact)
            .Where(f => f.UniqueKey == null && f.SupersededById == null).ToListAsync(ct);
        if (forms.Count == 0) return 0;
        var taken = (await db.Forms.IgnoreQueryFilters().Where(f => f.UniqueKey != null)
            .Select(f => new { f.Id, f.UniqueKey }).ToListAsync(ct)).ToDictionary(f => f.UniqueKey!, f => f.Id);
        var superseded = 0;
        foreach (var group in forms.GroupBy(f => Key(f, f.Project?.Name)))
        {
            var newestFirst = group.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).ToList();
            var holder = taken.TryGetValue(group.Key, out var id) ? id : (int?)null;
            if (holder is null)
            {
                newestFirst[0].UniqueKey = group.Key;
                holder = newestFirst[0].Id;
                newestFirst.RemoveAt(0);
            }
            foreach (var older in newestFirst)
            {
                older.SupersededById = holder;
                if (older.Fact is { } fact) fact.IsCurrent = false;
            }
            superseded += newestFirst.Count;
        }
        await db.SaveChangesAsync(ct);
        return superseded;
    }
}
