//! No change log: one process alone writes an SQLite file (a second is refused at start), so
//! its memory hears of every write from the write itself.

use super::SqliteTx;
use crate::network::port::StoreError;
use crate::network::{Change, GuildId, LoggedWrite};

impl SqliteTx<'_> {
    pub fn last_change(&self, _guild: GuildId) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }

    pub fn request_last_change(&self, _guild: GuildId) -> Result<(), StoreError> {
        Ok(())
    }

    /// Nothing is ever logged, so nothing is missing.
    pub fn changes_after(
        &self,
        _guild: GuildId,
        _after: u64,
    ) -> Result<Option<Vec<LoggedWrite>>, StoreError> {
        Ok(Some(Vec::new()))
    }

    /// Never called: the network logs writes only where `last_change` gives a number.
    pub fn publish_changes(
        &self,
        _guild: GuildId,
        _seq: u64,
        _changes: &[Change],
    ) -> Result<(), StoreError> {
        Ok(())
    }
}
