using Jixiao.Web.Ui;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Ui;

/// <summary>
/// The API page (/api-docs) heads each group with its OpenAPI tag, translated by the English switch: a new group of
/// endpoints without an English name would show Chinese to an English reader.
/// </summary>
public sealed class ApiGroupsInEnglishTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    [Fact]
    public void Every_api_group_the_docs_page_shows_has_an_English_name()
    {
        var tags = Host.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true)
            .Select(d => d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "其他")
            .Distinct()
            .ToList();

        Assert.Contains("表单", tags);
        Assert.DoesNotContain(tags, tag => !UiText.HasEnglish(tag));
    }
}
