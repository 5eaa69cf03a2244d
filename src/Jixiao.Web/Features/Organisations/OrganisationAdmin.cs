using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Organisations;

/// <summary>The organisation tree's rules, shared by the endpoints and the 组织机构 screen.</summary>
public sealed class OrganisationAdmin(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every organisation the caller sees (their subtree), in path order, so a parent always precedes its children.</summary>
    public async Task<IReadOnlyList<OrganisationDto>> Tree(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct)).Select(OrganisationDto.From).ToList();

    /// <summary>
    /// A child under <see cref="CreateOrganisationRequest.ParentId"/>: a 财政部门 holds 主管部门 and 预算单位, a 主管部门 holds
    /// 预算单位, a 预算单位 holds nothing; codes are unique across the whole tree, since paths are built from them.
    /// </summary>
    public async Task<Outcome<OrganisationDto>> Create(CurrentUser user, CreateOrganisationRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var parent = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.ParentId, ct);
        if (parent is null) return Refusal.NotFound("上级组织");
        if (!user.Is(Roles.Administrator)) return Refusal.Forbidden("只有“系统管理”角色可以新建组织。");
        var code = request.Code?.Trim() ?? "";
        if (code.Length is 0 or > 64 || code.Contains('/', StringComparison.Ordinal))
            return ContractValidation.FieldRefusal("$.code", "组织代码必须是 1–64 个字符，且不能包含“/”。");
        if (string.IsNullOrWhiteSpace(request.Name)) return ContractValidation.FieldRefusal("$.name", "组织名称不能为空。");
        if (request.Kind <= parent.Kind)
            return ContractValidation.FieldRefusal("$.kind", $"“{Organisation.KindName(parent.Kind)}”下不能建立“{Organisation.KindName(request.Kind)}”。");
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
            return new Refusal(RefusalKind.Conflict, "代码已存在", $"组织代码“{code}”已被使用。",
                new Dictionary<string, object?> { ["errors"] = new[] { new ContractError("$.code", $"组织代码“{code}”已被使用。") } });

        var organisation = new Organisation { Code = code, Name = request.Name.Trim(), Kind = request.Kind, Parent = parent, Path = Organisation.ChildPath(parent.Path, code) };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, clock.GetUtcNow(), "create", "organisation", organisation.Id.ToString(CultureInfo.InvariantCulture), organisation.Path, "组织", null, organisation.Name);
        await db.SaveChangesAsync(ct);
        return OrganisationDto.From(organisation);
    }

    /// <summary>
    /// A new name; the code (and so the path every scope is built on) never changes. Forms keep the name they were filed
    /// under; a 主管部门's facts take the new name with the rename (a save reads its department from its fact,
    /// <see cref="Jixiao.Data.Forms.FormStore.PlaceAsync"/>), a unit's with its forms' next save.
    /// </summary>
    public async Task<Outcome<OrganisationDto>> Rename(CurrentUser user, int id, RenameOrganisationRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return Refusal.NotFound("组织");
        if (!user.Is(Roles.Administrator)) return Refusal.Forbidden("只有“系统管理”角色可以修改组织。");
        var name = request.Name.Trim();
        if (name != organisation.Name)
        {
            db.Audit(user.Actor, clock.GetUtcNow(), "update", "organisation", organisation.Id.ToString(CultureInfo.InvariantCulture), organisation.Path, "名称", organisation.Name, name);
            organisation.Name = name;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (organisation.Kind == OrganisationKind.Department)
                await db.FormFacts.Where(f => f.DepartmentId == organisation.Id).ExecuteUpdateAsync(x => x.SetProperty(f => f.DepartmentName, name), ct);
            await transaction.CommitAsync(ct);
        }
        return OrganisationDto.From(organisation);
    }
}
