using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// Raises an item on a form under review. <see cref="TransitionId"/> names the return it comes from (source Return),
/// <see cref="FindingPosition"/> the finding (source Finding, its place in the form's finding list, from 1).
/// </summary>
public sealed record RaiseRectificationRequest(
    [property: Description("表单 ID")] int FormId,
    [property: Description("来源：Return 退回意见、Comment 审核意见、Finding 审核问题")] RectificationSource Source,
    [property: Description("整改要求"), Required, MinLength(1), MaxLength(AppDbContext.RectificationTextLength)] string What,
    [property: Description("整改期限（yyyy-MM-dd）")] DateOnly Deadline,
    [property: Description("退回记录 ID（来源为退回意见时必填）")] int? TransitionId = null,
    [property: Description("审核问题序号（来源为审核问题时必填，从 1 起）")] int? FindingPosition = null) : IRequestContract;

/// <summary>A step's words: the unit's account of what it did (required to submit), a reviewer's reason to send back.</summary>
public sealed record RectificationStepRequest(
    [property: Description("说明"), MaxLength(AppDbContext.RectificationTextLength)] string? Note = null) : IRequestContract;

public sealed record RectificationNoteDto(DateTimeOffset At, string UserName, string? FromStatus, string? ToStatus, string Text)
{
    public static RectificationNoteDto From(RectificationNote n) =>
        new(n.At, n.UserName, n.From is { } f ? RectificationText.StatusName(f) : null, n.To is { } t ? RectificationText.StatusName(t) : null, n.Text);
}

public sealed record EvidenceDto(int Id, string Name, long Size, DateTimeOffset At, string UserName, string Url);

public sealed record RectificationDto(
    int Id, int FormId, string? FormTitle, int OrganisationId, string UnitName, int Year, string Source, string SourceName, int? TransitionId,
    string? FindingCode, string? FindingPlace, string What, DateOnly Deadline, string Status, string StatusName, bool Overdue, int DaysLeft,
    string RaisedByName, DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt, string? ClosedBy, bool Disclosed, int Revision,
    IReadOnlyList<RectificationNoteDto>? Notes = null, IReadOnlyList<EvidenceDto>? Evidence = null)
{
    public static RectificationDto From(RectificationItem r, DateOnly today, bool withDetail = false) => new(
        r.Id, r.FormId, r.FormTitle, r.OrganisationId, r.UnitName, r.Year, r.Source.ToString(), RectificationText.SourceName(r.Source), r.TransitionId,
        r.FindingCode, r.FindingPlace, r.What, r.Deadline, r.Status.ToString(), RectificationText.StatusName(r.Status),
        RectificationText.IsOverdue(r.Status, r.Deadline, today), r.Deadline.DayNumber - today.DayNumber,
        r.RaisedByName, r.RaisedAt, r.ClosedAt, r.ClosedBy, r.Disclosed, r.Revision,
        withDetail ? r.Notes.OrderBy(n => n.Id).Select(RectificationNoteDto.From).ToList() : null,
        withDetail ? r.Evidence.OrderBy(x => x.Id).Select(x => new EvidenceDto(x.Id, x.Name, x.Size, x.At, x.UserName, RectificationText.EvidenceUrl(r.Id, x.Id))).ToList() : null);
}

/// <summary>The item's own words, in one place for the API, the screens and the portal.</summary>
public static class RectificationText
{
    public static string StatusName(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.InProgress => "整改中",
        RectificationStatus.Submitted => "待复核",
        RectificationStatus.Closed => "已整改",
    };

    public static string SourceName(RectificationSource source) => source switch
    {
        RectificationSource.Return => "退回意见",
        RectificationSource.Comment => "审核意见",
        RectificationSource.Finding => "审核问题",
    };

    /// <summary>Past its deadline and not yet with the reviewer: waiting on the reviewer is not the unit's delay.</summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        status is RectificationStatus.Open or RectificationStatus.InProgress && deadline < today;

    public static string EvidenceUrl(int item, int evidence) => $"/api/v1/rectifications/{item}/evidence/{evidence}";

    /// <summary>The kinds evidence may be: documents and scans, never anything a browser would run.</summary>
    public static readonly IReadOnlyList<string> EvidenceKinds = [".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".txt"];

    /// <summary>Whether the bytes are what the name says (a renamed file is refused, so a download is what it claims to be).</summary>
    public static bool BytesMatch(string name, ReadOnlySpan<byte> bytes) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => bytes.StartsWith("%PDF-"u8),
        ".jpg" or ".jpeg" => bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        ".png" => bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        ".docx" or ".xlsx" => bytes.StartsWith("PK\u0003\u0004"u8),
        ".txt" => !bytes.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(bytes),
        _ => false,
    };

    public static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
