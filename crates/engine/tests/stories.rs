//! `compare` groups a run's articles into stories by average linkage: a chain of articles, each
//! sharing a name and some words with the next, is not one story.
use corroborate_model::Article;

#[test]
fn a_chain_of_pairwise_links_is_not_one_story() {
    // a and b: the Osk dam (Dana Kovic); b also names Petr Lund in Velkor, whom c, on the Velkor
    // ferry strike, is about; a and c share no name
    let a = "The dam above Osk burst on Monday night and flooded the lower valley. Dana Kovic, the mayor of \
             Osk, said rescue teams had reached every street of the flooded valley by morning. Engineers \
             inspected the broken dam wall and the flooded houses of Osk.";
    let b = "Rescue teams worked through the flooded valley below the broken dam of Osk, Dana Kovic said. \
             Engineers said the dam wall above Osk had cracked. In other news, Petr Lund spoke in Velkor.";
    let c = "The Velkor ferry strike entered its second week. Petr Lund, who leads the ferry crews, said the \
             strike would go on until the Velkor port authority raised pay. No ferry left Velkor for the \
             islands, and the port of Velkor stood still.";
    let articles = vec![Article::new("a", a), Article::new("b", b), Article::new("c", c)];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 2, "{:?}", cmp.stories.iter().map(|s| &s.articles).collect::<Vec<_>>());
    assert_ne!(cmp.story_of[0], cmp.story_of[2], "a and c tell different stories");
}
