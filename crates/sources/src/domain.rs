//! Hosts and registrable domains: `https://www.Example.co.uk:443/a?b` -> `example.co.uk`.
//!
//! The registrable domain ("eTLD+1") comes from the Public Suffix List compiled into the `psl`
//! crate, so `news.bbc.co.uk` folds to `bbc.co.uk` and `edition.cnn.com` to `cnn.com` without any
//! network access.

/// The lower-cased host of a URL or bare domain, without scheme, user info, port, path, query or a
/// trailing dot. `None` when nothing host-like is left.
pub fn host_of(input: &str) -> Option<String> {
    let s = input.trim();
    let s = match s.find("://") {
        Some(i) if s[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)) => &s[i + 3..],
        _ => s.strip_prefix("//").unwrap_or(s),
    };
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    let authority = &s[..end];
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = match host_port.rfind(':') {
        Some(i) if host_port[i + 1..].chars().all(|c| c.is_ascii_digit()) => &host_port[..i],
        _ => host_port,
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let ok = !host.is_empty()
        && host.contains('.')
        && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '–')
        && !host.starts_with('.')
        && !host.contains("..");
    ok.then_some(host)
}

/// The first path segment of a URL (`https://x.com/news/a` -> `news`), lower-cased, if any.
pub fn first_path_segment(input: &str) -> Option<String> {
    let s = input.trim();
    let s = s.find("://").map(|i| &s[i + 3..]).unwrap_or(s);
    let path = &s[s.find('/')? + 1..];
    let seg = path.split(['/', '?', '#']).next().unwrap_or("");
    (!seg.is_empty()).then(|| seg.to_lowercase())
}

/// The registrable domain of a host or URL (`www.news.example.co.uk` -> `example.co.uk`).
///
/// Hosts the Public Suffix List does not know end in an unknown suffix; the list's default rule
/// (`*`) then makes the last two labels the registrable domain.
pub fn registrable_domain(input: &str) -> Option<String> {
    let host = host_of(input)?;
    // A bare public suffix ("co.uk") has no registrable domain.
    psl::domain_str(&host).map(|d| d.to_string())
}

/// The chain of candidate keys for a host, most specific first: the host itself, then each parent
/// down to (and including) the registrable domain. `a.b.example.com` ->
/// `[a.b.example.com, b.example.com, example.com]`.
pub fn fold_chain(host: &str) -> Vec<String> {
    let reg = match psl::domain_str(host) {
        Some(d) => d.to_string(),
        None => return vec![host.to_string()],
    };
    let mut out = Vec::new();
    let mut h = host;
    loop {
        out.push(h.to_string());
        if h.len() <= reg.len() {
            break;
        }
        match h.find('.') {
            Some(i) => h = &h[i + 1..],
            None => break,
        }
    }
    if out.last().map(String::as_str) != Some(reg.as_str()) {
        out.push(reg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.RT.com/news/123-x/?a=b").as_deref(), Some("www.rt.com"));
        assert_eq!(host_of("user@edition.cnn.com:8080/x").as_deref(), Some("edition.cnn.com"));
        assert_eq!(host_of("tass.com.").as_deref(), Some("tass.com"));
        assert_eq!(host_of("//bbc.co.uk/news").as_deref(), Some("bbc.co.uk"));
        assert_eq!(host_of("Russia Today"), None);
        assert_eq!(host_of(""), None);
        assert_eq!(host_of("localhost"), None);
        assert_eq!(first_path_segment("https://www.rfi.fr/en/x").as_deref(), Some("en"));
        assert_eq!(first_path_segment("rfi.fr"), None);
    }

    #[test]
    fn registrable() {
        assert_eq!(registrable_domain("https://news.bbc.co.uk/x").as_deref(), Some("bbc.co.uk"));
        assert_eq!(registrable_domain("edition.cnn.com").as_deref(), Some("cnn.com"));
        assert_eq!(registrable_domain("www.globaltimes.cn").as_deref(), Some("globaltimes.cn"));
        assert_eq!(registrable_domain("co.uk"), None);
        assert_eq!(fold_chain("a.b.example.co.uk"), vec!["a.b.example.co.uk", "b.example.co.uk", "example.co.uk"]);
        assert_eq!(fold_chain("rt.com"), vec!["rt.com"]);
    }
}
