//! `corroborate stance` end to end on CSV files we write ourselves.
use std::process::Command;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn stance_writes_fnc_csv_in_input_order() {
    let dir = temp_dir("stance-cli");
    let bodies = dir.join("bodies.csv");
    let stances = dir.join("stances.csv");
    std::fs::write(
        &bodies,
        "Body ID,articleBody\n\
         1,\"A hurricane destroyed the historic lighthouse on Gull Island on Monday, officials confirmed.\n\
         The \"\"old light\"\" collapsed into the sea as winds reached 120 mph.\"\n\
         2,The city council approved next year's school budget after a long debate.\n",
    )
    .unwrap();
    std::fs::write(
        &stances,
        "Headline,Body ID,Stance\n\
         \"Hurricane destroys lighthouse, islanders say\",1,disagree\n\
         \"Hurricane destroys lighthouse, islanders say\",2,agree\n\
         Lighthouse story,3,agree\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["stance", "--bodies"])
        .arg(&bodies)
        .arg("--stances")
        .arg(&stances)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // body 3 does not exist: a warning and exit code 1, but every row is still written
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("1 pair names a Body ID"), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(lines[0], "Headline,Body ID,Stance");
    assert!(lines[1].starts_with("\"Hurricane destroys lighthouse, islanders say\",1,"));
    assert!(["agree", "discuss", "disagree"].iter().any(|s| lines[1].ends_with(s)), "{stdout}");
    assert!(lines[2].ends_with(",2,unrelated"), "{stdout}");
    // no body, no stance: an empty field, not a prediction of "unrelated"
    assert_eq!(lines[3], "Lighthouse story,3,");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stance_reports_bad_input_without_panicking() {
    let dir = temp_dir("stance-bad");
    let bodies = dir.join("bodies.csv");
    std::fs::write(&bodies, "Title,Text\n1,x\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["stance", "--bodies"])
        .arg(&bodies)
        .arg("--stances")
        .arg(dir.join("missing.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Body ID"));
    std::fs::remove_dir_all(&dir).ok();
}

/// An empty bodies file (`--bodies /dev/null`) is a plain message, not the CSV reader's debug output.
#[test]
fn an_empty_bodies_file_says_so_plainly() {
    let dir = temp_dir("stance-empty");
    let stances = dir.join("stances.csv");
    std::fs::write(&stances, "Headline,Body ID\nFoo,1\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["stance", "--bodies", "/dev/null", "--stances"])
        .arg(&stances)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no header row") && !stderr.contains("StringRecord"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
