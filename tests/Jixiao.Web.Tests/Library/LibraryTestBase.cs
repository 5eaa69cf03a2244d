using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Library;

/// <summary>One indicator row as the tests write it: category, name, target and (for self-evaluations) actual.</summary>
public sealed record Row(string Level1, string Level2, string Name, string Target, string? Actual = null);

/// <summary>Forms stored the way every save stores them (FormStore.Write: body, facts), in units made for the test.</summary>
public abstract class LibraryTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    /// <summary>A unit under the 甲市数据资源局 department (SJ), made once per code.</summary>
    protected async Task<Organisation> Unit(string code)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organisations.SingleOrDefaultAsync(o => o.Code == code) is { } existing) return existing;
        var parent = await db.Organisations.SingleAsync(o => o.Code == "SJ");
        var unit = new Organisation { Code = code, Name = "测试单位" + code, Kind = OrganisationKind.Unit, ParentId = parent.Id, Path = Organisation.ChildPath(parent.Path, code) };
        db.Organisations.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>A form of <paramref name="unitCode"/> in <paramref name="status"/>, stored through FormStore.Write.</summary>
    protected async Task<int> Stored(string unitCode, int year, FormKind kind, string project, FormStatus status, params Row[] rows)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Organisations.SingleAsync(o => o.Code == unitCode);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year) ?? new FiscalYear { Year = year };
        var form = new PerformanceForm { Kind = kind, Year = year, Project = project, Unit = unit.Name, Title = kind.ChineseName() };
        foreach (var r in rows)
            form.Indicators.Add(new IndicatorRow { Level1 = r.Level1, Level2 = r.Level2, Name = r.Name, Target = r.Target, Actual = r.Actual, Weight = 10m });
        var now = Host.Clock.GetUtcNow();
        var record = new FormRecord
        {
            Organisation = unit, FiscalYear = fiscalYear, Status = status, Revision = 1, CreatedAt = now, UpdatedAt = now,
            UniqueKey = FormIdentity.Key(unit.Path, year, kind, project, null),
        };
        FormStore.Write(record, form, [], Core.Rulebooks.Rulebooks.Default, await FormStore.PlaceAsync(db, unit, CancellationToken.None), now);
        db.Forms.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}
