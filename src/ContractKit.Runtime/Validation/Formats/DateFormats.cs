using System;

namespace ContractKit.Runtime.Validation.Formats;

/// <summary>RFC 3339 date, time, date-time, and ISO 8601 duration; parsed by hand so valid values allocate nothing.</summary>
internal static class DateFormats
{
    public static bool IsDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' ||
            !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    public static bool IsTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9 || s[2] != ':' || s[5] != ':' ||
            !Digits(s[..2], out var hour) || !Digits(s.Slice(3, 2), out var minute) || !Digits(s.Slice(6, 2), out var second))
        {
            return false;
        }

        var i = 8;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        var offset = 0;
        if (s[i] is 'Z' or 'z')
        {
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            var sign = s[i] == '+' ? 1 : -1;
            var o = s[(i + 1)..];
            if (o.Length != 5 || o[2] != ':' || !Digits(o[..2], out var oh) || !Digits(o.Slice(3, 2), out var om) || oh > 23 || om > 59)
            {
                return false;
            }

            offset = sign * ((oh * 60) + om);
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            var utc = ((((hour * 60) + minute - offset) % 1440) + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        return true;
    }

    public static bool IsDateTime(ReadOnlySpan<char> s) =>
        s.Length > 11 && s[10] is 'T' or 't' && IsDate(s[..10]) && IsTime(s[11..]);

    public static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || s[0] != 'P')
        {
            return false;
        }

        const string dateUnits = "YMD";
        const string timeUnits = "HMS";
        var i = 1;
        var inTime = false;
        var last = -1;
        var any = false;
        var weeks = false;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime || i == s.Length - 1)
                {
                    return false;
                }

                inTime = true;
                last = -1;
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }

            var unit = s[i++];
            if (!inTime && unit == 'W')
            {
                if (any || i != s.Length)
                {
                    return false;
                }

                weeks = true;
                continue;
            }

            var index = (inTime ? timeUnits : dateUnits).IndexOf(unit);
            if (index < 0 || (last >= 0 ? index != last + 1 : false) || weeks)
            {
                return false;
            }

            last = index;
            any = true;
        }

        return any || weeks;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
