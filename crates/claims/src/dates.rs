//! Dates of a story's articles: an ambiguous date line settled by the dates of the others.
use corroborate_model::{AmbiguousDate, AnalyzedArticle, Diagnostic};

/// How near (in days) one reading of an ambiguous date must be to a dated article of its story, and
/// how far the other reading must be from all of them, for the story to settle the order: articles
/// of one event fall within days of each other, and the two readings of a day/month swap are at
/// least a month apart unless they are the same date.
pub const SETTLE_DAYS: i64 = 14;

pub(crate) use corroborate_model::day_number;

/// Settles the ambiguous date lines (`04/06/2022`) of articles left undated by them, from the dates
/// of the other articles of their story (`groups`, indices into `articles`): the reading within
/// [`SETTLE_DAYS`] of some dated article of the story, when the other reading is further than that
/// from all of them. The article's warning is replaced by a note that says which article settled
/// it; an article whose story has no dated article, or dates near both readings, stays undated.
/// Only dates the articles had before this call count, so the order of the articles does not matter.
pub fn settle_dates(articles: &mut [AnalyzedArticle], groups: &[Vec<usize>]) {
    let known: Vec<Option<i64>> =
        articles.iter().map(|a| a.article.meta.published.as_deref().and_then(day_number)).collect();
    for g in groups {
        for &i in g {
            let meta = &articles[i].article.meta;
            let Some(amb) = meta.ambiguous_date.as_ref().filter(|_| meta.published.is_none()) else {
                continue;
            };
            // the nearest dated article of the story to a reading: (distance in days, article)
            let nearest = |iso: &str| {
                let day = day_number(iso)?;
                g.iter().filter(|&&j| j != i).filter_map(|&j| known[j].map(|d| ((d - day).abs(), j))).min()
            };
            let (Some(md), Some(dm)) = (nearest(&amb.month_day), nearest(&amb.day_month)) else {
                continue;
            };
            let (chosen, order, near, other, other_order, far) = if md.0 <= dm.0 {
                (&amb.month_day, "month/day", md, &amb.day_month, "day/month", dm.0)
            } else {
                (&amb.day_month, "day/month", dm, &amb.month_day, "month/day", md.0)
            };
            if near.0 > SETTLE_DAYS || far <= SETTLE_DAYS {
                continue;
            }
            let peer = &articles[near.1].article;
            let note = format!(
                "date \"{}\" read as {chosen} ({order}): {} of its story is dated {}; {other} ({other_order}) would be {far} days from every dated article of the story",
                amb.text,
                peer.id,
                peer.meta.published.as_deref().unwrap_or_default(),
            );
            let (chosen, unset) = (chosen.clone(), amb.unset_message());
            let a = &mut articles[i].article;
            a.meta.published = Some(chosen);
            a.diagnostics.retain(|d| d.message != unset);
            a.diagnostics.push(Diagnostic::info(note));
        }
    }
}

/// The reading of an ambiguous date that a story known only by its date range (`first` to `last`,
/// ISO 8601) settles, for summaries kept as articles arrive: the reading inside the range or within
/// [`SETTLE_DAYS`] of it, when the other lies outside it and further than that from both ends
/// (every dated article of the story lies in the range, so the other reading is far from all of
/// them). `None` when the range settles nothing.
pub fn settle_in_range<'a>(amb: &'a AmbiguousDate, first: &str, last: &str) -> Option<&'a str> {
    let (lo, hi) = (day_number(first)?, day_number(last)?);
    let gap = |iso: &str| day_number(iso).map(|d| if d < lo { lo - d } else { (d - hi).max(0) });
    let (md, dm) = (gap(&amb.month_day)?, gap(&amb.day_month)?);
    if md <= SETTLE_DAYS && dm > SETTLE_DAYS {
        Some(&amb.month_day)
    } else if dm <= SETTLE_DAYS && md > SETTLE_DAYS {
        Some(&amb.day_month)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::Article;

    fn article(id: &str, published: Option<&str>, ambiguous: Option<(&str, &str, &str)>) -> AnalyzedArticle {
        let mut a = Article::new(id, "Text.");
        a.meta.published = published.map(str::to_string);
        if let Some((text, md, dm)) = ambiguous {
            let amb = AmbiguousDate { text: text.into(), month_day: md.into(), day_month: dm.into() };
            a.diagnostics.push(Diagnostic::warning(amb.unset_message()));
            a.meta.ambiguous_date = Some(amb);
        }
        AnalyzedArticle { article: a, analysis: Default::default() }
    }

    #[test]
    fn a_story_settles_the_order_of_an_ambiguous_date() {
        let mut arts = vec![
            article("a", Some("2031-04-06"), None),
            article("b", None, Some(("04/07/2031", "2031-04-07", "2031-07-04"))),
            article("c", None, Some(("05/06/2031", "2031-05-06", "2031-06-05"))),
        ];
        settle_dates(&mut arts, &[vec![0, 1], vec![2]]);
        let b = &arts[1].article;
        assert_eq!(b.meta.published.as_deref(), Some("2031-04-07"));
        assert_eq!(b.diagnostics.len(), 1, "{:?}", b.diagnostics);
        assert_eq!(b.diagnostics[0].level, corroborate_model::Level::Info);
        assert!(b.diagnostics[0].message.contains("read as 2031-04-07 (month/day): a of its story"));
        // alone in its story: nothing to settle it by
        assert_eq!(arts[2].article.meta.published, None);
        assert_eq!(arts[2].article.diagnostics[0].level, corroborate_model::Level::Warning);
    }

    #[test]
    fn a_date_range_settles_a_reading_near_it_when_the_other_is_far() {
        let amb =
            |md: &str, dm: &str| AmbiguousDate { text: String::new(), month_day: md.into(), day_month: dm.into() };
        let a = amb("2031-03-04", "2031-04-03");
        assert_eq!(settle_in_range(&a, "2031-03-01", "2031-03-01"), Some("2031-03-04"));
        assert_eq!(settle_in_range(&a, "2031-04-10", "2031-04-12"), Some("2031-04-03"));
        // both readings near the range, or neither
        assert_eq!(settle_in_range(&a, "2031-03-01", "2031-04-01"), None);
        assert_eq!(settle_in_range(&a, "2031-09-01", "2031-09-02"), None);
        assert_eq!(settle_in_range(&a, "not a date", "2031-03-01"), None);
    }

    #[test]
    fn day_first_when_that_reading_is_the_near_one() {
        let mut arts = vec![
            article("a", None, Some(("04/06/2031", "2031-04-06", "2031-06-04"))),
            article("b", Some("2031-06-01"), None),
        ];
        settle_dates(&mut arts, &[vec![0, 1]]);
        assert_eq!(arts[0].article.meta.published.as_deref(), Some("2031-06-04"));
    }

    #[test]
    fn no_order_is_chosen_when_both_readings_are_near_a_dated_article_or_neither_is() {
        // 2031-03-04 / 2031-04-03: story dates on both sides
        let mut arts = vec![
            article("a", None, Some(("03/04/2031", "2031-03-04", "2031-04-03"))),
            article("b", Some("2031-03-10"), None),
            article("c", Some("2031-03-28"), None),
            article("d", None, Some(("01/02/2031", "2031-01-02", "2031-02-01"))),
            article("e", Some("2031-09-01"), None),
        ];
        settle_dates(&mut arts, &[vec![0, 1, 2], vec![3, 4]]);
        assert_eq!(arts[0].article.meta.published, None);
        assert_eq!(arts[3].article.meta.published, None);
    }
}
