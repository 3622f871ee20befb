//! `connections`: one row per side of each connection.

use std::sync::LazyLock;

use crate::network::port::{CONNECTION_BATCH, StoreError};
use crate::network::{GuildId, MemberId, PagePosition, Tag, Timestamp};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

/// The statement for a scan, by shape, as on SQLite: bit 0 backwards, bit 1 from a cursor,
/// bit 2 tag filter. Parameters: $1 guild, $2 member, $3 limit, then $4/$5 cursor (since,
/// peer) and the tag last. Conditions that do not apply are left out rather than written as
/// `$n IS NULL OR …`, so each shape gets a plan that follows `connections_newest_first`.
static SCAN_QUERIES: LazyLock<Vec<String>> = LazyLock::new(|| (0..8).map(scan_query).collect());

fn scan_query(shape: usize) -> String {
    let backwards = shape & 1 != 0;
    let cursor = shape & 2 != 0;
    let mut conditions = String::new();
    if cursor {
        conditions.push_str(if backwards {
            " AND (c.since_ms > $4 OR (c.since_ms = $4 AND c.peer_id < $5))"
        } else {
            " AND (c.since_ms < $4 OR (c.since_ms = $4 AND c.peer_id > $5))"
        });
    }
    if shape & 4 != 0 {
        let tag = if cursor { "$6" } else { "$4" };
        conditions.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM tags AS f WHERE f.guild_id = c.guild_id
                AND f.owner_id = c.user_id AND f.peer_id = c.peer_id
                AND ascii_lower(f.tag) = ascii_lower({tag}))"
        ));
    }
    let order = if backwards {
        "c.since_ms ASC, c.peer_id DESC"
    } else {
        "c.since_ms DESC, c.peer_id ASC"
    };
    format!(
        "SELECT c.peer_id, c.since_ms FROM connections AS c
          WHERE c.guild_id = $1 AND c.user_id = $2{conditions}
          ORDER BY {order} LIMIT $3"
    )
}

impl PgTx<'_> {
    pub async fn connected_since(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        self.one(
            "SELECT since_ms FROM connections
              WHERE guild_id = $1 AND user_id = $2 AND peer_id = $3",
            &[&guild, &a, &b],
            |row| row.try_get(0),
        )
        .await
    }

    pub async fn scan_connections(
        &self,
        guild: GuildId,
        member: MemberId,
        from: PagePosition,
        tag: Option<&Tag>,
        limit: u32,
    ) -> Result<Vec<(MemberId, Timestamp)>, StoreError> {
        let (backwards, cursor) = match from {
            PagePosition::First => (false, None),
            PagePosition::After(cursor) => (false, Some(cursor)),
            PagePosition::Before(cursor) => (true, Some(cursor)),
        };
        let shape = usize::from(backwards)
            | usize::from(cursor.is_some()) << 1
            | usize::from(tag.is_some()) << 2;
        let limit = i64::from(limit);
        let tag = tag.map(Tag::as_str);
        let sql = &SCAN_QUERIES[shape];
        let map = |row: &tokio_postgres::Row| Ok((row.try_get(0)?, row.try_get(1)?));
        match (cursor, tag) {
            (None, None) => self.all(sql, &[&guild, &member, &limit], map).await,
            (None, Some(tag)) => self.all(sql, &[&guild, &member, &limit, &tag], map).await,
            (Some(c), None) => {
                let params: [&(dyn tokio_postgres::types::ToSql + Sync); 5] =
                    [&guild, &member, &limit, &c.since, &c.peer];
                self.all(sql, &params, map).await
            }
            (Some(c), Some(tag)) => {
                let params: [&(dyn tokio_postgres::types::ToSql + Sync); 6] =
                    [&guild, &member, &limit, &c.since, &c.peer, &tag];
                self.all(sql, &params, map).await
            }
        }
    }

    pub async fn all_connections(
        &self,
        guild: GuildId,
        batch: &mut (dyn FnMut(Vec<(MemberId, MemberId)>) + Send),
    ) -> Result<(), StoreError> {
        let mut filling = Vec::with_capacity(CONNECTION_BATCH);
        self.each_row(
            "SELECT user_id, peer_id FROM connections WHERE guild_id = $1 AND user_id < peer_id",
            &[&guild],
            |row| {
                filling.push((row.try_get(0)?, row.try_get(1)?));
                if filling.len() == CONNECTION_BATCH {
                    batch(std::mem::replace(
                        &mut filling,
                        Vec::with_capacity(CONNECTION_BATCH),
                    ));
                }
                Ok(())
            },
        )
        .await?;
        batch(filling);
        Ok(())
    }

    pub async fn peers_of(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Vec<MemberId>, StoreError> {
        self.all(
            "SELECT peer_id FROM connections WHERE guild_id = $1 AND user_id = $2",
            &[&guild, &member],
            |row| row.try_get(0),
        )
        .await
    }

    pub async fn insert_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        // Both sides in one statement (one round trip); the mirror key is checked at commit.
        self.queue(
            "INSERT INTO connections (guild_id, user_id, peer_id, since_ms)
             VALUES ($1, $2, $3, $4), ($1, $3, $2, $4)",
            owned![guild, a, b, since],
        );
        Ok(())
    }

    pub async fn delete_connection(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        self.queue(
            "DELETE FROM connections
              WHERE guild_id = $1 AND since_ms = $4
                AND ((user_id = $2 AND peer_id = $3) OR (user_id = $3 AND peer_id = $2))",
            owned![guild, a, b, since],
        );
        Ok(())
    }
}
