using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Jixiao.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Ui;

/// <summary>One form found in an uploaded file, with its findings, before anything is saved.</summary>
public sealed record FoundForm(string File, int Index, PerformanceForm Form, IReadOnlyList<Finding> Findings);

/// <summary>What reading one file gave: its forms, or why it could not be read (in Chinese).</summary>
public sealed record ReadFile(string File, IReadOnlyList<FoundForm> Forms, string? Error);

/// <summary>Where the person chose to attach a found form.</summary>
public sealed record ImportChoice(FoundForm Found, int OrganisationId, int? ProjectId);

/// <summary>
/// The import page's two steps: read files into previewed forms (nothing saved), then save the chosen ones as drafts
/// in one transaction, so a failure half-way leaves nothing behind.
/// </summary>
public static class FormImport
{
    public static ReadFile Read(Stream content, string fileName, FormCheck check)
    {
        try
        {
            if (!DocumentReader.Accepts(fileName))
                return new ReadFile(fileName, [], $"不支持的文件类型“{Path.GetExtension(fileName).ToLowerInvariant()}”。请上传 xlsx、docx、pdf、txt 或 html 文件（旧版 .doc/.xls 请先另存为新格式）。");
            var document = DocumentReader.Read(content, fileName);
            var forms = FormRecognizer.Recognize(document);
            if (forms.Count == 0) return new ReadFile(fileName, [], "文件中没有识别出绩效表或自评报告。");
            return new ReadFile(fileName, forms.Select((f, i) => new FoundForm(fileName, i, f, check(f))).ToList(), null);
        }
        catch (DocumentReadException e)
        {
            return new ReadFile(fileName, [], e.Message);
        }
    }

    /// <summary>
    /// Checks the forms of all files together, as the checker's set rules need: the same form uploaded twice, a report
    /// whose figures contradict its own tables. Each form's own findings are kept.
    /// </summary>
    public static IReadOnlyList<ReadFile> CheckTogether(IReadOnlyList<ReadFile> files)
    {
        var all = files.SelectMany(f => f.Forms).ToList();
        if (all.Count < 2) return files;
        var results = Checker.Check(all.Select(f => new DocumentForm(f.File, f.Form)).ToList(), Core.Rulebooks.Rulebooks.Default);
        var byForm = all.Select((f, i) => (f, results[i].Findings)).ToDictionary(x => x.f, x => x.Findings);
        return files.Select(file => file with { Forms = file.Forms.Select(f => f with { Findings = byForm[f] }).ToList() }).ToList();
    }


    /// <summary>Saves the chosen forms as drafts of their units, all or nothing; returns the new form ids in order.</summary>
    public static async Task<IReadOnlyList<int>> Save(UiScope scope, IReadOnlyList<ImportChoice> choices, TimeProvider clock, CancellationToken ct)
    {
        var (db, forms, user) = (scope.Db, scope.Forms, scope.User!);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var records = new List<(FormRecord Record, Organisation Organisation, string File)>();
        foreach (var choice in choices)
        {
            // The scoped context only finds organisations and projects inside the user's subtree.
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == choice.OrganisationId, ct)
                ?? throw new ImportRefusedException($"{choice.Found.File}：所选单位不存在或不在您的管辖范围内。");
            if (organisation.Kind != OrganisationKind.Unit)
                throw new ImportRefusedException($"{choice.Found.File}：表单只能归属到预算单位，“{organisation.Name}”不是预算单位。");
            var year = choice.Found.Form.Year ?? throw new ImportRefusedException($"{choice.Found.File}：表中没有年度，无法归档。");
            var fiscalYear = await forms.Year(year, ct);
            if (fiscalYear.Closed) throw new ImportRefusedException($"{choice.Found.File}：{year} 年度已关闭，不能导入。");
            BudgetProject? project = null;
            if (choice.ProjectId is { } projectId)
                project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.OrganisationId == organisation.Id, ct)
                          ?? throw new ImportRefusedException($"{choice.Found.File}：所选项目不属于“{organisation.Name}”。");
            var added = await forms.AddDraft(choice.Found.Form, organisation, fiscalYear, project, now, ct);
            if (added.Refusal is { } duplicate) throw new ImportRefusedException($"{choice.Found.File}：{duplicate.Detail}");
            records.Add((added.Value!, organisation, choice.Found.File));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (record, organisation, file) in records)
            db.Audit(user.Actor, now, "import", "form", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), organisation.Path, "导入", null,
                $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName ?? organisation.Name}（{file}）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return records.Select(r => r.Record.Id).ToList();
    }
}

/// <summary>An import the person must correct (a wrong unit, a closed year); nothing was saved.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
