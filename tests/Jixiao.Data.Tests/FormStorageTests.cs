using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

public abstract class FormStorageTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    private async Task<FormRecord> Load(int id)
    {
        await using var db = database.NewContext();
        return await db.Forms.Include(f => f.Funds).Include(f => f.Indicators).Include(f => f.BasicData).AsSplitQuery().SingleAsync(f => f.Id == id);
    }

    [Fact]
    public async Task A_form_with_every_field_set_reads_back_exactly_as_saved()
    {
        database.SkipUnlessAvailable();
        int id;
        await using (var db = database.NewContext())
        {
            var tree = await Tree.SeedAsync(db);
            var record = tree.NewForm(tree.Unit, SampleForms.Full());
            db.Forms.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }

        var back = FormRows.ToForm(await Load(id));

        var expected = SampleForms.Full();
        Assert.Empty(FormDiff.Compare(expected, back));
        Assert.Equal(expected.Source, back.Source);
        Assert.Equal(expected.Staffing!.Source, back.Staffing!.Source);
        Assert.Equal(expected.Funds.Select(f => f.Source), back.Funds.Select(f => f.Source));
        Assert.Equal(expected.Indicators.Select(f => f.Source), back.Indicators.Select(f => f.Source));
        Assert.Equal(expected.BasicData.Select(f => f.Source), back.BasicData.Select(f => f.Source));
        Assert.Equal(expected.Funds[0].StatedRate, back.Funds[0].StatedRate);
    }

    [Fact]
    public async Task Money_keeps_its_value_and_rates_keep_their_printed_precision()
    {
        database.SkipUnlessAvailable();
        int id;
        await using (var db = database.NewContext())
        {
            var tree = await Tree.SeedAsync(db);
            var form = SampleForms.Full();
            form.Funds[0].Executed = 215457.60m;
            form.Funds[0].StatedRate = new Percentage(1m, 0);
            var record = tree.NewForm(tree.Unit, form);
            db.Forms.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }

        var back = FormRows.ToForm(await Load(id));

        // SQLite keeps the value, not the trailing zeros (TEXT holds 215457.6); rates carry their precision separately.
        Assert.Equal(215457.60m, back.Funds[0].Executed);
        Assert.Equal("100%", back.Funds[0].StatedRate!.Value.ToString());
        Assert.Equal("92%", back.Staffing!.StatedControlRate!.Value.ToString());
    }

    [Fact]
    public async Task Saving_fewer_rows_removes_the_extra_rows_and_keeps_positions_in_order()
    {
        database.SkipUnlessAvailable();
        int id;
        await using (var db = database.NewContext())
        {
            var tree = await Tree.SeedAsync(db);
            var record = tree.NewForm(tree.Unit, SampleForms.Full());
            db.Forms.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }
        await using (var db = database.NewContext())
        {
            var record = await db.Forms.Include(f => f.Funds).Include(f => f.Indicators).Include(f => f.BasicData).SingleAsync(f => f.Id == id);
            record.Funds.Sort((a, b) => a.Position.CompareTo(b.Position));
            record.Indicators.Sort((a, b) => a.Position.CompareTo(b.Position));
            record.BasicData.Sort((a, b) => a.Position.CompareTo(b.Position));
            var form = FormRows.ToForm(record);
            form.Indicators.RemoveAt(0);
            form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part, Budget = 0m });
            FormRows.Apply(form, record);
            await db.SaveChangesAsync();
        }

        var back = await Load(id);

        Assert.Equal(["服务对象满意度"], back.Indicators.Select(i => i.Name));
        Assert.Equal([1, 2, 3], back.Funds.OrderBy(f => f.Position).Select(f => f.Position));
        Assert.Equal("其他资金", back.Funds.Single(f => f.Position == 3).Label);
        await using var check = database.NewContext();
        Assert.Equal(1, await check.IndicatorRows.CountAsync(r => r.FormId == id));
    }

    [Fact]
    public async Task Indicator_rows_are_queryable_across_forms()
    {
        database.SkipUnlessAvailable();
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        db.Forms.Add(tree.NewForm(tree.Unit, SampleForms.Full()));
        db.Forms.Add(tree.NewForm(tree.OtherUnit, SampleForms.Full()));
        await db.SaveChangesAsync();

        var weights = await db.Forms.Where(f => f.FiscalYearId == tree.Year.Id)
            .SelectMany(f => f.Indicators).Where(i => i.Name == "运维服务器数量").Select(i => i.Weight).ToListAsync();

        Assert.Equal([15m, 15m], weights);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_copy_fails_instead_of_overwriting()
    {
        database.SkipUnlessAvailable();
        int id;
        await using (var db = database.NewContext())
        {
            var tree = await Tree.SeedAsync(db);
            var record = tree.NewForm(tree.Unit, SampleForms.Full());
            db.Forms.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.Forms.SingleAsync(f => f.Id == id);
        var b = await second.Forms.SingleAsync(f => f.Id == id);
        a.StatedTotal = 90m; a.Revision++;
        await first.SaveChangesAsync();
        b.StatedTotal = 80m; b.Revision++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(90m, (await Load(id)).StatedTotal);
    }
}

public sealed class FormStorageOnSqlite(SqliteTestDatabase database) : FormStorageTests<SqliteTestDatabase>(database);

public sealed class FormStorageOnPostgres(PostgresTestDatabase database) : FormStorageTests<PostgresTestDatabase>(database);
