//! The store on a temporary database, each test on both backends:
//! migrations, idempotent writes, and corrections that outlive a new
//! extractor version.
//!
//! The PostgreSQL cases need a server: `TRADELINE_TEST_POSTGRES` names it
//! by an administrator's URL (`.ci/run` starts a throwaway one), and each
//! test gets a new database on it. Without it they are skipped with a note,
//! except under CI, where they fail.

use rstest::rstest;
use tempfile::TempDir;
use tradeline_extract::{extract, Options};

use super::scratch::scratch_postgres;
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

/// Which backend a case runs on.
#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A scratch database and its store; `None` when PostgreSQL is asked for and
/// no server is named (outside CI).
struct Scratch {
    _dir: TempDir,
    database: Database,
    store: Store,
}

async fn open(backend: Backend) -> Option<Scratch> {
    let dir = TempDir::new().expect("temp dir");
    let database = match backend {
        Backend::Sqlite => Database::Embedded(dir.path().to_owned()),
        Backend::Postgres => Database::Postgres(scratch_postgres().await?),
    };
    let store = Store::open(&database).await.expect("opens");
    Some(Scratch {
        _dir: dir,
        database,
        store,
    })
}

/// Runs `sql` outside the store's interface, as a test's way of reaching in.
async fn execute(store: &Store, sql: &str) {
    match &store.pool {
        Pool::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(drop),
        Pool::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop),
    }
    .expect("executes");
}

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn an_empty_folder_gets_a_migrated_database_and_reopening_is_harmless(
    #[case] backend: Backend,
) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let (database, store) = (&scratch.database, &scratch.store);
    assert_eq!(store.integrity_check().await.expect("check"), ["ok"]);
    assert_eq!(store.article_counts().await.expect("counts"), (0, 0));
    store.close().await;
    let again = Store::open(database).await.expect("reopens");
    let sql = "SELECT COUNT(*) FROM _sqlx_migrations";
    let (applied, known): (i64, usize) = match &again.pool {
        Pool::Sqlite(pool) => (
            sqlx::query_scalar(sql)
                .fetch_one(pool)
                .await
                .expect("migrations table"),
            sqlx::migrate!("./migrations/sqlite").migrations.len(),
        ),
        Pool::Postgres(pool) => (
            sqlx::query_scalar(sql)
                .fetch_one(pool)
                .await
                .expect("migrations table"),
            sqlx::migrate!("./migrations/postgres").migrations.len(),
        ),
    };
    assert_eq!(applied as usize, known);
}

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn the_same_content_twice_is_one_article_with_two_origins(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
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

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn an_article_whose_files_are_gone_is_kept_but_not_shown(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
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

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn file_stamps_are_listed_by_folder(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
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
#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn nested_and_case_twin_folders_keep_their_own_files(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
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

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn corrections_survive_a_new_extractor_version(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
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
    execute(
        store,
        "UPDATE articles SET extractor_version = 'an older one'",
    )
    .await;
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

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn a_transaction_that_never_commits_leaves_nothing(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
    // Begun, written to, and dropped without commit, as when the process
    // dies mid-batch.
    macro_rules! abandon {
        ($pool:expr) => {{
            let mut tx = $pool.begin().await.expect("begins");
            sqlx::query(
                "INSERT INTO articles (hash, raw, name, added_at) VALUES ('h', $1, 'n', 'now')",
            )
            .bind(vec![0u8])
            .execute(&mut *tx)
            .await
            .expect("inserts");
            drop(tx);
        }};
    }
    match &store.pool {
        Pool::Sqlite(pool) => abandon!(pool),
        Pool::Postgres(pool) => abandon!(pool),
    }
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

/// Several instances starting at once on one new PostgreSQL database: each
/// opens it, and the migrations are applied once.
#[tokio::test]
async fn instances_starting_at_once_migrate_the_database_once() {
    let Some(url) = scratch_postgres().await else {
        return;
    };
    let database = Database::Postgres(url);
    let (a, b, c) = tokio::join!(
        Store::open(&database),
        Store::open(&database),
        Store::open(&database)
    );
    let (a, _b, _c) = (a.expect("opens"), b.expect("opens"), c.expect("opens"));
    let Pool::Postgres(pool) = &a.pool else {
        unreachable!("a PostgreSQL store")
    };
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await
        .expect("migrations table");
    assert_eq!(
        applied as usize,
        sqlx::migrate!("./migrations/postgres").migrations.len()
    );
}

/// Two instances storing the same article at the same moment store it once,
/// and both learn its id.
#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn the_same_content_stored_by_two_instances_at_once_is_one_article(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let other = Store::open(&scratch.database).await.expect("opens");
    let (a, b) = tokio::join!(
        scratch
            .store
            .write(vec![new_article(ARTICLE, file("/one/a.txt"))]),
        other.write(vec![new_article(ARTICLE, file("/two/a.txt"))]),
    );
    let (a, b) = (a.expect("writes"), b.expect("writes"));
    assert_eq!(a[0].id, b[0].id);
    assert!(a[0].duplicate != b[0].duplicate, "one stores, one links");
    assert_eq!(
        scratch.store.article_counts().await.expect("counts"),
        (1, 1)
    );
}

/// A commit through one instance reaches the others' watchers; a write
/// abandoned before its commit does not.
#[tokio::test]
async fn a_commit_is_announced_to_the_other_instances() {
    let Some(scratch) = open(Backend::Postgres).await else {
        return;
    };
    let other = Store::open(&scratch.database).await.expect("opens");
    let (heard, mut hearing) = tokio::sync::mpsc::unbounded_channel();
    assert!(other.watch_changes(move || heard.send(()).is_ok()));
    // The first call says "listening (again)": what came before is unknown.
    heard_of(&mut hearing).await;
    scratch
        .store
        .write(vec![new_article(ARTICLE, Origin::Upload)])
        .await
        .expect("writes");
    heard_of(&mut hearing).await;
    let Pool::Postgres(pool) = &scratch.store.pool else {
        unreachable!("a PostgreSQL store")
    };
    let mut tx = pool.begin().await.expect("begins");
    sqlx::query("SELECT pg_notify($1, '')")
        .bind(CHANGES_CHANNEL)
        .execute(&mut *tx)
        .await
        .expect("announces");
    drop(tx);
    scratch
        .store
        .forget_files(&["/none.txt".to_owned()])
        .await
        .expect("forgets");
    heard_of(&mut hearing).await;
    assert!(
        hearing.try_recv().is_err(),
        "the abandoned transaction's announcement was never delivered"
    );
    other.close().await;
}

async fn heard_of(hearing: &mut tokio::sync::mpsc::UnboundedReceiver<()>) {
    tokio::time::timeout(std::time::Duration::from_secs(10), hearing.recv())
        .await
        .expect("announced");
}

#[test]
fn a_database_is_the_data_folder_unless_a_postgres_url_is_given() {
    let dir = Path::new("/srv/tradeline");
    assert_eq!(
        Database::new(dir, None).expect("valid"),
        Database::Embedded(dir.to_owned())
    );
    assert_eq!(
        Database::new(dir, Some("  ")).expect("valid"),
        Database::Embedded(dir.to_owned())
    );
    for url in [
        "postgres://u@h/db",
        "postgresql://u:p@h:5433/db?sslmode=require",
    ] {
        assert_eq!(
            Database::new(dir, Some(url)).expect("valid"),
            Database::Postgres(url.to_owned())
        );
    }
    let refused = Database::new(dir, Some("mysql://root:secret@h/db")).expect_err("refused");
    assert!(matches!(refused, StoreError::Url(_)));
    assert!(!refused.to_string().contains("secret"), "{refused}");
}

#[rstest]
#[case::password_hidden("postgres://app:s3cret@db:5432/tl", "postgres://app:***@db:5432/tl")]
#[case::at_sign_in_password("postgres://app:p@ss@db/tl", "postgres://app:***@db/tl")]
#[case::no_password("postgres://app@db/tl", "postgres://app@db/tl")]
#[case::no_user("postgres://db/tl?user=x", "postgres://db/tl?user=x")]
fn urls_are_shown_without_their_password(#[case] url: &str, #[case] shown: &str) {
    assert_eq!(Database::Postgres(url.to_owned()).to_string(), shown);
}

/// A batch holding the same content twice, and more rows than one statement
/// writes: each content once, with one origin a name, every row written.
#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn a_large_batch_with_repeated_content_writes_each_row_once(#[case] backend: Backend) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
    let mut batch = vec![
        new_article(ARTICLE, Origin::Upload),
        new_article(ARTICLE, Origin::Upload),
        new_article(ARTICLE, file("/c/same.txt")),
    ];
    // Two figures an article: more than ROWS_A_STATEMENT in all.
    let articles = super::queries::ROWS_A_STATEMENT / 2 + 100;
    for i in 0..articles {
        let text = format!(
            "Trade between Chile and Peru reached ${}.{} billion in {}, up {}.{} percent.",
            i % 90 + 1,
            i % 10,
            1950 + i % 70,
            i % 9 + 1,
            i % 7
        );
        batch.push(new_article(&text, file(&format!("/c/{i:04}.txt"))));
    }
    let written = store.write(batch).await.expect("writes");
    assert_eq!(written.len(), articles + 3);
    assert_eq!(
        written.iter().filter(|w| w.duplicate).count(),
        2,
        "the repeated content is linked, not stored again"
    );
    let (shown, stored) = store.article_counts().await.expect("counts");
    assert_eq!((shown, stored), (articles + 1, articles + 1));
    let stored = store
        .article(written[0].id)
        .await
        .expect("reads")
        .expect("exists");
    assert_eq!(
        stored.origins,
        [
            "file:/c/same.txt".to_owned(),
            format!("upload:{}", written[0].id)
        ]
    );
    let rows = store
        .observations(&Pair::sorted("CL", "PE"))
        .await
        .expect("reads");
    assert!(
        rows.len() >= 2 * articles,
        "{} rows for {articles} articles",
        rows.len()
    );
}

#[test]
fn an_unreachable_database_is_told_from_a_failing_query() {
    let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    assert!(StoreError::Sql(sqlx::Error::Io(refused)).is_unreachable());
    assert!(StoreError::Sql(sqlx::Error::PoolTimedOut).is_unreachable());
    assert!(StoreError::Open(sqlx::Error::PoolClosed).is_unreachable());
    assert!(!StoreError::Sql(sqlx::Error::RowNotFound).is_unreachable());
    assert!(!StoreError::IdRange.is_unreachable());
}

fn reference_file(rows: &str) -> Vec<crate::reference::ReferenceFigure> {
    let text = format!("pair,flow,period,value,currency,source\n{rows}");
    let read = crate::reference::read::read(text.as_bytes(), None).expect("a reference file");
    assert!(read.bad.is_empty(), "{:?}", read.bad);
    read.figures
}

#[rstest]
#[case::sqlite(Backend::Sqlite)]
#[case::postgres(Backend::Postgres)]
#[tokio::test]
async fn official_figures_imported_twice_are_stored_once_and_revisions_replace(
    #[case] backend: Backend,
) {
    let Some(scratch) = open(backend).await else {
        return;
    };
    let store = &scratch.store;
    // Figures written for this test.
    let rows = "KE-UG,total,2021,850000000,USD,Test customs\n\
                KE-UG,export,2021,700000000,USD,Test customs\n\
                KE-UG,total,2021-Q1,200000000,USD,Test customs\n";
    let first = store
        .import_reference(&reference_file(rows))
        .await
        .expect("imports");
    assert_eq!(
        first,
        crate::reference::Imported {
            added: 3,
            revised: 0,
            unchanged: 0
        }
    );
    let again = store
        .import_reference(&reference_file(rows))
        .await
        .expect("imports");
    assert_eq!(
        again,
        crate::reference::Imported {
            added: 0,
            revised: 0,
            unchanged: 3
        }
    );
    // A revised total and a second source for the same year.
    let revised = store
        .import_reference(&reference_file(
            "KE-UG,total,2021,860000000,USD,Test customs\n\
             KE-UG,total,2021,845000000,USD,Another office\n",
        ))
        .await
        .expect("imports");
    assert_eq!((revised.added, revised.revised), (1, 1));

    let held = store
        .reference(&Pair::sorted("UG", "KE"))
        .await
        .expect("reads");
    let totals: Vec<_> = held
        .iter()
        .filter(|f| f.metric == Metric::TradeValue && f.period.label == "2021")
        .map(|f| (f.source.as_str(), f.value))
        .collect();
    assert_eq!(
        totals,
        [("Another office", 8.45e8), ("Test customs", 8.6e8)]
    );
    assert_eq!(held.len(), 4);
    let export = held
        .iter()
        .find(|f| f.metric == Metric::ExportValue)
        .expect("the export");
    assert_eq!(export.pair.slug(), "KE-UG");
    assert_eq!(
        (
            export.period.start.to_string(),
            export.period.end.to_string()
        ),
        ("2021-01-01".to_owned(), "2021-12-31".to_owned())
    );
    assert!(store
        .reference(&Pair::sorted("KE", "TZ"))
        .await
        .expect("reads")
        .is_empty());
}
