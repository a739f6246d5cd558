//! Servers that removed the bot: the mark, and the removal of their data.

use streammaxing::{ids::GuildId, store::Db};

use crate::support::db::on_both_backends;
use crate::support::sf;
use crate::support::tw;

const GONE: i64 = 1_100_000_000_000_000_001;
const STAYS: i64 = 1_100_000_000_000_000_002;
const SHROUD: &str = "37402112";
const ONLY_GONE: &str = "71092938";

/// Rows of `guild` in every table that has a `guild_id` column, found from
/// the schema (so a table added later is checked too): (table, rows).
pub async fn rows_of_guild(db: &Db, guild: GuildId) -> Vec<(String, i64)> {
    let mut found = Vec::new();
    for (table, columns) in db.schema().await.expect("schema") {
        if !columns.iter().any(|c| c == "guild_id") {
            continue;
        }
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table} WHERE guild_id = $1"));
        let rows: i64 = match db {
            Db::Sqlite(pool) => sqlx::query_scalar(sql).bind(guild).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).bind(guild).fetch_one(pool).await,
        }
        .expect("count");
        found.push((table, rows));
    }
    found
}

/// Two servers following shroud, one of them also following a streamer
/// only it follows, with a member's preference and a template draft.
async fn two_servers(db: &Db) {
    for (id, login) in [(SHROUD, "shroud"), (ONLY_GONE, "xqc")] {
        let streamer = streammaxing::store::NewStreamer {
            twitch_id: &tw(id),
            login,
            display_name: login,
            avatar_url: None,
        };
        db.upsert_streamer(&streamer, 1).await.unwrap();
    }
    for guild in [GONE, STAYS] {
        db.ensure_guild(sf(guild), Some("A server"), 1)
            .await
            .unwrap();
        db.track_streamer(sf(guild), &tw(SHROUD), None, 1)
            .await
            .unwrap();
        db.set_notify_preference(sf(guild), sf(7), &tw(SHROUD), false, 1)
            .await
            .unwrap();
        db.save_template_draft(sf(guild), sf(7), None, None, "{}", 1)
            .await
            .unwrap();
    }
    db.track_streamer(sf(GONE), &tw(ONLY_GONE), None, 1)
        .await
        .unwrap();
    assert_eq!(
        db.enqueue_stream_online(&tw(SHROUD), "s-1", 1, 1)
            .await
            .unwrap(),
        2
    );
}

on_both_backends! {
    async fn a_server_is_marked_once_and_cleared_when_it_answers(db) {
        db.ensure_guild(sf(GONE), None, 1).await.unwrap();
        assert!(db.mark_guild_gone(sf(GONE), 1_000).await.unwrap());
        assert!(!db.mark_guild_gone(sf(GONE), 2_000).await.unwrap(), "the first mark's time stands");
        assert_eq!(db.guild_config(sf(GONE)).await.unwrap().unwrap().gone_since, Some(1_000));
        assert!(!db.mark_guild_gone(sf(STAYS), 1_000).await.unwrap(), "an unknown server is not marked");
        assert!(db.clear_guild_gone(sf(GONE)).await.unwrap());
        assert!(!db.clear_guild_gone(sf(GONE)).await.unwrap());
        assert_eq!(db.guild_config(sf(GONE)).await.unwrap().unwrap().gone_since, None);
    }

    async fn a_server_that_speaks_again_is_no_longer_marked(db) {
        db.ensure_guild(sf(GONE), None, 1).await.unwrap();
        db.mark_guild_gone(sf(GONE), 1_000).await.unwrap();
        // An interaction: the config still shows the mark it had, once.
        let seen = db.ensure_guild(sf(GONE), None, 2_000).await.unwrap();
        assert_eq!(seen.gone_since, Some(1_000));
        assert_eq!(db.guild_config(sf(GONE)).await.unwrap().unwrap().gone_since, None);
        // The bot added again (the install event names the server).
        db.mark_guild_gone(sf(GONE), 3_000).await.unwrap();
        db.ensure_guild(sf(GONE), Some("Back again"), 4_000).await.unwrap();
        assert_eq!(db.guild_config(sf(GONE)).await.unwrap().unwrap().gone_since, None);
    }

    async fn servers_gone_before_a_time_are_listed_longest_gone_first(db) {
        for guild in [GONE, STAYS, STAYS + 1] {
            db.ensure_guild(sf(guild), None, 1).await.unwrap();
        }
        db.mark_guild_gone(sf(STAYS), 500).await.unwrap();
        db.mark_guild_gone(sf(GONE), 1_000).await.unwrap();
        db.mark_guild_gone(sf(STAYS + 1), 5_000).await.unwrap();
        let gone: Vec<GuildId> = db.guilds_gone_before(1_000, 10).await.unwrap();
        assert_eq!(gone, [sf(STAYS), sf(GONE)]);
        assert_eq!(db.guilds_gone_before(1_000, 1).await.unwrap(), [sf(STAYS)]);
        assert!(db.guilds_gone_before(499, 10).await.unwrap().is_empty());
    }

    async fn removing_a_gone_server_takes_all_its_rows_and_nothing_else(db) {
        two_servers(&db).await;
        let before = rows_of_guild(&db, sf(GONE)).await;
        for table in ["guilds", "guild_config", "guild_streamers", "routes", "user_preferences", "template_drafts", "notification_log"] {
            assert!(before.iter().any(|(t, n)| t == table && *n > 0), "{table} has the server's rows: {before:?}");
        }
        let stays = rows_of_guild(&db, sf(STAYS)).await;

        // Not marked, or marked after the cutoff: nothing goes.
        assert_eq!(db.remove_gone_guild(sf(GONE), 10_000).await.unwrap(), None);
        db.mark_guild_gone(sf(GONE), 10_000).await.unwrap();
        assert_eq!(db.remove_gone_guild(sf(GONE), 9_999).await.unwrap(), None);
        assert_eq!(rows_of_guild(&db, sf(GONE)).await, before);

        let followed = db.remove_gone_guild(sf(GONE), 10_000).await.unwrap();
        assert_eq!(followed, Some(vec![tw(SHROUD), tw(ONLY_GONE)]));
        let after = rows_of_guild(&db, sf(GONE)).await;
        assert!(after.iter().all(|(_, n)| *n == 0), "{after:?}");
        assert_eq!(rows_of_guild(&db, sf(STAYS)).await, stays, "the other server keeps everything");
        assert_eq!(db.tracking_guild_count(&tw(SHROUD)).await.unwrap(), 1);
        assert_eq!(db.tracking_guild_count(&tw(ONLY_GONE)).await.unwrap(), 0);
        assert_eq!(db.remove_gone_guild(sf(GONE), 10_000).await.unwrap(), None, "already gone");
    }

    async fn erasing_servers_while_another_process_writes_never_fails(db) {
        // Each erase reads what the server followed, then deletes: on
        // SQLite a transaction that read first and then writes fails at
        // once if another connection committed in between, unless it took
        // the write lock up front.
        let other = db.another_process().await;
        let servers: Vec<i64> = (0..40).map(|i| GONE + 10 * i).collect();
        let shroud = streammaxing::store::NewStreamer { twitch_id: &tw(SHROUD), login: "shroud", display_name: "shroud", avatar_url: None };
        db.upsert_streamer(&shroud, 1).await.unwrap();
        for &guild in &servers {
            db.ensure_guild(sf(guild), None, 1).await.unwrap();
            db.track_streamer(sf(guild), &tw(SHROUD), None, 1).await.unwrap();
        }
        let writer = tokio::spawn(async move {
            for i in 0..200_i64 {
                other.ensure_guild(sf(STAYS + 10 * i), None, 1).await?;
                other.set_notify_preference(sf(STAYS + 10 * i), sf(7), &tw(SHROUD), true, 1).await?;
            }
            Ok::<_, sqlx::Error>(())
        });
        let erases = servers.iter().map(|&guild| db.forget_guild(sf(guild)));
        for (guild, erased) in servers.iter().zip(futures_util::future::join_all(erases).await) {
            assert_eq!(erased.unwrap_or_else(|e| panic!("erasing {guild}: {e}")), Some(vec![tw(SHROUD)]));
        }
        writer.await.unwrap().expect("the other process's writes");
    }
}
