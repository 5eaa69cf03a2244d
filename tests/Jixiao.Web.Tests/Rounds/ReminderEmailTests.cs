using System.Net;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Rounds;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>A host whose reminders go by e-mail to a local SMTP receiver started with it; no worker runs by itself.</summary>
public sealed class SmtpHost : SqliteHost
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jixiao:Reminders:Workers"] = "0",
        ["Jixiao:Smtp:Host"] = "127.0.0.1",
        ["Jixiao:Smtp:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jixiao:Smtp:Security"] = "None",
    };

    public override async ValueTask DisposeAsync()
    {
        try { await base.DisposeAsync(); }
        finally { Smtp.Dispose(); }
    }
}

/// <summary>
/// A unit's reminders reach its people by e-mail when SMTP is configured, once, even with two workers (two app
/// instances) on the same database; a reminder about a deadline the unit has met is not sent.
/// </summary>
public sealed class ReminderEmailTests(SmtpHost host) : RoundTestBase<SmtpHost>(host)
{
    private const string Address = "liuyang@example.org";

    private ReminderWorker Worker() => ActivatorUtilities.CreateInstance<ReminderWorker>(Host.Factory.Services);

    private async Task RunTwoWorkers()
    {
        var (first, second) = (Worker(), Worker());
        await Task.WhenAll(first.RunDue(CancellationToken.None), second.RunDue(CancellationToken.None));
    }

    /// <summary>The texts of the mails to <paramref name="address"/> about rounds of <paramref name="year"/> (the class's tests share one receiver).</summary>
    private List<string> MailTo(string address, int year) =>
        Host.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .Select(Text).Where(t => t.Contains($"{year} 年度", StringComparison.Ordinal)).ToList();

    private static string Text(netDumbster.smtp.SmtpMessage message)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data));
        var mime = MimeKit.MimeMessage.Load(stream);
        return mime.Subject + "\n" + mime.TextBody;
    }

    [Fact]
    public async Task The_reminder_reaches_the_units_mailbox_once_even_with_two_workers()
    {
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var filler = (await users.FindByNameAsync("unit"))!;
            await users.SetEmailAsync(filler, Address);
        }
        await Project("LY", 2021, "政务云平台运维服务");
        await Project("YZ", 2021, "智慧校园建设");
        var deadline = Today.AddDays(10);
        await Opened("finance", new { kind = "Targets", year = 2021, deadline = Date(deadline) });

        await RunTwoWorkers();
        await RunTwoWorkers();

        var text = Assert.Single(MailTo(Address, 2021));
        Assert.Contains("2021 年度绩效目标申报", text);
        Assert.Contains("新任务", text);
        Assert.Contains(Date(deadline), text);
        var shown = Assert.Single(await Items("unit", "/api/v1/notifications"));
        Assert.True((bool)shown!["emailed"]!);

        // Three days before the deadline, with the form not yet submitted: one "due soon" mail, again only once.
        Host.Clock.Advance(TimeSpan.FromDays(7));
        await RunTwoWorkers();
        Assert.Equal(2, MailTo(Address, 2021).Count);
        Assert.Single(MailTo(Address, 2021), t => t.Contains("即将截止", StringComparison.Ordinal));
        Assert.Equal(2, (await Items("unit", "/api/v1/notifications")).Count);
    }

    [Fact]
    public async Task A_deadline_reminder_is_not_sent_once_the_unit_has_submitted()
    {
        const string address = "school@example.org";
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetEmailAsync((await users.FindByNameAsync("school"))!, address);
        }
        var project = await Project("YZ", 2030, "校舍维修");
        var deadline = Today.AddDays(10);
        await Opened("finance", new { kind = "Targets", year = 2030, deadline = Date(deadline), organisationId = Host.World.Id("JY") });
        await RunTwoWorkers();
        Assert.Single(MailTo(address, 2030));
        var task = (await Items("school", "/api/v1/tasks")).Single(t => (int)t!["projectId"]! == project)!;
        var form = await StartForm("school", (int)task["id"]!);
        await Expect(HttpStatusCode.OK, await Submit("school", form));

        Host.Clock.Advance(TimeSpan.FromDays(12));
        await RunTwoWorkers();

        Assert.Single(MailTo(address, 2030));
    }
}
