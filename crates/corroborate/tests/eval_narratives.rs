//! `corroborate eval narratives` on a small `posts.csv` written by the test (cases of our own, laid
//! out like EUvsDisinfo's): the command reads it, labels cases by their keywords and scores the
//! built-in catalogue; a missing file is a clear error.
mod common;
use common::{run, stdout};

#[test]
fn scores_a_small_case_file_and_names_a_missing_one() {
    let dir = std::env::temp_dir().join(format!("corroborate-eval-narratives-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("narratives/data")).unwrap();
    let csv = "date,id,title,countries,keywords,languages,outlets\n\
        2031-01-01,u1,The massacre in the valley was a false flag staged by the rebels,X,Provocation+War,English,A\n\
        2031-01-02,u2,The ferry timetable changes in spring,X,Transport,English,B\n\
        2031-01-03,u3,\"Flight 9 was downed, the channel says\",X,MH17,English,C\n";
    std::fs::write(dir.join("narratives/data/posts.csv"), csv).unwrap();
    let out = run(&["eval", "narratives", "--data", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("3 case titles") && text.contains("2 labelled"), "{text}");
    // u1 found (staged-atrocities), u3 missed (mh17-blame-shift): P 1, R 0.5
    assert!(text.contains("| staged-atrocities | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |"), "{text}");
    assert!(text.contains("| **all (micro)** | 2 | 1 | 1 | 1.000 | 0.500 | 0.667 |"), "{text}");
    let missing = run(&["eval", "narratives", "--data", dir.join("nowhere").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    // a file without the columns is an error, not an empty score
    std::fs::write(dir.join("narratives/data/posts.csv"), "a,b\n1,2\n").unwrap();
    let wrong = run(&["eval", "narratives", "--data", dir.to_str().unwrap()]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("`title` and `keywords`"));
    let _ = std::fs::remove_dir_all(&dir);
}
