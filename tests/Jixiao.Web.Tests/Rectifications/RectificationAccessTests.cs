using System.Net;

namespace Jixiao.Web.Tests.Rectifications;

/// <summary>
/// Every rectification endpoint, for each person of the world, on an item in their own subtree and on one outside it:
/// outside, the answer is 404 as for an id that does not exist; inside, the role decides.
/// </summary>
public abstract class RectificationAccessTests<THost>(THost host) : RectificationTestBase<THost>(host) where THost : TestHost
{
    private sealed record Seeded(Dictionary<string, int> ItemOf, Dictionary<string, int> EvidenceOf);

    /// <summary>Items on a submitted form of each unit (raised by its department, or 乙市's finance), each with one evidence file.</summary>
    private async Task<Seeded> Seed() => (Seeded)await Host.Shared.GetOrAdd("items", async _ =>
    {
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, reviewer) in new[] { ("LY", "department"), ("WC", "department"), ("YZ", "education"), ("B-U", "other-finance") })
        {
            var item = await Raised(reviewer, await SubmittedForm(unit, "整改权限" + unit));
            var uploaded = await Expect(HttpStatusCode.OK, await Upload(FillerOf[unit], item, "整改报告.pdf", Pdf));
            items[unit] = item;
            evidence[unit] = (int)(await Item(FillerOf[unit], item))["evidence"]![0]!["id"]!;
            Assert.Equal(item, (int)uploaded["id"]!);
        }
        return new Seeded(items, evidence);
    });

    /// <summary>Where each person's own item lies and one that lies outside their subtree.</summary>
    private static readonly Dictionary<string, (string Own, string Other)> Reach = new(StringComparer.Ordinal)
    {
        ["unit"] = ("LY", "WC"),
        ["wangcheng"] = ("WC", "LY"),
        ["school"] = ("YZ", "LY"),
        ["department"] = ("LY", "YZ"),
        ["education"] = ("YZ", "WC"),
        ["finance"] = ("LY", "B-U"),
        ["admin"] = ("WC", "B-U"),
        ["other-unit"] = ("B-U", "LY"),
        ["other-finance"] = ("B-U", "YZ"),
    };

    public static TheoryData<string> People() => new(Reach.Keys);

    private static bool Fills(string person) => person is "unit" or "wangcheng" or "school" or "other-unit";

    [Theory]
    [MemberData(nameof(People))]
    public async Task An_item_and_its_evidence_are_found_inside_the_callers_subtree_and_not_outside(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (own, other) = Reach[person];

        await Item(person, s.ItemOf[own]);
        var download = await Host.Client(person).GetAsync($"/api/v1/rectifications/{s.ItemOf[own]}/evidence/{s.EvidenceOf[own]}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/rectifications/{s.ItemOf[other]}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/rectifications/{s.ItemOf[other]}/evidence/{s.EvidenceOf[other]}"));
        // Evidence of another item is not reached through one's own item's address either.
        await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/rectifications/{s.ItemOf[own]}/evidence/{s.EvidenceOf[other]}"));
        var listed = (await Items(person, "/api/v1/rectifications?pageSize=200")).Select(i => (int)i!["id"]!).ToList();
        Assert.Contains(s.ItemOf[own], listed);
        Assert.DoesNotContain(s.ItemOf[other], listed);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_the_units_filler_starts_uploads_and_submits_and_only_inside_its_subtree(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (own, other) = Reach[person];

        foreach (var step in new[] { "start", "submit" })
            await Expect(HttpStatusCode.NotFound, await Step(person, s.ItemOf[other], step, "已整改"));
        await Expect(HttpStatusCode.NotFound, await Upload(person, s.ItemOf[other], "说明.txt", "已整改"u8.ToArray()));
        if (Fills(person))
        {
            var started = await Step(person, s.ItemOf[own], "start");
            Assert.True(started.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{person}: {(int)started.StatusCode}");
            return;
        }
        await Expect(HttpStatusCode.Forbidden, await Step(person, s.ItemOf[own], "start"));
        await Expect(HttpStatusCode.Forbidden, await Step(person, s.ItemOf[own], "submit", "已整改"));
        await Expect(HttpStatusCode.Forbidden, await Upload(person, s.ItemOf[own], "说明.txt", "已整改"u8.ToArray()));
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_a_reviewer_at_or_above_the_one_who_raised_it_closes_or_sends_back(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (own, other) = Reach[person];
        // The items are not yet submitted: whoever may close is told the state, whoever may not is told the role.
        var mayClose = person is "department" or "education" or "finance" or "other-finance";

        foreach (var step in new[] { "close", "send-back" })
        {
            await Expect(HttpStatusCode.NotFound, await Step(person, s.ItemOf[other], step, "复核意见"));
            await Expect(mayClose ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden, await Step(person, s.ItemOf[own], step, "复核意见"));
        }
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_reviewers_raise_items_and_only_on_forms_in_their_subtree(string person)
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();
        var (own, other) = Reach[person];
        var ownForm = (int)(await Item(person, s.ItemOf[own]))["formId"]!;
        var otherForm = (int)(await Item(FillerOf[other], s.ItemOf[other]))["formId"]!;

        await Expect(HttpStatusCode.NotFound, await RaiseOn(person, otherForm));
        await Expect(person is "department" or "education" or "finance" or "other-finance" ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
            await RaiseOn(person, ownForm));
    }

    [Fact]
    public async Task The_public_and_anonymous_callers_reach_no_item_through_the_api()
    {
        Host.SkipUnlessAvailable();
        var s = await Seed();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync("/api/v1/rectifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync($"/api/v1/rectifications/{s.ItemOf["LY"]}/evidence/{s.EvidenceOf["LY"]}")).StatusCode);
    }
}

public sealed class RectificationAccessOnSqlite(SqliteHost host) : RectificationAccessTests<SqliteHost>(host);

public sealed class RectificationAccessOnPostgres(PostgresHost host) : RectificationAccessTests<PostgresHost>(host);
