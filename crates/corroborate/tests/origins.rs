//! Origins: a wire story rewritten by hand and credited to the wire joins the wire's origin; an
//! article that only quotes or speaks to the agency stays an origin of its own.
mod common;
use serde_json::Value;

/// The wire's own story (invented), with its dateline credit.
const WIRE: &str = r#"Ferry Sinks Off Velkor Coast; Eleven Missing

date 2031-06-02

Harbour Press - A passenger ferry carrying 84 people sank off the Velkor coast on Monday night, and eleven passengers were still missing on Tuesday, the Velkor coastguard said.

The ferry Santa Irena left Osk harbour at 9 p.m. and sent a distress call about forty minutes later, coastguard spokesman Tomas Brill said. Fishing boats pulled 73 people from the water before dawn.

"The sea was calm, and the boat was not overloaded. We do not yet know why it went down," Brill told Harbour Press. "Divers will reach the wreck once the current slows."

Survivors said water had poured into the car deck within minutes. The operator, Osk Lines, said its vessel had passed an inspection in March.

Velkor's transport minister Lena Faro ordered an inquiry and suspended the company's licence for thirty days.

Relatives waited at the harbour through the night for news of the missing.
"#;

/// The wire's story lightly edited by another outlet (new headline, words changed, sentences cut,
/// a local last paragraph), crediting the wire: too different for a near-copy (shingle Jaccard
/// about 0.35), most of its sentences still the wire's.
const REWRITE: &str = r#"Eleven Still Missing After Santa Irena Goes Down

Outlet: Osk Evening Star
Date: 2031-06-03

(Harbour Press) A passenger ferry carrying 84 people sank off the Velkor coast on Monday night, and eleven passengers remained missing on Tuesday, the regional coastguard said.

The ferry Santa Irena left Osk harbour at 9 p.m. and sent a distress call about forty minutes later, coastguard spokesman Tomas Brill said. Local fishing boats pulled 73 people from the cold water before dawn.

"The sea was calm, and the boat was not overloaded. We do not yet know why it went down," Brill told Harbour Press.

Survivors said water had poured into the car deck within minutes. The operator said its vessel had passed an inspection.

Velkor's transport minister Lena Faro ordered an inquiry into the sinking.

In Osk, the town council opened a school gym for families waiting for news and offered free meals.
"#;

/// An independent report of the same sinking that quotes what the spokesman told the wire.
const OWN: &str = r#"Coastguard Questions Ferry Operator After Velkor Sinking

Outlet: Velkor Daily
Date: 2031-06-03

Investigators in Velkor on Tuesday questioned managers of Osk Lines, whose ferry Santa Irena sank on Monday night with 84 people on board, leaving eleven missing.

"The sea was calm, and the boat was not overloaded. We do not yet know why it went down," coastguard spokesman Tomas Brill told Harbour Press, the wire agency.

Three survivors interviewed by this newspaper described a loud bang from below the car deck shortly before the ship listed. One, a teacher from Osk, said crew members handed out life jackets only after the lights failed.

Transport minister Lena Faro, who suspended the company's licence, said the inquiry would also examine the March inspection. Osk Lines did not answer calls.
"#;

fn compare(files: &[(&str, &str)], format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["compare".to_string()];
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        args.push(p.display().to_string());
    }
    args.extend(["--format".to_string(), format.to_string()]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::run(&a);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    common::stdout(&out)
}

#[test]
fn a_credited_rewrite_of_the_wire_joins_its_origin() {
    let files = [("wire.txt", WIRE), ("rewrite.txt", REWRITE), ("own.txt", OWN)];
    let text = compare(&files, "text");
    assert!(text.contains("(3 article(s), 2 independent origin(s))"), "{text}");
    assert!(text.contains("copy of A (credits Harbour Press)"), "{text}");
    assert!(text.contains("credits Harbour Press\n"), "{text}");
    let own = text.lines().find(|l| l.contains("own.txt")).unwrap();
    assert!(!own.contains("copy of") && !own.contains("credits"), "{own}");
    let v: Value = serde_json::from_str(&compare(&files, "json")).unwrap();
    let s = &v["stories"][0];
    let origins: Vec<usize> = s["origins"].as_array().unwrap().iter().map(|g| g.as_array().unwrap().len()).collect();
    assert_eq!(origins, [2, 1], "{}", s["origins"]);
    let credits = s["credits"].as_array().unwrap();
    assert_eq!(credits.len(), 2, "{credits:?}");
    let rewrite = credits.iter().find(|c| c["article"].as_str().unwrap().ends_with("rewrite.txt")).unwrap();
    assert_eq!(rewrite["credits"], "Harbour Press");
    assert_eq!(rewrite["span"]["text"], "Harbour Press");
    assert_eq!(rewrite["joined"], true);
}

#[test]
fn a_credit_without_shared_text_is_its_own_origin() {
    // the independent report credits the wire for a quote, but shares little of its text
    let own = format!("{OWN}\nHarbour Press contributed to this report.\n");
    let files = [("wire.txt", WIRE), ("own.txt", own.as_str())];
    let text = compare(&files, "text");
    assert!(text.contains("(2 article(s), 2 independent origin(s))"), "{text}");
    let line = text.lines().find(|l| l.contains("own.txt")).unwrap();
    assert!(line.ends_with("credits Harbour Press"), "{line}");
}
