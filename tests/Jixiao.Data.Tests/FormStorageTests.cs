using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests;

public abstract class FormStorageTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    protected TDb Database => database;

    private async Task<FormRecord> Load(int id)
    {
        await using var db = database.NewContext();
        return await db.Forms.SingleAsync(f => f.Id == id);
    }

    [Fact]
    public async Task A_form_with_every_field_set_reads_back_exactly_as_saved()
    {
        database.SkipUnlessAvailable();
        var id = await Tree.SeedWithFormAsync(database, SampleForms.Full());

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
        var form = SampleForms.Full();
        form.Funds[0].Executed = 215457.60m;
        form.Funds[0].StatedRate = new Percentage(1m, 0);
        var id = await Tree.SeedWithFormAsync(database, form);

        var back = FormRows.ToForm(await Load(id));

        // SQLite keeps the value, not the trailing zeros (TEXT holds 215457.6); rates carry their precision separately.
        Assert.Equal(215457.60m, back.Funds[0].Executed);
        Assert.Equal("100%", back.Funds[0].StatedRate!.Value.ToString());
        Assert.Equal("92%", back.Staffing!.StatedControlRate!.Value.ToString());
    }

    [Fact]
    public async Task Template_columns_nobody_declared_before_are_stored_with_the_body()
    {
        database.SkipUnlessAvailable();
        var form = SampleForms.Full();
        form.TemplateId = "national-project-self-evaluation-2026";
        form.TemplateVersion = 3;
        form.Extra["funds.adjusted-budget-note"] = "年中调整后预算数见附表";
        form.Funds[0].Extra["adjusted-budget"] = "26.5";
        form.Indicators[0].Extra["score-coefficient"] = "0.8";
        form.Indicators[0].Extra["scoring-standard"] = "完成得满分，每少1台扣0.5分";
        var id = await Tree.SeedWithFormAsync(database, form);

        var stored = await Load(id);
        var back = FormRows.ToForm(stored);

        Assert.Equal(("national-project-self-evaluation-2026", 3), (stored.TemplateId, stored.TemplateVersion));
        Assert.Equal(FormBody.CurrentVersion, stored.SchemaVersion);
        Assert.Equal("年中调整后预算数见附表", back.Extra["funds.adjusted-budget-note"]);
        Assert.Equal("26.5", back.Funds[0].Extra["adjusted-budget"]);
        Assert.Equal(["score-coefficient", "scoring-standard"], back.Indicators[0].Extra.Keys.Order());
        Assert.Equal("完成得满分，每少1台扣0.5分", back.Indicators[0].Extra["scoring-standard"]);
    }

    [Fact]
    public async Task Saving_fewer_rows_stores_exactly_the_rows_saved()
    {
        database.SkipUnlessAvailable();
        var id = await Tree.SeedWithFormAsync(database, SampleForms.Full());
        await using (var db = database.NewContext())
        {
            var record = await db.Forms.SingleAsync(f => f.Id == id);
            var form = FormRows.ToForm(record);
            form.Indicators.RemoveAt(0);
            form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part, Budget = 0m });
            FormRows.Apply(form, record);
            await db.SaveChangesAsync();
        }

        var back = FormRows.ToForm(await Load(id));

        Assert.Equal(["服务对象满意度"], back.Indicators.Select(i => i.Name));
        Assert.Equal(["年度资金总额", "其中：当年财政拨款", "其他资金"], back.Funds.Select(f => f.Label));
    }

    [Fact]
    public async Task A_second_save_from_a_stale_copy_fails_instead_of_overwriting()
    {
        database.SkipUnlessAvailable();
        var id = await Tree.SeedWithFormAsync(database, SampleForms.Full());
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.Forms.SingleAsync(f => f.Id == id);
        var b = await second.Forms.SingleAsync(f => f.Id == id);
        a.Title = "第一次"; a.Revision++;
        await first.SaveChangesAsync();
        b.Title = "第二次"; b.Revision++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("第一次", (await Load(id)).Title);
    }
}

public sealed class FormStorageOnSqlite(SqliteTestDatabase database) : FormStorageTests<SqliteTestDatabase>(database);

public sealed class FormStorageOnPostgres(PostgresTestDatabase database) : FormStorageTests<PostgresTestDatabase>(database)
{
    // How the body reads back under lz4 is the shared tests' part (migrations run on this database too).
    [Fact]
    public async Task A_saved_body_is_compressed_by_lz4()
    {
        Database.SkipUnlessAvailable();
        var id = await Tree.SeedWithFormAsync(Database, SampleForms.Full());

        await using var read = Database.NewContext();
        // Only a body above PostgreSQL's threshold for compressing (about 2 KB) is compressed at all.
        var stored = await read.Database.SqlQuery<string>(
            $"""SELECT coalesce(pg_column_compression("Body"), 'none') AS "Value" FROM "Forms" WHERE "Id" = {id}""").SingleAsync();
        Assert.Equal("lz4", stored);
    }
}
