//! Discord's global budget in the database: processes that book slots never
//! get the same one, a full budget books nothing, a global 429 pauses all.

use std::time::Duration;

use streammaxing::store::Booking;

use crate::support::db::on_both_backends;

const SECOND: Duration = Duration::from_secs(1);
const LONG: Duration = Duration::from_secs(600);

fn first_in(booking: Booking) -> Duration {
    match booking {
        Booking::Booked { first_in } => first_in,
        Booking::Full { free_in } => panic!("expected slots, the budget is full for {free_in:?}"),
    }
}

on_both_backends! {
    async fn bookings_follow_each_other_and_never_share_a_slot(db) {
        // Three one-second slots, then the next booking starts after them.
        let first = first_in(db.book_discord_slots("bot-a", 3, SECOND, LONG).await.unwrap());
        assert!(first < SECOND, "an idle budget books from now: {first:?}");
        let second = first_in(db.book_discord_slots("bot-a", 1, SECOND, LONG).await.unwrap());
        assert!(second > 2 * SECOND && second <= 3 * SECOND, "after the three booked: {second:?}");
        let third = first_in(db.book_discord_slots("bot-a", 2, SECOND, LONG).await.unwrap());
        assert!(third > 3 * SECOND && third <= 4 * SECOND, "{third:?}");
        // Another bot token has a budget of its own.
        let other = first_in(db.book_discord_slots("bot-b", 1, SECOND, LONG).await.unwrap());
        assert!(other < SECOND, "{other:?}");
    }

    async fn a_booking_further_away_than_the_caller_waits_books_nothing(db) {
        first_in(db.book_discord_slots("bot-a", 10, SECOND, LONG).await.unwrap());
        match db.book_discord_slots("bot-a", 1, SECOND, Duration::from_secs(5)).await.unwrap() {
            Booking::Full { free_in } => assert!(free_in > 8 * SECOND && free_in <= 10 * SECOND, "{free_in:?}"),
            booked => panic!("booked past the wait: {booked:?}"),
        }
        // Nothing was taken: the next free slot is still where it was.
        let next = first_in(db.book_discord_slots("bot-a", 1, SECOND, LONG).await.unwrap());
        assert!(next > 8 * SECOND && next <= 10 * SECOND, "{next:?}");
    }

    async fn a_global_pause_holds_every_booking_back(db) {
        db.pause_discord_budget("bot-a", 30 * SECOND).await.unwrap();
        assert!(matches!(
            db.book_discord_slots("bot-a", 1, SECOND, Duration::from_secs(5)).await.unwrap(),
            Booking::Full { free_in } if free_in > 29 * SECOND
        ));
        // A shorter pause never shortens a longer one.
        db.pause_discord_budget("bot-a", SECOND).await.unwrap();
        let after = first_in(db.book_discord_slots("bot-a", 1, SECOND, LONG).await.unwrap());
        assert!(after > 29 * SECOND, "{after:?}");
    }

    async fn concurrent_bookings_get_distinct_slots(db) {
        let db = std::sync::Arc::new(db);
        let started = std::time::Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let db = db.clone();
            tasks.spawn(async move {
                let booked = first_in(db.book_discord_slots("bot-a", 1, SECOND, LONG).await.unwrap());
                // Where the slot falls, counted from the common start.
                started.elapsed() + booked
            });
        }
        let mut slots: Vec<Duration> = tasks.join_all().await;
        slots.sort();
        for pair in slots.windows(2) {
            assert!(pair[1] - pair[0] > SECOND / 2, "two bookings a second apart at most: {slots:?}");
        }
    }
}
