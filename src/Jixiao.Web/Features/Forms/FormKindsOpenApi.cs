using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The form kinds in the OpenAPI document. Lists and summaries carry a kind as its code (<see cref="FormKinds.Code"/>:
/// ex-ante, evaluation-rubric …), which the generator can only call a string; here the document names every code, so a
/// client sees that ex-ante assessments and evaluation rubrics are forms it may list, filter and read.
/// </summary>
public static class FormKindsOpenApi
{
    private static readonly Type[] KindCodeOwners = [typeof(FormSummaryDto), typeof(FormDto), typeof(ComparedFormDto)];

    private static string Description =>
        "表单类型：" + string.Join("；", Enum.GetValues<FormKind>().Select(k => $"{k.Code()}（{k.ChineseName()}）"));

    private static List<JsonNode> Codes() => [.. Enum.GetValues<FormKind>().Select(k => (JsonNode)JsonValue.Create(k.Code()))];

    public static OpenApiOptions AddFormKinds(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/v1/forms", StringComparison.Ordinal) != true) return Task.CompletedTask;
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is not OpenApiParameter { Name: "kind", In: ParameterLocation.Query } p) continue;
                p.Description = Description;
                if (p.Schema is OpenApiSchema schema) schema.Enum = Codes();
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is { Name: "kind" } property && property.PropertyType == typeof(string)
                && KindCodeOwners.Contains(property.DeclaringType))
            {
                schema.Enum = Codes();
                schema.Description = Description;
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
