//! `connections`: one row per side of each connection.

use crate::network::port::{CONNECTION_BATCH, StoreError};
use crate::network::{GuildId, MemberId, Timestamp};
use crate::store::postgres::PgTx;
use crate::store::postgres::pipeline::owned;

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

    pub async fn all_connections(
        &self,
        guild: GuildId,
        batch: &mut (dyn FnMut(Vec<(MemberId, MemberId, Timestamp)>) + Send),
    ) -> Result<(), StoreError> {
        let mut filling = Vec::with_capacity(CONNECTION_BATCH);
        self.each_row(
            "SELECT user_id, peer_id, since_ms FROM connections
              WHERE guild_id = $1 AND user_id < peer_id",
            &[&guild],
            |row| {
                filling.push((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?));
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
    ) -> Result<Vec<(MemberId, Timestamp)>, StoreError> {
        self.all(
            "SELECT peer_id, since_ms FROM connections WHERE guild_id = $1 AND user_id = $2",
            &[&guild, &member],
            |row| Ok((row.try_get(0)?, row.try_get(1)?)),
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
