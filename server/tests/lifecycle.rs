//! The server as a process over time: a corpus folder watched while running,
//! uploads with and without the token, and a kill in the middle of ingesting
//! that loses nothing acknowledged.

mod support {
    pub(crate) mod corpus;
}
#[path = "support/process.rs"]
mod process;

use std::{
    fs,
    process::{Child, Command, Stdio},
    time::Duration,
};

use process::{
    body, eventually, free_port, http_get, post_article, series_values, wait_until_ready, Running,
    EXE,
};
use tempfile::TempDir;

const TOKEN: &str = "lifecycle-token";

fn start(port: u16, corpus: &std::path::Path, data: &std::path::Path) -> Child {
    Command::new(EXE)
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--admin-token",
            TOKEN,
        ])
        .arg("--corpus")
        .arg(corpus)
        .arg("--data-dir")
        .arg(data)
        .env("TRADELINE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts")
}

#[test]
fn files_and_uploads_show_within_seconds_without_a_restart() {
    let corpus = TempDir::new().expect("corpus");
    let data = TempDir::new().expect("data");
    fs::write(
        corpus.path().join("first.txt"),
        "Trade between Chile and Peru reached $5.4 billion in 2023, customs data showed.",
    )
    .expect("write");
    let port = free_port();
    let mut server = Running(start(port, corpus.path(), data.path()));
    wait_until_ready(port, &mut server.0, Duration::from_secs(30));
    assert_eq!(series_values(port, "CL-PE"), [5.4e9]);

    // A new file appears in the dashboard's data…
    fs::write(
        corpus.path().join("second.md"),
        "# Andean trade\n\nTrade between Chile and Peru reached $4.9 billion in 2022.\n",
    )
    .expect("write");
    assert!(
        eventually(Duration::from_secs(10), || series_values(port, "CL-PE")
            .len()
            == 2),
        "the new file never showed: {:?}",
        series_values(port, "CL-PE")
    );
    // …a changed file replaces what it said…
    fs::write(
        corpus.path().join("first.txt"),
        "Trade between Chile and Peru reached $5.6 billion in 2023, revised data showed.",
    )
    .expect("write");
    assert!(
        eventually(Duration::from_secs(10), || series_values(port, "CL-PE")
            == [4.9e9, 5.6e9]),
        "the change never showed: {:?}",
        series_values(port, "CL-PE")
    );
    // …and a deleted one leaves.
    fs::remove_file(corpus.path().join("second.md")).expect("remove");
    assert!(
        eventually(Duration::from_secs(10), || series_values(port, "CL-PE")
            == [5.6e9]),
        "the deletion never showed: {:?}",
        series_values(port, "CL-PE")
    );

    // Uploads: refused without the token, shown at once with it.
    let text = "Trade between Chile and Peru reached $4.1 billion in 2021.";
    let refused = post_article(port, None, text);
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");
    let accepted = post_article(port, Some(TOKEN), text);
    assert!(accepted.starts_with("HTTP/1.1 201"), "{accepted}");
    assert_eq!(series_values(port, "CL-PE"), [4.1e9, 5.6e9]);
}

#[test]
fn a_kill_mid_ingest_loses_nothing_acknowledged_and_the_next_start_finishes() {
    const FILES: u64 = 4_000;
    let corpus = TempDir::new().expect("corpus");
    let data = TempDir::new().expect("data");
    for i in 0..FILES {
        fs::write(
            corpus.path().join(format!("a{i:05}.txt")),
            support::corpus::article(i),
        )
        .expect("write");
    }
    let port = free_port();
    let mut server = Running(start(port, corpus.path(), data.path()));

    // Wait until the corpus is partly stored, then upload while it continues.
    let partly = eventually(Duration::from_secs(60), || {
        http_get(port, "/healthz")
            .and_then(|r| serde_json::from_str::<serde_json::Value>(body(&r)).ok())
            .and_then(|h| h["articles"].as_u64())
            .is_some_and(|n| n > 0)
    });
    assert!(partly, "nothing was stored within a minute");
    let mut acknowledged = Vec::new();
    for n in 0..5 {
        let text = format!(
            "Trade between Kenya and Egypt reached ${n}.{n} billion in 20{:02}, officials said.",
            10 + n
        );
        let answer = post_article(port, Some(TOKEN), &text);
        assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
        let json: serde_json::Value = serde_json::from_str(body(&answer)).expect("json");
        acknowledged.push(json["id"].as_u64().expect("id"));
    }
    let health = http_get(port, "/healthz").expect("answers");
    let json: serde_json::Value = serde_json::from_str(body(&health)).expect("json");
    assert_eq!(
        json["ingest"]["running"], true,
        "the corpus was read before the kill: make it larger"
    );

    // SIGKILL: no shutdown code runs.
    let killed = Command::new("kill")
        .args(["-KILL", &server.0.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let _ = server.0.wait();

    // The database file is consistent as the kill left it.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let integrity = runtime.block_on(async {
        let store =
            app::store::Store::open(&app::store::Database::Embedded(data.path().to_owned()))
                .await
                .expect("opens");
        let check = store.integrity_check().await.expect("checks");
        store.close().await;
        check
    });
    assert_eq!(integrity, ["ok"]);

    // Every acknowledged upload is there, before the corpus is read again.
    let port = free_port();
    let mut server = Running(start(port, corpus.path(), data.path()));
    let up = eventually(Duration::from_secs(30), || {
        http_get(port, "/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200"))
    });
    assert!(up, "the server did not come back");
    for id in &acknowledged {
        let answer = http_get(port, &format!("/api/articles/{id}")).expect("answers");
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "upload {id} lost: {answer}"
        );
    }
    // The next start completes the ingest: every file, plus the uploads.
    wait_until_ready(port, &mut server.0, Duration::from_secs(300));
    let health = http_get(port, "/healthz").expect("answers");
    let json: serde_json::Value = serde_json::from_str(body(&health)).expect("json");
    assert_eq!(
        json["articles"].as_u64(),
        Some(FILES + acknowledged.len() as u64),
        "{json}"
    );
}
