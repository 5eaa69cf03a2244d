namespace Jixiao.Data.Forms;

/// <summary>
/// The PostgreSQL advisory lock every writer of the running totals (<see cref="OverviewTotalsSql"/>,
/// <see cref="LibrarySummarySql"/>) takes before its first write and holds to its transaction's end.
/// <para>
/// Why: the totals' rows are shared across forms (a department's and the province's rows; a peer group and its histogram
/// per indicator name for the whole province), and per-row triggers take them in each statement's own order, so two
/// submissions of forms with the same indicators in another order deadlocked (40P01: 84 victims in one busy-week test,
/// some past every retry). With one lock taken first, the writers of the totals queue instead of crossing; they queued on
/// the province's rows already, so little concurrency is lost. A save that moves no total (a re-save: the triggers'
/// WHEN lists) never takes it. <see cref="Postgres.RetryDeadlockVictims"/> stays for what is left, e.g. one statement
/// writing several forms' facts while another of those forms' writers waits for this lock.
/// </para>
/// </summary>
public static class TotalsWriterLock
{
    /// <summary>The lock's key (any bigint no other advisory lock of the app uses).</summary>
    public const string Key = "7241315001";
}
