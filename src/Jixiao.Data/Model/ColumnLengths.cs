namespace Jixiao.Data.Model;

/// <summary>
/// The lengths of the bounded text columns. PostgreSQL enforces them through its column types, SQLite does not, so the
/// API's contracts refuse longer text with the same numbers before anything reaches either database.
/// </summary>
public static class ColumnLengths
{
    public const int OrganisationCode = 64;
    public const int OrganisationName = 200;
    public const int ProjectCode = 64;
    // A form's own text columns take the lengths the editor states (Core.Forms.TextLimits): one number for each.
    public const int ProjectName = Core.Forms.TextLimits.Project;
    public const int FormTitle = Core.Forms.TextLimits.Title;
    public const int DepartmentName = Core.Forms.TextLimits.Organisation;
    public const int UnitName = Core.Forms.TextLimits.Organisation;
    public const int StatedGrade = Core.Forms.TextLimits.Grade;
    public const int PersonName = Core.Forms.TextLimits.Person;
    /// <summary>A multi-year project's 项目期目标 (BudgetProject.PeriodGoal).</summary>
    public const int PeriodGoal = 4000;
    public const int SheetName = 200;
    public const int TemplateId = 100;
    /// <summary>An indexed, normalised indicator name (IndicatorFact.NormalisedName); longer names are cut for grouping.</summary>
    public const int IndicatorName = 200;
    /// <summary>Title, unit, department and project of a form joined (FormFact.SearchText).</summary>
    public const int SearchText = FormTitle + ProjectName + 2 * UnitName + 3;
}
