using Jixiao.Data;
using Jixiao.Data.Model;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jixiao.Web.Features.Rounds;

/// <summary>The "Jixiao:Reminders" section: how reminders are worked.</summary>
public sealed class ReminderOptions
{
    /// <summary>0 for an instance that leaves reminders to the others.</summary>
    public int Workers { get; set; } = 1;

    public double PollSeconds { get; set; } = 60;

    /// <summary>How long a claim holds; a worker that died mid-send leaves the reminder to be claimed again after it.</summary>
    public int LeaseSeconds { get; set; } = 120;
}

/// <summary>The "Jixiao:Smtp" section. Without <see cref="Host"/> reminders are shown in the app only.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "jixiao@localhost";
    public string FromName { get; set; } = "预算绩效管理系统";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>MailKit's SecureSocketOptions by name: Auto (STARTTLS when offered), None, StartTls, SslOnConnect.</summary>
    public string Security { get; set; } = nameof(SecureSocketOptions.Auto);
}

/// <summary>
/// Sends the reminders that fell due. Each is claimed with one conditional UPDATE (pending, due, lease free or run out
/// → this worker's lease), so with several instances on one database a reminder is shown and e-mailed once. A reminder
/// about a deadline is skipped when the unit has nothing left to submit or the round is closed. When sending fails the
/// claim is left to run out and the reminder is tried again; so a worker dying between sending and recording can at
/// worst send it twice, never lose it.
/// </summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, IOptions<SmtpOptions> smtp,
    ILogger<ReminderWorker> log) : BackgroundService
{
    private readonly string owner = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, options.Value.Workers)).Select(_ => Loop(stoppingToken)));

    private async Task Loop(CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RunDue(ct);
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, ct);
            }
            // Stopping: a query cut off by the stop surfaces as the driver's own exception (a broken read, a disposed
            // provider), not only as a cancellation; it is the stop, not a failure to log.
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The reminder worker failed; it tries again shortly");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, ct);
            }
        }
    }

    /// <summary>Works every reminder due now that nobody else holds; returns how many this worker sent or skipped.</summary>
    public async Task<int> RunDue(CancellationToken ct)
    {
        var done = 0;
        while (await Claim(ct) is { } id)
            if (await Work(id, ct)) done++;
        return done;
    }

    private async Task<int?> Claim(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await Claimable(db, now).OrderBy(r => r.DueAt).Select(r => r.Id).Take(10).ToListAsync(ct);
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        foreach (var id in candidates)
            if (await Claimable(db, now).Where(r => r.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, until), ct) == 1)
                return id;
        return null;
    }

    private static IQueryable<RoundReminder> Claimable(AppDbContext db, DateTimeOffset now) =>
        db.RoundReminders.IgnoreQueryFilters()
            .Where(r => r.State == ReminderState.Pending && r.DueAt <= now && (r.LeaseUntil == null || r.LeaseUntil < now));

    private async Task<bool> Work(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reminder = await db.RoundReminders.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id, ct);
        var round = await db.Rounds.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reminder.RoundId, ct);
        var mine = db.RoundReminders.IgnoreQueryFilters().Where(r => r.Id == id && r.LeaseOwner == owner && r.State == ReminderState.Pending);
        if (round.ClosedAt is not null || (reminder.Kind != ReminderKind.Opened && !await Outstanding(db, reminder, ct)))
            return await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Skipped)
                .SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), ct) == 1;

        var addresses = await db.Users.Where(u => u.OrganisationId == reminder.OrganisationId && u.Email != null && u.Email != "")
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        var emailed = 0;
        if (!string.IsNullOrWhiteSpace(smtp.Value.Host) && addresses.Count > 0)
        {
            try
            {
                emailed = await Send(round, reminder, addresses.Select(a => (a.Email!, a.DisplayName)).ToList(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim runs out and the reminder is tried again; the mail server may be back by then.
                log.LogWarning(e, "Reminder {Reminder}: the e-mail could not be sent; it is tried again after the lease", id);
                return false;
            }
        }
        var now = clock.GetUtcNow();
        return await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Sent).SetProperty(r => r.SentAt, now)
            .SetProperty(r => r.Emailed, emailed).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), ct) == 1;
    }

    /// <summary>Whether the unit still owes the round a form: a task whose key no submitted form holds.</summary>
    private static Task<bool> Outstanding(AppDbContext db, RoundReminder reminder, CancellationToken ct) =>
        (from t in db.RoundTasks.IgnoreQueryFilters().Where(t => t.RoundId == reminder.RoundId && t.OrganisationId == reminder.OrganisationId)
         join f in db.Forms.IgnoreQueryFilters() on t.FormKey equals f.UniqueKey into found
         from f in found.DefaultIfEmpty()
         where f == null || f.Status == FormStatus.Draft || f.Status == FormStatus.Returned
         select t.Id).AnyAsync(ct);

    private async Task<int> Send(Round round, RoundReminder reminder, IReadOnlyList<(string Address, string Name)> to, CancellationToken ct)
    {
        var settings = smtp.Value;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        // One message per person: units' addresses are not shown to each other.
        foreach (var (address, name) in to)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(settings.FromName, settings.From));
            message.To.Add(new MailboxAddress(name, address));
            message.Subject = $"【预算绩效】{round.Title}";
            message.Body = new TextPart("plain") { Text = $"{reminder.Message}\n\n请登录预算绩效管理系统，在首页“我的任务”中查看和填写。\n（本邮件由系统自动发送，请勿回复。）" };
            await client.SendAsync(message, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
        return to.Count;
    }
}
