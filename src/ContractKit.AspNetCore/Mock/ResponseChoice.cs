using System;
using System.Globalization;
using System.Linq;
using ContractKit.AspNetCore.Checking;
using ContractKit.Model;

namespace ContractKit.AspNetCore.Mock;

/// <summary>Which declared response, status and media type the mock answers with.</summary>
internal static class ResponseChoice
{
    /// <summary>The response for <c>Prefer: code=</c> (exact, then its <c>nXX</c> range, then <c>default</c>), else the first success.</summary>
    public static (Response Response, int Status)? Pick(Operation operation, string? code)
    {
        if (code is not null)
        {
            if (code.Length != 3 || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted))
            {
                return null;
            }

            var match = operation.Responses.FirstOrDefault(r => r.StatusCode == code)
                ?? operation.Responses.FirstOrDefault(r => string.Equals(r.StatusCode, code[0] + "XX", StringComparison.OrdinalIgnoreCase))
                ?? operation.Responses.FirstOrDefault(r => r.StatusCode == "default");
            return match is null ? null : (match, wanted);
        }

        var first = operation.Responses.FirstOrDefault(r => r.IsSuccess)
            ?? operation.Responses.FirstOrDefault(r => r.StatusCode != "default")
            ?? operation.Responses.FirstOrDefault();
        return first is null ? null : (first, StatusOf(first.StatusCode));
    }

    private static int StatusOf(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status
        : code.Length == 3 && char.IsDigit(code[0]) ? (code[0] - '0') * 100
        : 200;

    /// <summary>The first media type the <c>Accept</c> header takes (in the header's order), else the first JSON one, else the first.</summary>
    public static MediaContent Negotiate(Response response, string accept)
    {
        foreach (var range in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(r => MediaRange.Bare(r) != "*/*"))
        {
            if (response.Content.FirstOrDefault(c => MediaRange.Matches(range, c.MediaType) || MediaRange.Matches(c.MediaType, MediaRange.Bare(range))) is { } match)
            {
                return match;
            }
        }

        return response.Content.FirstOrDefault(c => MediaTypes.IsJson(c.MediaType)) ?? response.Content[0];
    }
}
