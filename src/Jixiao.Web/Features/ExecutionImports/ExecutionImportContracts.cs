using System.ComponentModel;

namespace Jixiao.Web.Features.ExecutionImports;

// Version 1 of the execution import contract (/api/v1/execution-imports). Amounts are in the form's money unit
// (MoneyUnit), as the form will show them; a change with Locked = true is a difference on an approved or published form,
// recorded as a finding for its reviewer and never written into the form.

[Description("预算执行数据导入（双监控）")]
public sealed record ExecutionImportV1(
    [property: Description("导入编号")] int Id,
    [property: Description("年度")] int Year,
    [property: Description("状态：Previewed 预览 / Applied 已导入")] string State,
    [property: Description("状态名称")] string StateName,
    [property: Description("文件名")] string FileName,
    [property: Description("导出文件的金额单位：yuan 元 / wan-yuan 万元")] string Unit,
    [property: Description("金额单位的依据")] string UnitBasis,
    [property: Description("支付数覆盖到几月（1-N 月）")] int? MonthsCovered,
    [property: Description("预览时间")] DateTimeOffset CreatedAt,
    [property: Description("导入人")] string CreatedBy,
    [property: Description("导入（应用）时间")] DateTimeOffset? AppliedAt,
    [property: Description("应用人")] string? AppliedBy,
    [property: Description("预览内容")] ExecutionPreviewV1 Preview);

[Description("导入预览：每一处改动、已锁定表单的差异、未匹配的项目编码和无法读取的行")]
public sealed record ExecutionPreviewV1(
    [property: Description("读出的项目数")] int ProjectsRead,
    [property: Description("按编码匹配到项目的数目")] int ProjectsMatched,
    [property: Description("将写入表单的改动，以及已锁定表单上只记录不写入的差异")] IReadOnlyList<ExecutionChangeV1> Changes,
    [property: Description("在导入人管辖范围内找不到的项目编码")] IReadOnlyList<ExecutionUnmatchedV1> Unmatched,
    [property: Description("无法读取的行")] IReadOnlyList<ExecutionRowErrorV1> RowErrors,
    [property: Description("其他说明（例如监控表月份超出导出范围）")] IReadOnlyList<ExecutionNoteV1> Notes);

[Description("一处改动：表单、栏目、原值 → 新值")]
public sealed record ExecutionChangeV1(
    [property: Description("表单编号")] int FormId,
    [property: Description("预览时的表单修订号")] int Revision,
    [property: Description("表单类型")] string FormKind,
    [property: Description("表单状态")] string Status,
    [property: Description("单位")] string Unit,
    [property: Description("项目名称")] string? Project,
    [property: Description("项目编码")] string ProjectCode,
    [property: Description("栏目：InitialBudget / Budget / Executed / ForecastExecuted")] string Field,
    [property: Description("栏目名称，如 1-6月执行数")] string Label,
    [property: Description("表单中的原值（空表示未填）")] decimal? Old,
    [property: Description("预算执行系统的值")] decimal New,
    [property: Description("金额单位（表单的单位）")] string MoneyUnit,
    [property: Description("表单已审核或已公开：不覆盖，只记录差异供审核人查看")] bool Locked);

[Description("未匹配的项目编码")]
public sealed record ExecutionUnmatchedV1(
    [property: Description("项目编码")] string Code,
    [property: Description("项目名称（导出表中）")] string? Name,
    [property: Description("所在行")] IReadOnlyList<int> Rows);

[Description("无法读取的行")]
public sealed record ExecutionRowErrorV1([property: Description("行号")] int Row, [property: Description("原因")] string Message);

[Description("说明")]
public sealed record ExecutionNoteV1([property: Description("表单编号")] int? FormId, [property: Description("说明")] string Message);

[Description("导入结果")]
public sealed record ExecutionApplyResultV1(
    [property: Description("导入")] ExecutionImportV1 Import,
    [property: Description("已写入的表单数")] int FormsFilled,
    [property: Description("已锁定、只记录差异的表单数")] int LockedForms);
