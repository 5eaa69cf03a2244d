using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Demo;

/// <summary>
/// The four real 2020 documents (public, published by the units themselves; errors included) read through the same
/// readers as an upload, so the demo shows what the checker finds in real tables, not only in generated ones.
/// </summary>
public sealed partial class DemoData
{
    /// <summary>The department new demo units are created under: all seed documents come from data-resource centres.</summary>
    private const string SeedDepartmentCode = "XJSJ";

    private sealed record SeedDocument(string File, string Unit, Func<PerformanceForm, int, FormStatus> Target);

    /// <summary>How far each recognised form travels: enough published ones for the portal, enough in review for the queue.</summary>
    private static readonly SeedDocument[] SeedDocuments =
    [
        new("000_607fb5c2e84087b3.txt", "长沙市望城区数据资源中心", (_, _) => FormStatus.Published),
        new("001_a5ac02f38cd514ed.txt", "长沙市望城区数据资源中心", (_, _) => FormStatus.Submitted),
        new("002_3bc036a0d1488051.txt", "浏阳市数据资源中心", (form, _) => form.Kind switch
        {
            FormKind.Monitoring => FormStatus.Submitted,
            FormKind.DepartmentSelfEvaluation => FormStatus.DepartmentApproved,
            _ => FormStatus.Published,
        }),
        new("003_03f224b671937fce.txt", "上海市大数据中心", (_, index) =>
            new[] { FormStatus.Published, FormStatus.Submitted, FormStatus.Published, FormStatus.DepartmentApproved, FormStatus.Returned, FormStatus.Draft, FormStatus.Submitted }[index % 7]),
    ];

    public static IReadOnlyList<string> SeedFiles => SeedDocuments.Select(d => d.File).ToList();

    /// <summary>Reads an embedded seed document into forms, exactly as an uploaded file would be read.</summary>
    public static IReadOnlyList<PerformanceForm> ReadSeed(string file)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Jixiao.Web.Demo.Seeds." + file)
            ?? throw new InvalidOperationException($"The seed document {file} is not embedded in Jixiao.Web.");
        return FormRecognizer.Recognize(DocumentReader.Read(stream, file));
    }

    private async Task ImportSeedDocumentsAsync(IReadOnlyDictionary<string, CurrentUser> people, CancellationToken ct)
    {
        foreach (var document in SeedDocuments)
        {
            var unit = await EnsureUnitAsync(document.Unit, ct);
            var found = ReadSeed(document.File);
            // A table that does not print its unit (a narrative report) belongs to the unit that published the document.
            foreach (var form in found.Where(f => string.IsNullOrWhiteSpace(f.Unit))) form.Unit = document.Unit;
            var ids = await AddFormsAsync(found, ct);
            var filler = people.Values.FirstOrDefault(p => p.ScopePath == unit.Path && p.Is(Roles.UnitFiller))
                ?? await ImporterAsync(unit, ct);
            var reviewer = people.Values.First(p => p.Is(Roles.DepartmentReviewer) && unit.Path.StartsWith(p.ScopePath, StringComparison.Ordinal));
            var finance = people.Values.First(p => p.Is(Roles.FinanceReviewer));
            for (var i = 0; i < ids.Count; i++)
            {
                var record = (await forms.Find(ids[i], ct)).Value!;
                if (record.IsSuperseded) continue;
                await MoveTo(record, filler, reviewer, finance, document.Target(found[i], i), ct);
            }
        }
    }

    /// <summary>The demo unit of that name, created under the data-resource bureau when the city does not have it yet.</summary>
    private async Task<Organisation> EnsureUnitAsync(string name, CancellationToken ct)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Name == name && o.Kind == OrganisationKind.Unit, ct) is { } existing) return existing;
        var department = await db.Organisations.SingleAsync(o => o.Code == SeedDepartmentCode, ct);
        var count = await db.Organisations.CountAsync(o => o.ParentId == department.Id, ct);
        var code = "SEED" + (count + 1).ToString("00", CultureInfo.InvariantCulture);
        var unit = new Organisation { Code = code, Name = name, Kind = OrganisationKind.Unit, Parent = department, Path = Organisation.ChildPath(department.Path, code) };
        db.Organisations.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <summary>The demo account that files for a unit without its own filler, acting inside that unit only.</summary>
    private async Task<CurrentUser> ImporterAsync(Organisation unit, CancellationToken ct)
    {
        var importer = await users.Users.Where(u => u.IsDemo).OrderBy(u => u.UserName).FirstAsync(ct);
        return new CurrentUser(importer.Id, importer.UserName ?? "", unit.Path, new HashSet<string> { Roles.UnitFiller });
    }

    /// <summary>The budget project a recognised project or monitoring table reports on, by name (spacing ignored), created when new.</summary>
    private async Task<BudgetProject> ProjectFor(Organisation unit, int year, PerformanceForm form, CancellationToken ct)
    {
        var name = form.Project!.Trim();
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (fiscalYear is null)
        {
            fiscalYear = new FiscalYear { Year = year };
            db.FiscalYears.Add(fiscalYear);
            await db.SaveChangesAsync(ct);
        }
        var existing = await db.Projects.Where(p => p.OrganisationId == unit.Id && p.FiscalYearId == fiscalYear.Id).ToListAsync(ct);
        if (existing.FirstOrDefault(p => Compact(p.Name) == Compact(name)) is { } known) return known;
        var total = form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total)?.Budget;
        var project = new BudgetProject
        {
            Code = $"{year.ToString(CultureInfo.InvariantCulture)}-{unit.Code}-D{(existing.Count + 1).ToString("00", CultureInfo.InvariantCulture)}",
            Name = name,
            OrganisationId = unit.Id,
            FiscalYearId = fiscalYear.Id,
            BudgetYuan = total is { } budget ? (form.MoneyUnit ?? MoneyUnit.Yuan).ToYuan(budget) : null,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
