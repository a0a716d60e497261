//! Several instances on one PostgreSQL database, as real processes: what one
//! stores the others show, and an instance whose database goes away keeps
//! serving what it has, answers writes with 503, and recovers by itself.

mod support {
    pub(crate) mod corpus;
}
#[path = "support/postgres.rs"]
mod postgres;
#[path = "support/process.rs"]
mod process;

use std::{
    fs,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use postgres::{count, port_of, scratch_database, through, Relay};
use process::{
    body, eventually, free_port, http_get, post_article, series_values, wait_until_ready, Running,
    EXE,
};
use tempfile::TempDir;

const TOKEN: &str = "cluster-token";

fn instance(port: u16, database_url: &str, corpus: Option<&Path>) -> Running {
    let mut command = Command::new(EXE);
    command
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .args(["--admin-token", TOKEN, "--database-url", database_url])
        .env("TRADELINE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(corpus) = corpus {
        command.arg("--corpus").arg(corpus);
    }
    Running(command.spawn().expect("starts"))
}

fn ready(port: u16, server: &mut Running) {
    wait_until_ready(port, &mut server.0, Duration::from_secs(60));
}

fn status(answer: &str) -> &str {
    answer.split_whitespace().nth(1).unwrap_or_default()
}

#[test]
fn an_article_posted_to_one_instance_shows_in_the_other_within_a_second() {
    let Some(url) = scratch_database() else {
        return;
    };
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = instance(port_a, &url, None);
    let mut b = instance(port_b, &url, None);
    ready(port_a, &mut a);
    ready(port_b, &mut b);
    // B has read the pair (empty) and keeps that view.
    assert!(series_values(port_b, "CL-PE").is_empty());

    let answer = post_article(
        port_a,
        Some(TOKEN),
        "Trade between Chile and Peru reached $5.4 billion in 2023, customs data showed.",
    );
    let acknowledged = Instant::now();
    assert_eq!(status(&answer), "201", "{answer}");
    let shown = eventually(Duration::from_secs(10), || {
        series_values(port_b, "CL-PE") == [5.4e9]
    });
    let took = acknowledged.elapsed();
    assert!(shown, "never shown by the other instance");
    assert!(
        took <= Duration::from_secs(1),
        "shown by the other instance only after {took:?}"
    );
    // The same content posted to B is the article A stored.
    let again = post_article(
        port_b,
        Some(TOKEN),
        "Trade between Chile and Peru reached $5.4 billion in 2023, customs data showed.",
    );
    assert_eq!(status(&again), "200", "{again}");
    assert_eq!(series_values(port_a, "CL-PE"), [5.4e9]);
}

#[test]
fn the_corpus_one_instance_reads_is_served_by_both() {
    let Some(url) = scratch_database() else {
        return;
    };
    let corpus = TempDir::new().expect("corpus");
    for (name, text) in [
        (
            "a.txt",
            "Trade between Kenya and Tanzania reached $1.6 billion in 2022.",
        ),
        (
            "b.txt",
            "Trade between Kenya and Tanzania reached $1.9 billion in 2023.",
        ),
    ] {
        fs::write(corpus.path().join(name), text).expect("writes");
    }
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = instance(port_a, &url, Some(corpus.path()));
    ready(port_a, &mut a);
    let mut b = instance(port_b, &url, None);
    ready(port_b, &mut b);
    for port in [port_a, port_b] {
        assert_eq!(series_values(port, "KE-TZ"), [1.6e9, 1.9e9], "port {port}");
    }
}

#[test]
fn an_instance_whose_database_goes_away_serves_what_it_has_and_recovers() {
    let Some(url) = scratch_database() else {
        return;
    };
    let relay = Relay::to(port_of(&url));
    let port = free_port();
    let mut server = instance(port, &through(&url, relay.port), None);
    ready(port, &mut server);
    let first = post_article(
        port,
        Some(TOKEN),
        "Trade between Ghana and Nigeria reached $1.2 billion in 2023.",
    );
    assert_eq!(status(&first), "201", "{first}");
    assert_eq!(series_values(port, "GH-NG"), [1.2e9]);

    relay.cut();
    assert!(
        eventually(Duration::from_secs(20), || http_get(port, "/readyz")
            .is_some_and(|r| status(&r) == "503")),
        "still ready without its database"
    );
    // What was read before is still served…
    assert_eq!(series_values(port, "GH-NG"), [1.2e9]);
    // …and a write is refused, saying so, not lost silently.
    let refused = post_article(
        port,
        Some(TOKEN),
        "Trade between Ghana and Nigeria reached $1.1 billion in 2022.",
    );
    assert_eq!(status(&refused), "503", "{refused}");
    assert!(refused.contains("try again"), "{refused}");

    relay.restore();
    assert!(
        eventually(Duration::from_secs(30), || http_get(port, "/readyz")
            .is_some_and(|r| status(&r) == "200")),
        "not ready again after the database came back"
    );
    let stored = post_article(
        port,
        Some(TOKEN),
        "Trade between Ghana and Nigeria reached $1.1 billion in 2022.",
    );
    assert_eq!(status(&stored), "201", "{stored}");
    assert_eq!(series_values(port, "GH-NG"), [1.1e9, 1.2e9]);
}

/// The health of an instance, as JSON.
fn health(port: u16) -> Option<serde_json::Value> {
    http_get(port, "/healthz").and_then(|r| serde_json::from_str(body(&r)).ok())
}

fn shown_articles(port: u16) -> u64 {
    health(port)
        .and_then(|h| h["articles"].as_u64())
        .unwrap_or_default()
}

#[test]
fn the_folder_of_an_instance_killed_mid_ingest_is_taken_over_and_read_once() {
    const FILES: u64 = 4_000;
    let Some(url) = scratch_database() else {
        return;
    };
    let corpus = TempDir::new().expect("corpus");
    for i in 0..FILES {
        fs::write(
            corpus.path().join(format!("a{i:05}.txt")),
            support::corpus::article(i),
        )
        .expect("write");
    }
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = instance(port_a, &url, Some(corpus.path()));
    assert!(
        eventually(Duration::from_secs(60), || shown_articles(port_a) > 0),
        "nothing was stored within a minute"
    );
    // B is given the same folder: A holds it, so B waits, ready to serve.
    let mut b = instance(port_b, &url, Some(corpus.path()));
    ready(port_b, &mut b);
    let mut acknowledged = Vec::new();
    for n in 0..5 {
        let text = format!(
            "Trade between Kenya and Egypt reached ${n}.{n} billion in 20{:02}, officials said.",
            10 + n
        );
        let answer = post_article(port_a, Some(TOKEN), &text);
        assert_eq!(status(&answer), "201", "{answer}");
        let json: serde_json::Value = serde_json::from_str(body(&answer)).expect("json");
        acknowledged.push(json["id"].as_u64().expect("id"));
    }
    assert_eq!(
        health(port_a).map(|h| h["ingest"]["running"].clone()),
        Some(serde_json::Value::Bool(true)),
        "the corpus was read before the kill: make it larger"
    );

    assert_eq!(
        health(port_b).map(|h| h["ingest"]["total"].clone()),
        Some(serde_json::json!(0)),
        "the second instance reads the folder too"
    );

    // SIGKILL: no shutdown code runs, the claim goes with the process.
    let killed = Command::new("kill")
        .args(["-KILL", &a.0.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let _ = a.0.wait();
    let at_kill = shown_articles(port_b);
    assert!(at_kill < FILES, "all was read before the kill");
    assert!(
        eventually(Duration::from_secs(15), || shown_articles(port_b) > at_kill),
        "the other instance did not take the folder over"
    );
    // Reading the folder it took over, it stays ready: it may be the only
    // instance left to serve.
    let reading = health(port_b).map(|h| h["ingest"].clone());
    assert_eq!(
        http_get(port_b, "/readyz").map(|r| status(&r).to_owned()),
        Some("200".to_owned()),
        "not ready while taking the folder over ({reading:?})"
    );
    assert!(
        eventually(Duration::from_secs(600), || shown_articles(port_b)
            == FILES + acknowledged.len() as u64),
        "the folder was not read to its end: {} articles shown",
        shown_articles(port_b)
    );
    for id in &acknowledged {
        let answer = http_get(port_b, &format!("/api/articles/{id}")).expect("answers");
        assert_eq!(status(&answer), "200", "upload {id} lost: {answer}");
    }
    // Each file once: one origin and one article a file, and no more.
    assert_eq!(
        count(
            &url,
            "SELECT COUNT(*) FROM origins WHERE origin LIKE 'file:%'"
        ),
        FILES as i64
    );
    assert_eq!(
        count(&url, "SELECT COUNT(*) FROM articles"),
        (FILES + 5) as i64
    );
}

#[test]
fn a_database_that_cannot_be_reached_at_start_is_a_clear_error() {
    // Nothing listens on this port; no test server is needed.
    let url = format!(
        "postgres://tradeline:hunter2@127.0.0.1:{}/none",
        free_port()
    );
    let out = Command::new(EXE)
        .args(["serve", "--addr", &format!("127.0.0.1:{}", free_port())])
        .args(["--database-url", &url])
        .env("TRADELINE_LOG", "off")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot be opened"), "{stderr}");
    assert!(
        stderr.contains("postgres://tradeline:***@127.0.0.1"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("hunter2"),
        "the password is shown: {stderr}"
    );

    let out = Command::new(EXE)
        .args(["serve", "--database-url", "mysql://root@127.0.0.1/db"])
        .env("TRADELINE_LOG", "off")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unsupported database URL"), "{stderr}");
}
