//! The reference articles of `../shared/seeds` read into a fresh library, for
//! the in-process tests that check what they make.

use std::{path::PathBuf, sync::Arc};

use app::library::{Library, DEFAULT_MAX_ARTICLE};
use server::ingest;
use tempfile::TempDir;

/// A library in a temporary folder (kept alive by the returned guard) with
/// the reference articles read. `TRADELINE_SEEDS` names another folder.
pub(crate) async fn seeds_library() -> (TempDir, Arc<Library>) {
    let seeds = std::env::var_os("TRADELINE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"));
    assert!(
        seeds.is_dir(),
        "the reference articles are missing: {}",
        seeds.display()
    );
    let data = TempDir::new().expect("data dir");
    let library = Arc::new(
        Library::open(
            &app::store::Database::Embedded(data.path().to_owned()),
            DEFAULT_MAX_ARTICLE,
            false,
        )
        .await
        .expect("opens"),
    );
    ingest::pass(&library, &seeds, None).await.expect("reads");
    (data, library)
}
