//! `compare` counts independent origins, not copies: a wire story republished by several outlets
//! (with their own headline lines and credits) is one origin, dated copies put the earliest first.
use corroborate_model::Article;

const WIRE: &str = "KYIV, Ukraine (AP) — Ukrainian officials said Monday that at least 20 bodies were found \
on a single street in the town of Bucha after Russian troops withdrew from the area north of the capital. \
The mayor of Bucha, Anatoliy Fedoruk, said the town's residents had been shot and left where they fell. \
Russian officials denied any involvement and called the images a provocation staged for Western media. \
Ukrainian President Volodymyr Zelenskyy said investigators would document every killing in the town.";

const OWN: &str = "Reporters from The Kyiv Independent walked through Bucha on Sunday and counted dozens of \
burned cars along the main road. Residents told them that Russian soldiers had occupied houses for weeks. \
Zelenskyy visited the town on Monday and said the killings of civilians in Bucha were war crimes. \
Moscow rejected the accusations, saying the photographs from Bucha were fake and staged.";

fn article(id: &str, text: String, date: &str) -> Article {
    let mut a = Article::new(id, text);
    a.meta.published = Some(date.to_string());
    a
}

#[test]
fn wire_copies_are_one_origin() {
    let articles = vec![
        article(
            "outlet-a",
            format!("Bodies found in Bucha\n\n{WIRE}\n\nCopyright 2022 The Associated Press."),
            "2022-04-04T09:30:00Z",
        ),
        article("own-report", OWN.to_string(), "2022-04-04T08:00:00Z"),
        article("ap", WIRE.to_string(), "2022-04-04T06:00:00Z"),
        article("outlet-b", format!("{WIRE}\n\nRead more world news on our site."), "2022-04-04T11:00:00Z"),
    ];
    let cmp = corroborate_engine::compare(articles);
    let origins: Vec<Vec<usize>> = cmp.stories.iter().flat_map(|s| s.origins.clone()).collect();
    assert_eq!(origins.len(), 2, "stories: {:?}", cmp.stories.iter().map(|s| &s.origins).collect::<Vec<_>>());
    let wire = origins.iter().find(|g| g.len() == 3).expect("the three wire copies form one origin");
    assert_eq!(wire[0], 2, "the earliest copy (the agency's own) comes first");
    assert!(origins.iter().any(|g| g == &vec![1]));
}
