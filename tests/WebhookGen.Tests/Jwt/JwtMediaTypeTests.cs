using Shouldly;
using WebhookGen.Hosting;
using Xunit;

namespace WebhookGen.Tests.Jwt;

public sealed class JwtMediaTypeTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("application/jwt", true)]
    [InlineData("APPLICATION/JWT", true)]
    [InlineData("application/jose", true)]
    [InlineData("application/jws", true)]
    [InlineData("application/secevent+jwt", true)]
    [InlineData("application/jwt; charset=us-ascii", true)]
    [InlineData("application/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/*", false)]
    [InlineData("application/jose+json", false)]
    public void A_jwt_body_is_sent_as_a_jwt_media_type(string? contentType, bool accepted)
    {
        JwtMediaType.IsAcceptable(contentType).ShouldBe(accepted);
    }
}
