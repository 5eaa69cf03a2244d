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
    public const int ProjectName = 300;
    public const int FormTitle = 300;
    public const int DepartmentName = 200;
    public const int UnitName = 200;
    public const int StatedGrade = 20;
    public const int PersonName = 100;
    public const int SheetName = 200;
}
