//! A scratch PostgreSQL database for tests, here and in the server's.
//!
//! The server is the one `TRADELINE_TEST_POSTGRES` names by an
//! administrator's URL (`.ci/postgres` starts a throwaway one, and `.ci/run`
//! uses it). Without it, tests that need it are skipped with a note, except
//! under CI, where they fail.

use std::sync::atomic::{AtomicU32, Ordering};

/// The URL of a new, empty database on the server `TRADELINE_TEST_POSTGRES`
/// names.
pub async fn scratch_postgres() -> Option<String> {
    let Some(admin) = std::env::var("TRADELINE_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TRADELINE_TEST_POSTGRES is not set: under CI, .ci/run starts a PostgreSQL for these tests"
        );
        eprintln!("skipped: set TRADELINE_TEST_POSTGRES to a PostgreSQL administrator's URL to run this case");
        return None;
    };
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "tradeline_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let pool = sqlx::PgPool::connect(&admin)
        .await
        .expect("the test server answers");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&pool)
        .await
        .expect("drops a leftover");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("creates a database");
    pool.close().await;
    let base = admin.split('?').next().unwrap_or(&admin);
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    Some(format!("{server}/{name}"))
}
