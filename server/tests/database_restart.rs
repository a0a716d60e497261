//! The test server's PostgreSQL stopped and started again under two running
//! instances: they keep serving what they have, refuse writes with 503
//! meanwhile, and carry on by themselves when it is back, each showing what
//! the other stored since.
//!
//! A test binary of its own: it stops the server every database test
//! shares, and cargo runs test binaries one at a time.

#[path = "support/postgres.rs"]
mod postgres;
#[path = "support/process.rs"]
mod process;

use std::{
    process::{Command, Stdio},
    time::Duration,
};

use postgres::scratch_database;
use process::{
    eventually, free_port, http_get, post_article, series_values, wait_until_ready, Running, EXE,
};

const TOKEN: &str = "restart-token";

fn instance(port: u16, database_url: &str) -> Running {
    Running(
        Command::new(EXE)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .args(["--admin-token", TOKEN, "--database-url", database_url])
            .env("TRADELINE_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts"),
    )
}

/// `pg_ctl stop` or `start` on the test server, as its owner.
fn pg_ctl(action: &str) {
    let dir = std::env::var("POSTGRES_DIR").expect("POSTGRES_DIR, set by .ci/postgres");
    let bin = std::env::var("POSTGRES_BIN").expect("POSTGRES_BIN, set by .ci/postgres");
    let mut command = if std::env::var("USER").is_ok_and(|u| u == "root")
        || Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
    {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"])
            .arg(format!("{bin}/pg_ctl"));
        c
    } else {
        Command::new(format!("{bin}/pg_ctl"))
    };
    let status = command
        .arg(format!("--pgdata={dir}/data"))
        .arg(format!("--log={dir}/server.log"))
        .args(["--wait", "--mode=fast", action])
        .stdout(Stdio::null())
        .status()
        .expect("pg_ctl runs");
    assert!(status.success(), "pg_ctl {action} failed");
}

fn status(answer: &str) -> &str {
    answer.split_whitespace().nth(1).unwrap_or_default()
}

fn readiness(port: u16) -> String {
    http_get(port, "/readyz")
        .map(|r| status(&r).to_owned())
        .unwrap_or_default()
}

#[test]
fn two_instances_ride_out_a_database_restart() {
    let Some(url) = scratch_database() else {
        return;
    };
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = instance(port_a, &url);
    let mut b = instance(port_b, &url);
    wait_until_ready(port_a, &mut a.0, Duration::from_secs(60));
    wait_until_ready(port_b, &mut b.0, Duration::from_secs(60));
    let first = post_article(
        port_a,
        Some(TOKEN),
        "Trade between Zambia and Malawi reached $0.6 billion in 2023.",
    );
    assert_eq!(status(&first), "201", "{first}");
    // Both read the pair, and keep what they read.
    for port in [port_a, port_b] {
        assert!(eventually(Duration::from_secs(10), || series_values(
            port, "MW-ZM"
        ) == [0.6e9]));
    }

    pg_ctl("stop");
    let stopped = std::panic::catch_unwind(|| {
        for port in [port_a, port_b] {
            assert!(
                eventually(Duration::from_secs(30), || readiness(port) == "503"),
                "port {port} stayed ready without its database"
            );
            assert_eq!(series_values(port, "MW-ZM"), [0.6e9], "port {port}");
        }
        let refused = post_article(
            port_b,
            Some(TOKEN),
            "Trade between Zambia and Malawi reached $0.5 billion in 2022.",
        );
        assert_eq!(status(&refused), "503", "{refused}");
    });
    // Started again whatever happened, so later tests find their server.
    pg_ctl("start");
    if let Err(panic) = stopped {
        std::panic::resume_unwind(panic);
    }

    for port in [port_a, port_b] {
        assert!(
            eventually(Duration::from_secs(60), || readiness(port) == "200"),
            "port {port} not ready again"
        );
    }
    let stored = post_article(
        port_b,
        Some(TOKEN),
        "Trade between Zambia and Malawi reached $0.5 billion in 2022.",
    );
    assert_eq!(status(&stored), "201", "{stored}");
    // A hears of B's write through its new listening connection.
    assert!(
        eventually(Duration::from_secs(10), || series_values(port_a, "MW-ZM")
            == [0.5e9, 0.6e9]),
        "A does not show what B stored after the restart: {:?}",
        series_values(port_a, "MW-ZM")
    );
}
