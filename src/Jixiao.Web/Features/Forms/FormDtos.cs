using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.Forms;

public sealed record FindingDto(
    string Key, string Code, Severity Severity, string Message, string MessageEn, string Location,
    string Block, int? Row, string? Field, string? RowLabel, string? Stated, string? Expected, string? Explanation,
    ComparedFormDto? Compared = null)
{
    /// <summary>Identifies a finding across saves (code and place), so a justification can name it.</summary>
    public static string KeyOf(Finding f) => $"{f.Code}@{f.Location.Block}:{f.Location.Row}:{f.Location.Field}";

    public static FindingDto From(Finding f) =>
        new(KeyOf(f), f.Code, f.Severity, f.Message, f.MessageEn, f.Location.ToString(), f.Location.Block, f.Location.Row,
            f.Location.Field, f.Location.RowLabel, f.Stated, f.Expected, f.Explanation, ComparedFormDto.From(f.Compared));
}

/// <summary>
/// The other form a cross-form or cross-year finding compares with: the stored form's id (null when the finding compares
/// with a set of forms, which kind and year then name), its kind, year and project.
/// </summary>
public sealed record ComparedFormDto(int? FormId, string Kind, string KindName, int? Year, string? Project)
{
    public static ComparedFormDto? From(FormReference? r) =>
        r is null ? null : new(r.Id, r.Kind.Code(), r.Kind.ChineseName(), r.Year, r.Project);
}

public sealed record FormSummaryDto(
    int Id, string Kind, string KindName, FormStatus Status, string StatusName, bool Locked,
    int OrganisationId, string OrganisationName, int FiscalYear, int? ProjectId, string? Title, string? ProjectName,
    int Revision, int LatestVersion, DateTimeOffset UpdatedAt, int? SupersededById)
{
    public static FormSummaryDto From(FormRecord f) =>
        new(f.Id, f.Kind.Code(), f.Kind.ChineseName(), f.Status, f.Status.ChineseName(), f.IsLocked,
            f.OrganisationId, f.Organisation?.Name ?? "", f.FiscalYear?.Year ?? 0, f.ProjectId, f.Title, f.ProjectName,
            f.Revision, f.LatestVersion, f.UpdatedAt, f.SupersededById);
}

/// <summary>A form with its current findings; send <see cref="Revision"/> back when saving.</summary>
public sealed record FormDto(
    int Id, string Kind, string KindName, FormStatus Status, string StatusName, bool Locked,
    int OrganisationId, string OrganisationName, int FiscalYear, int? ProjectId,
    int Revision, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    FormV1 Form, IReadOnlyList<FindingDto> Findings, int? SupersededById)
{
    public static FormDto From(FormRecord f) =>
        new(f.Id, f.Kind.Code(), f.Kind.ChineseName(), f.Status, f.Status.ChineseName(), f.IsLocked,
            f.OrganisationId, f.Organisation?.Name ?? "", f.FiscalYear?.Year ?? 0, f.ProjectId,
            f.Revision, f.LatestVersion, f.CreatedAt, f.UpdatedAt,
            FormV1.From(FormRows.ToSharedForm(f)), f.CurrentFindings.Select(x => FindingDto.From(x.ToFinding())).ToList(), f.SupersededById);
}

public sealed record TransitionDto(
    int Id, WorkflowAction Action, string ActionName, FormStatus From, string FromName, FormStatus To, string ToName,
    DateTimeOffset At, string UserId, string UserName, string? Reason, int? VersionNumber)
{
    public static TransitionDto Of(WorkflowTransition t) =>
        new(t.Id, t.Action, t.Action.ChineseName(), t.From, t.From.ChineseName(), t.To, t.To.ChineseName(),
            t.At, t.UserId, t.UserName, t.Reason, t.VersionNumber);
}

public sealed record JustificationDto(string FindingCode, string FindingLocation, string FindingMessage, string Text);

public sealed record VersionSummaryDto(int Number, DateTimeOffset CreatedAt, string CreatedByName, int JustificationCount)
{
    public static VersionSummaryDto From(FormVersion v) => new(v.Number, v.CreatedAt, v.CreatedByName, v.Justifications.Count);
}

/// <summary>An immutable submitted version: the form and findings as submitted, and the unit's justifications.</summary>
public sealed record VersionDto(
    int Number, DateTimeOffset CreatedAt, string CreatedById, string CreatedByName, FormV1 Form,
    IReadOnlyList<FindingDto> Findings, IReadOnlyList<JustificationDto> Justifications, string? RulebookId)
{
    public static VersionDto From(FormVersion v) =>
        new(v.Number, v.CreatedAt, v.CreatedById, v.CreatedByName, FormV1.From(FormBody.Read(v)),
            FormJson.DeserializeFindings(v.FindingsJson).Select(FindingDto.From).ToList(),
            v.Justifications.Select(j => new JustificationDto(j.FindingCode, j.FindingLocation, j.FindingMessage, j.Text)).ToList(), v.RulebookId);
}

public sealed record DiffDto(int From, int? To, IReadOnlyList<FieldChange> Changes);
