//! The store on a temporary database: migrations, idempotent writes, and
//! corrections that outlive a new extractor version.

use tempfile::TempDir;
use tradeline_extract::{extract, Options};

use super::*;
use crate::model::Metric;

const ARTICLE: &str = "Trade between China and Brazil reached $157.5 billion in 2023, \
up 6.1 percent year on year. Brazilian President Luiz Inacio Lula da Silva paid a state \
visit to China from April 12 to 15, 2023.";

fn new_article(text: &str, origin: Origin) -> NewArticle {
    let extraction = extract("a.txt", text.as_bytes(), &Options::default()).expect("readable");
    NewArticle {
        hash: crate::library::content_hash(text.as_bytes()),
        raw: text.as_bytes().to_vec(),
        name: "a.txt".to_owned(),
        origin,
        published: None,
        extraction: Some(extraction),
    }
}

fn file(path: &str) -> Origin {
    Origin::File {
        path: path.to_owned(),
        size: 10,
        modified: 1,
    }
}

async fn open() -> (TempDir, Store) {
    let dir = TempDir::new().expect("temp dir");
    let store = Store::open(dir.path()).await.expect("opens");
    (dir, store)
}

#[tokio::test]
async fn an_empty_folder_gets_a_migrated_database_and_reopening_is_harmless() {
    let (dir, store) = open().await;
    assert_eq!(store.integrity_check().await.expect("check"), ["ok"]);
    assert_eq!(store.article_counts().await.expect("counts"), (0, 0));
    store.close().await;
    let again = Store::open(dir.path()).await.expect("reopens");
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&again.pool)
        .await
        .expect("migrations table");
    let known = sqlx::migrate!("./migrations").migrations.len();
    assert_eq!(applied as usize, known);
}

#[tokio::test]
async fn the_same_content_twice_is_one_article_with_two_origins() {
    let (_dir, store) = open().await;
    let first = store
        .write(vec![new_article(ARTICLE, file("/corpus/a.txt"))])
        .await
        .expect("writes");
    let second = store
        .write(vec![new_article(ARTICLE, file("/corpus/b.txt"))])
        .await
        .expect("writes");
    assert!(!first[0].duplicate);
    assert!(second[0].duplicate);
    assert_eq!(first[0].id, second[0].id);
    assert_eq!(store.article_counts().await.expect("counts"), (1, 1));
    let stored = store
        .article(first[0].id)
        .await
        .expect("reads")
        .expect("exists");
    assert_eq!(stored.origins, ["file:/corpus/a.txt", "file:/corpus/b.txt"]);
    let observations = store
        .observations(&Pair::sorted("BR", "CN"))
        .await
        .expect("reads");
    assert_eq!(observations.len(), 2, "written once, not twice");
}

#[tokio::test]
async fn an_article_whose_files_are_gone_is_kept_but_not_shown() {
    let (_dir, store) = open().await;
    let written = store
        .write(vec![new_article(ARTICLE, file("/corpus/a.txt"))])
        .await
        .expect("writes");
    store
        .forget_files(&["/corpus/a.txt".to_owned()])
        .await
        .expect("forgets");
    assert_eq!(store.article_counts().await.expect("counts"), (0, 1));
    assert!(store
        .observations(&Pair::sorted("BR", "CN"))
        .await
        .expect("reads")
        .is_empty());
    assert!(store.article(written[0].id).await.expect("reads").is_some());
}

#[tokio::test]
async fn file_stamps_are_listed_by_folder() {
    let (_dir, store) = open().await;
    store
        .write(vec![new_article(ARTICLE, file("/corpus_a/x.txt"))])
        .await
        .expect("writes");
    let stamps = store.file_stamps("/corpus_a/").await.expect("reads");
    assert_eq!(stamps["/corpus_a/x.txt"].size, 10);
    // `_` is a wildcard in LIKE; a folder name with one must not match others.
    assert!(store
        .file_stamps("/corpusXa/")
        .await
        .expect("reads")
        .is_empty());
}

/// `--corpus c --corpus c/sub`, and `./news` beside `./News`: each folder
/// has its own files, so a pass over one never forgets the other's.
#[tokio::test]
async fn nested_and_case_twin_folders_keep_their_own_files() {
    let (_dir, store) = open().await;
    let other = new_article("Another article.", file("/c/sub/y.txt"));
    store
        .write(vec![new_article(ARTICLE, file("/c/x.txt")), other])
        .await
        .expect("writes");
    let keys = |stamps: HashMap<String, FileStamp>| {
        let mut keys: Vec<String> = stamps.into_keys().collect();
        keys.sort();
        keys
    };
    assert_eq!(
        keys(store.file_stamps("/c/").await.expect("reads")),
        ["/c/x.txt"]
    );
    assert_eq!(
        keys(store.file_stamps("/c/sub/").await.expect("reads")),
        ["/c/sub/y.txt"]
    );
    assert!(store.file_stamps("/C/").await.expect("reads").is_empty());
}

#[tokio::test]
async fn corrections_survive_a_new_extractor_version() {
    let (_dir, store) = open().await;
    let id = store
        .write(vec![new_article(ARTICLE, Origin::Upload)])
        .await
        .expect("writes")[0]
        .id;
    let stored = store.article(id).await.expect("reads").expect("exists");
    let growth = stored
        .document
        .observations
        .iter()
        .find(|o| o.metric == Metric::TradeGrowthYoy)
        .expect("a growth rate");
    let event = stored.document.events.first().expect("an event").clone();
    store
        .correct(
            id,
            &Correction::ObservationWrong {
                metric: growth.metric,
                span: growth.provenance.span,
                wrong: true,
            },
        )
        .await
        .expect("corrects");
    store
        .correct(
            id,
            &Correction::EventEdit {
                event: event.kind,
                span: event.provenance.span,
                edit: EventEdit {
                    place: Some("Shanghai and Beijing".to_owned()),
                    ..EventEdit::default()
                },
            },
        )
        .await
        .expect("corrects");
    store
        .correct(
            id,
            &Correction::Published {
                published: NaiveDate::from_ymd_opt(2023, 4, 16),
            },
        )
        .await
        .expect("corrects");

    // What a new extractor version looks like to the store.
    sqlx::query("UPDATE articles SET extractor_version = 'an older one'")
        .execute(&store.pool)
        .await
        .expect("updates");
    let stale = store.stale(10).await.expect("reads");
    assert_eq!(stale.len(), 1);
    let published = store.published_by_user(id).await.expect("reads");
    assert_eq!(published, NaiveDate::from_ymd_opt(2023, 4, 16));
    let options = Options {
        published,
        ..Options::default()
    };
    let again = extract("a.txt", &stale[0].raw, &options).expect("readable");
    store
        .replace_extraction(id, &again)
        .await
        .expect("replaces");

    assert!(store.stale(10).await.expect("reads").is_empty());
    let stored = store.article(id).await.expect("reads").expect("exists");
    assert_eq!(stored.wrong.len(), 1, "still marked wrong");
    assert_eq!(
        stored.document.published.map(|d| d.to_string()).as_deref(),
        Some("2023-04-16")
    );
    let pair = Pair::sorted("BR", "CN");
    let shown = store.observations(&pair).await.expect("reads");
    assert!(shown
        .iter()
        .all(|o| o.observation.metric != Metric::TradeGrowthYoy));
    let events = store.events(&pair).await.expect("reads");
    assert_eq!(
        events[0].event.place.as_deref(),
        Some("Shanghai and Beijing")
    );
}

#[tokio::test]
async fn a_transaction_that_never_commits_leaves_nothing() {
    let (_dir, store) = open().await;
    let mut tx = store.pool.begin().await.expect("begins");
    sqlx::query("INSERT INTO articles (hash, raw, name, added_at) VALUES ('h', x'00', 'n', 'now')")
        .execute(&mut *tx)
        .await
        .expect("inserts");
    // Dropped without commit, as when the process dies mid-batch.
    drop(tx);
    assert_eq!(store.article_counts().await.expect("counts"), (0, 0));
    let other = new_article(
        "Trade between India and Japan rose to $22.8 billion in 2023.",
        Origin::Upload,
    );
    store
        .write(vec![new_article(ARTICLE, file("/corpus/a.txt")), other])
        .await
        .expect("writes");
    assert_eq!(store.article_counts().await.expect("counts"), (2, 2));
}
