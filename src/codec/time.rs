//! Times in exported documents: ISO 8601 in UTC with milliseconds
//! (`2026-11-28T06:00:00.000Z`), readable by people and by every JSON tool.
//! The calendar arithmetic is Howard Hinnant's `days_from_civil` and its
//! inverse: exact for the proleptic Gregorian calendar, no tables, no floats.

use super::store::MAX_TIME_MS;

const MS_PER_DAY: u64 = 86_400_000;

/// Days since 1970-01-01 → (year, month 1–12, day 1–31).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// (year ≥ 1970, month, day) → days since 1970-01-01.
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year / 400;
    let year_of_era = year % 400;
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `ms` since 1970 as `YYYY-MM-DDTHH:MM:SS.sssZ`.
pub fn iso_from_ms(ms: u64) -> String {
    let (year, month, day) = civil_from_days(ms / MS_PER_DAY);
    let in_day = ms % MS_PER_DAY;
    let (hours, minutes, seconds, millis) =
        (in_day / 3_600_000, in_day / 60_000 % 60, in_day / 1000 % 60, in_day % 1000);
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (UTC only, 1970 to 9999). Anything
/// else is `None`.
pub fn ms_from_iso(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u64> {
        let digits = bytes.get(range)?;
        digits.iter().try_fold(0u64, |n, &d| d.is_ascii_digit().then(|| n * 10 + u64::from(d - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, c)| bytes.get(at) != Some(&c)) || bytes.last() != Some(&b'Z') {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hours, minutes, seconds) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let millis = match bytes.get(19) {
        Some(b'Z') if bytes.len() == 20 => 0,
        // Any number of fraction digits; milliseconds are kept.
        Some(b'.') if bytes.len() > 21 => {
            let fraction = bytes.get(20..bytes.len() - 1)?;
            if !fraction.iter().all(u8::is_ascii_digit) {
                return None;
            }
            fraction.iter().chain(std::iter::repeat(&b'0')).take(3).fold(0, |n, &d| n * 10 + u64::from(d - b'0'))
        }
        _ => return None,
    };
    let valid = year >= 1970
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hours < 24
        && minutes < 60
        && seconds < 60;
    if !valid {
        return None;
    }
    let ms = days_from_civil(year, month, day) * MS_PER_DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    (ms <= MAX_TIME_MS).then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        for (ms, iso) in [
            (0, "1970-01-01T00:00:00.000Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (1_764_309_600_123, "2025-11-28T06:00:00.123Z"),
            (4_107_542_399_999, "2100-02-28T23:59:59.999Z"),
            (MAX_TIME_MS, "9999-12-31T23:59:59.999Z"),
        ] {
            assert_eq!(iso_from_ms(ms), iso);
            assert_eq!(ms_from_iso(iso), Some(ms), "{iso}");
        }
    }

    #[test]
    fn round_trips_across_centuries() {
        for day in (0..200_000u64).step_by(37) {
            let ms = day * MS_PER_DAY + (day * 7919) % MS_PER_DAY;
            assert_eq!(ms_from_iso(&iso_from_ms(ms)), Some(ms));
        }
    }

    #[test]
    fn other_forms_are_refused() {
        for text in [
            "",
            "2026-11-28",
            "2026-11-28T06:00:00",
            "2026-11-28T06:00:00+01:00",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-11-28T24:00:00Z",
            "1969-12-31T23:59:59Z",
            "2026-11-28T06:00:00.Z",
            "2026-11-28T06:00:00.1xZ",
            "２０２６-11-28T06:00:00Z",
            "+275760-09-13T00:00:00.001Z",
        ] {
            assert_eq!(ms_from_iso(text), None, "{text}");
        }
        assert_eq!(ms_from_iso("2026-11-28T06:00:00.5Z"), ms_from_iso("2026-11-28T06:00:00.500Z"));
        assert_eq!(ms_from_iso("2026-11-28T06:00:00.123456Z"), ms_from_iso("2026-11-28T06:00:00.123Z"));
    }
}
