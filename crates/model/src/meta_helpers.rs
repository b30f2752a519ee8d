//! Small readings of metadata values that several crates need the same way.

/// The day number of an ISO 8601 date (`2031-03-14`; anything after the day, such as a time, is
/// ignored): days since 1970-01-01, negative before it. `None` for what is not a calendar date
/// (`2031-02-30`, `2031-13-01`, `14/03/2031`).
pub fn day_number(date: &str) -> Option<i64> {
    let head = date.trim_start().get(..10)?;
    let shaped = head.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return None;
    }
    let day = chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    Some(day.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days())
}

/// The host of a URL, lower-cased and without `www.`: `https://WWW.Example.org:8080/a?b` →
/// `example.org`. `None` without a `scheme://` or with an empty host.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2031-03-14T08:00:00Z"), Some(day_number("2031-03-14").unwrap()));
        assert_eq!(day_number("2024-02-29").map(|d| d + 1), day_number("2024-03-01"));
    }

    #[test]
    fn what_is_not_a_date_has_no_day() {
        for bad in [
            "2031-02-30",
            "2031-13-01",
            "2031-00-10",
            "14/03/2031",
            "2031-3-14",
            "2031-3-14 ",
            "-999-01-01",
            "+2031-03-1",
            "",
            "2031",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn domains_are_hosts_without_www() {
        assert_eq!(domain_of("https://WWW.Example.org:8080/a?b").as_deref(), Some("example.org"));
        assert_eq!(domain_of("http://user@news.example.com#x").as_deref(), Some("news.example.com"));
        assert_eq!(domain_of("http://127.0.0.1:3000/feed").as_deref(), Some("127.0.0.1"));
        assert_eq!(domain_of("example.org/a"), None);
        assert_eq!(domain_of("https:///a"), None);
    }
}
