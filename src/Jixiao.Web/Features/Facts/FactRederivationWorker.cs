using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Web.Features.Forms;

namespace Jixiao.Web.Features.Facts;

/// <summary>
/// Keeps facts current after an upgrade: when <see cref="FormStore.FactsVersion"/> or <see cref="FormStore.CheckerVersion"/>
/// is raised (a new checker or rulebook), or forms from before facts exist, it re-derives them a batch at a time with
/// the app's own checker and rulebook (<see cref="FactRederivation"/>; each form is leased, so several instances share
/// the work instead of repeating it), then checks again every few minutes.
/// </summary>
public sealed class FactRederivationWorker(IServiceScopeFactory scopes, FormCheck check, TimeProvider clock, ILogger<FactRederivationWorker> log) : BackgroundService
{
    public const int BatchSize = 100;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly string owner = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var total = 0;
                int done;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    done = await FactRederivation.RunBatchAsync(db, (f, rulebook) => check(f, rulebook), FormService.RulebookFor, owner, clock, BatchSize, stoppingToken,
                        (record, form, ct) => ExecutionImports.ExecutionFigureChecks.For(db, record, form, ct));
                    total += done;
                } while (done > 0 && !stoppingToken.IsCancellationRequested);
                if (total > 0) log.LogInformation("Re-derived the facts of {Count} forms", total);
                await Task.Delay(Idle, clock, stoppingToken);
            }
            // Stopping: a query cut off by the stop surfaces as the driver's own exception (a broken read, a disposed
            // provider), not only as a cancellation; it is the stop, not a failure to log.
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly away must not end the worker; the next round tries again.
                log.LogError(e, "Re-deriving facts failed; trying again later");
                await Task.Delay(Idle, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
