namespace Jixiao.Data.Model;

public enum ImportJobState
{
    /// <summary>排队中: stored, waiting for a worker.</summary>
    Queued,
    /// <summary>识别中: a worker holds the lease (<see cref="ImportJob.LeaseOwner"/> until <see cref="ImportJob.LeaseUntil"/>).</summary>
    Running,
    /// <summary>已识别: the preview is ready; nothing is saved until the person confirms.</summary>
    Done,
    /// <summary>失败: <see cref="ImportJob.Error"/> says why, in Chinese.</summary>
    Failed,
    /// <summary>已导入: the chosen forms were saved as drafts (<see cref="ImportJob.SavedFormIds"/>).</summary>
    Confirmed,
}

/// <summary>
/// One upload of untrusted files, read outside the request that brought them. The files are stored with the job, so a
/// restarted or killed server finds the work again: a worker claims a job by moving it to Running with its own lease in
/// one conditional UPDATE, and a job whose lease ran out (its worker died) is claimed again or failed with a reason.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public ImportJobState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The uploader's organisation path, copied at upload time so access scoping needs no join.</summary>
    public required string OrganisationPath { get; set; }
    /// <summary>The unit the person chose for the forms of this upload, if any (compared with the unit each form names).</summary>
    public int? OrganisationId { get; set; }
    /// <summary>The year the person chose, if any: used for forms that state none, compared with those that do.</summary>
    public int? FiscalYear { get; set; }
    public int FilesTotal { get; set; }
    public int FilesDone { get; set; }
    /// <summary>Claims so far; a job whose worker died this many times is failed instead of claimed again.</summary>
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The preview (forms read, their findings), as JSON; set when the job is Done.</summary>
    public string? ResultJson { get; set; }
    public string? Error { get; set; }
    /// <summary>Comma-separated ids of the drafts saved at confirmation.</summary>
    public string? SavedFormIds { get; set; }
    public List<ImportJobFile> Files { get; set; } = [];
}

/// <summary>One uploaded file of a job. <see cref="Content"/> is dropped once the job is read (the preview keeps what counts).</summary>
public sealed class ImportJobFile
{
    public int Id { get; set; }
    public int JobId { get; set; }
    public ImportJob? Job { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>Counted against the uploader's daily quota, also after <see cref="Content"/> is dropped.</summary>
    public long Size { get; set; }
    public byte[]? Content { get; set; }
}
