//! Typed ids. A Discord snowflake carries what it names in its type
//! (`GuildId`, `UserId`, `ChannelId`, `RoleId`, `MessageId`, `WebhookId`), so passing a
//! user where a guild belongs no longer compiles; it converts to
//! twilight's `Id<M>` for Discord calls and is stored as a 64-bit integer
//! on both backends. A Twitch user id is a [`TwitchUserId`], never a bare
//! string that a login or a stream id could stand in for.

use std::{fmt, hash::Hash};

use twilight_model::id::{
    Id,
    marker::{ChannelMarker, GuildMarker, MessageMarker, RoleMarker, UserMarker, WebhookMarker},
};

pub type GuildId = Snowflake<GuildMarker>;
pub type UserId = Snowflake<UserMarker>;
pub type ChannelId = Snowflake<ChannelMarker>;
pub type RoleId = Snowflake<RoleMarker>;
pub type MessageId = Snowflake<MessageMarker>;
pub type WebhookId = Snowflake<WebhookMarker>;

/// A Discord id of the kind `M` names (never 0).
#[repr(transparent)]
pub struct Snowflake<M>(Id<M>);

impl<M> Snowflake<M> {
    /// `None` for 0, which no Discord object has.
    pub const fn new(value: u64) -> Option<Self> {
        match Id::new_checked(value) {
            Some(id) => Some(Self(id)),
            None => None,
        }
    }

    pub const fn get(self) -> u64 {
        self.0.get()
    }

    /// As twilight names it, for a Discord call.
    pub const fn id(self) -> Id<M> {
        self.0
    }

    /// As the database stores it (snowflakes fit in 63 bits until 2084).
    pub fn to_i64(self) -> i64 {
        i64::try_from(self.get()).unwrap_or(i64::MAX)
    }

    pub fn from_i64(value: i64) -> Option<Self> {
        u64::try_from(value).ok().and_then(Self::new)
    }
}

impl<M> From<Id<M>> for Snowflake<M> {
    fn from(id: Id<M>) -> Self {
        Self(id)
    }
}

impl<M> From<Snowflake<M>> for Id<M> {
    fn from(id: Snowflake<M>) -> Self {
        id.0
    }
}

impl<M> Clone for Snowflake<M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for Snowflake<M> {}

impl<M> PartialEq for Snowflake<M> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<M> Eq for Snowflake<M> {}

impl<M> PartialOrd for Snowflake<M> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<M> Ord for Snowflake<M> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

impl<M> Hash for Snowflake<M> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<M> fmt::Debug for Snowflake<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// The number, as Discord writes it in mentions and links.
impl<M> fmt::Display for Snowflake<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl<M> std::str::FromStr for Snowflake<M> {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Id::from_str(s).map(Self::from)
    }
}

/// Serialized as Discord does: a string of digits.
impl<M> serde::Serialize for Snowflake<M> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, M> serde::Deserialize<'de> for Snowflake<M> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Id::deserialize(d).map(Self::from)
    }
}

impl<M, DB: sqlx::Database> sqlx::Type<DB> for Snowflake<M>
where
    i64: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <i64 as sqlx::Type<DB>>::type_info()
    }
    fn compatible(ty: &DB::TypeInfo) -> bool {
        <i64 as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'q, M, DB: sqlx::Database> sqlx::Encode<'q, DB> for Snowflake<M>
where
    i64: sqlx::Encode<'q, DB>,
{
    fn encode_by_ref(
        &self,
        buf: &mut DB::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        let value = i64::try_from(self.get())?;
        <i64 as sqlx::Encode<'q, DB>>::encode(value, buf)
    }
}

impl<'r, M, DB: sqlx::Database> sqlx::Decode<'r, DB> for Snowflake<M>
where
    i64: sqlx::Decode<'r, DB>,
{
    fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let value = <i64 as sqlx::Decode<'r, DB>>::decode(value)?;
        Self::from_i64(value).ok_or_else(|| format!("{value} is not a Discord id").into())
    }
}

/// A Twitch user (broadcaster) id, as Twitch sends it: a string of digits.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    sqlx::Type,
)]
#[serde(transparent)]
#[sqlx(transparent)]
pub struct TwitchUserId(String);

impl TwitchUserId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TwitchUserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl AsRef<str> for TwitchUserId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for TwitchUserId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

impl From<String> for TwitchUserId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl PartialEq<str> for TwitchUserId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TwitchUserId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_keeps_its_number_and_refuses_zero() {
        let guild = GuildId::new(1_100_000_000_000_000_001).expect("non-zero");
        assert_eq!(guild.get(), 1_100_000_000_000_000_001);
        assert_eq!(guild.to_string(), "1100000000000000001");
        assert_eq!(GuildId::from_i64(guild.to_i64()), Some(guild));
        assert_eq!(GuildId::new(0), None);
        assert_eq!(GuildId::from_i64(-1), None);
        let json = serde_json::to_string(&guild).expect("serialize");
        assert_eq!(json, "\"1100000000000000001\"");
        assert_eq!(
            serde_json::from_str::<GuildId>(&json).expect("parse"),
            guild
        );
    }
}
