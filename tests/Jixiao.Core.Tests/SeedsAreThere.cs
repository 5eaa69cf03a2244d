using Jixiao.Tests;

namespace Jixiao.Core.Tests;

public class SeedsAreThere
{
    [Fact]
    public void The_four_seed_documents_are_found_beside_the_repository()
    {
        foreach (var n in new[] { "000", "001", "002", "003" })
            Assert.True(new FileInfo(RepoPaths.Seed(n)).Length > 1000);
    }
}
