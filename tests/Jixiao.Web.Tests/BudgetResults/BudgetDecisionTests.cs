using System.IO.Compression;
using System.Net;
using System.Text;

namespace Jixiao.Web.Tests.BudgetResults;

/// <summary>Finance records next year's decision, changes it with history kept, and the ledger and exports show it.</summary>
public abstract class Finance_records_a_budget_decision_and_the_ledger_shows_it<THost>(THost host) : BudgetTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_decision_equal_to_the_suggestion_counts_as_applied_and_followed()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("按建议决定的项目", share: 0.5m);

        var decision = await Expect(HttpStatusCode.Created, await Decide("finance", id, new { action = "cut", amount = 225000.00m, reason = "按评价结果核减一成。" }));

        Assert.True((bool)decision["followsSuggestion"]!);
        Assert.Equal("finance", (string?)decision["decidedBy"]);
        var s = await Suggestion(id);
        Assert.True((bool)s["applied"]!);
        Assert.True((bool)s["followsSuggestion"]!);
        Assert.Equal("核减", (string?)s["decision"]!["actionName"]);
    }

    [Fact]
    public async Task A_changed_decision_is_in_force_and_the_earlier_one_stays_in_its_history()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("改变决定的项目");
        await Expect(HttpStatusCode.Created, await Decide("finance", id, new { action = "priority", amount = 250000m, reason = "评价为优，优先保障。" }));
        Host.Clock.Advance(TimeSpan.FromDays(2));

        await Expect(HttpStatusCode.Created, await Decide("finance", id, new { action = "合理保障", amount = 200000m, reason = "财力紧张，统一压减。" }));

        var history = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/budget/suggestions/{id}/decisions"))).AsArray();
        Assert.Equal(["maintain", "priority"], history.Select(d => (string)d!["action"]!));
        Assert.True(DateTimeOffset.Parse((string)history[0]!["decidedAt"]!, System.Globalization.CultureInfo.InvariantCulture)
                    > DateTimeOffset.Parse((string)history[1]!["decidedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var s = await Suggestion(id);
        Assert.Equal(200000m, (decimal)s["decision"]!["amount"]!);
        Assert.False((bool)s["followsSuggestion"]!);
        var differs = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/budget/suggestions?year=2020&applied=Differs&pageSize=200"));
        Assert.Contains(differs["items"]!.AsArray(), i => (int)i!["formId"]! == id);
    }

    [Fact]
    public async Task The_ledger_counts_decided_followed_differing_and_undecided_projects()
    {
        Host.SkipUnlessAvailable();
        // Its own department: the ledger of 乙市 holds only these three.
        var followed = await Evaluated("台账项目甲", filler: "other-unit", organisation: "B-U", unit: "上海市大数据中心");
        var differed = await Evaluated("台账项目乙", share: 0.5m, filler: "other-unit", organisation: "B-U", unit: "上海市大数据中心");
        await Evaluated("台账项目丙", share: 0m, filler: "other-unit", organisation: "B-U", unit: "上海市大数据中心");
        await Expect(HttpStatusCode.Created, await Decide("other-finance", followed, new { action = "priority", amount = 250000m, reason = "优先保障。" }));
        await Expect(HttpStatusCode.Created, await Decide("other-finance", differed, new { action = "maintain", amount = 250000m, reason = "重点民生项目，不予核减。" }));

        var ledger = await Expect(HttpStatusCode.OK, await Host.Client("other-finance").GetAsync("/api/v1/budget/ledger?year=2020"));

        var total = ledger["total"]!;
        Assert.Equal((3, 2, 1, 1, 1), ((int)total["evaluated"]!, (int)total["decided"]!, (int)total["followed"]!, (int)total["differed"]!, (int)total["undecided"]!));
        Assert.Equal(750000m, (decimal)total["currentBudget"]!);
        Assert.Equal(475000m, (decimal)total["suggestedAmount"]!);
        Assert.Equal(500000m, (decimal)total["decidedAmount"]!);
        Assert.Equal(["优", "中", "差"], ledger["byGrade"]!.AsArray().Select(l => (string)l!["name"]!));
        Assert.Equal("乙市大数据管理局", (string?)Assert.Single(ledger["byDepartment"]!.AsArray())!["name"]);
    }

    [Theory]
    [InlineData("halve", "100", "理由", "预算安排")]
    [InlineData("cut", "100.001", "理由", "小数位")]
    [InlineData("cut", "-1", "理由", "amount")]
    [InlineData("cut", "100", "", "reason")]
    public async Task A_decision_with_a_bad_field_is_refused_naming_it(string action, string amount, string reason, string named)
    {
        Host.SkipUnlessAvailable();
        var id = (int)await Host.Shared.GetOrAdd("validation form", async _ => await Evaluated("校验项目", share: 0.5m));

        var problem = await Expect(HttpStatusCode.BadRequest, await Decide("finance", id,
            new { action, amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), reason }));

        Assert.Contains(named, problem.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/budget/suggestions/{id}/decisions"))).AsArray());
    }

    [Fact]
    public async Task The_export_holds_every_evaluated_project_with_its_decision_as_csv_and_xlsx()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("导出项目", share: 0.5m);
        await Expect(HttpStatusCode.Created, await Decide("finance", id, new { action = "cut", amount = 225000m, reason = "=核减（公式样文字）" }));

        var csvResponse = await Host.Client("finance").GetAsync("/api/v1/budget/export.csv?year=2020");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        var line = Assert.Single(csv.Split("\r\n"), l => l.Contains("导出项目", StringComparison.Ordinal));
        Assert.Contains("cut,核减,90%,225000.00", line, StringComparison.Ordinal);
        Assert.Contains("'=核减", line, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF评价年度,预算年度", csv, StringComparison.Ordinal);

        var xlsx = await Host.Client("finance").GetAsync("/api/v1/budget/export.xlsx?year=2020");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("导出项目", xml, StringComparison.Ordinal);
        Assert.Matches(@"<(x:)?v>225000(\.0+)?</(x:)?v>", xml);
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync("/api/v1/budget/export.pdf?year=2020"));
    }
}

public sealed class Finance_records_a_budget_decision_and_the_ledger_shows_it_on_Sqlite(SqliteHost host) : Finance_records_a_budget_decision_and_the_ledger_shows_it<SqliteHost>(host);

public sealed class Finance_records_a_budget_decision_and_the_ledger_shows_it_on_Postgres(PostgresHost host) : Finance_records_a_budget_decision_and_the_ledger_shows_it<PostgresHost>(host);
