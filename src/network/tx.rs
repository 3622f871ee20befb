//! The write transaction the rules get: every change the in-memory state mirrors goes through
//! here and is recorded, so memory cannot miss one.
//!
//! The rules hold a [`Writing`], never the store's transaction itself. It dereferences to the
//! store's plain [`WriteTx`] (invitations, tags… nothing memory keeps), while the changes
//! memory mirrors — connections, bans, erasure, names, limits, settings, profiles — are methods
//! of this type alone, each of which records its [`Change`]. The network applies the recorded
//! changes after the commit, and only then (see `Network::write`).

use std::ops::{Deref, DerefMut};

use super::changes::Change;
use super::port::{StoreError, StoreTx, WriteTx};
use super::{GuildId, GuildLimits, MemberId, MemberNames, MemberSettings, Profile, Tag, Timestamp};

pub(crate) struct Writing<'w> {
    tx: &'w mut (dyn StoreTx + 'w),
    changes: Vec<Change>,
}

impl<'w> Writing<'w> {
    pub(super) fn new(tx: &'w mut (dyn StoreTx + 'w)) -> Self {
        Self {
            tx,
            changes: Vec::new(),
        }
    }

    /// What memory must apply once the transaction commits, in order.
    pub(super) fn into_changes(self) -> Vec<Change> {
        self.changes
    }

    /// Adds `owner`'s tag on `peer` (one already there, in any case, changes nothing); true if
    /// added.
    pub(crate) async fn insert_tag(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let added = self.tx.insert_tag(guild, owner, peer, tag, now).await?;
        if added {
            self.changes.push(Change::Tagged {
                owner,
                peer,
                tag: tag.clone(),
            });
        }
        Ok(added)
    }

    /// Removes `owner`'s tag on `peer` (in any case); false if there was none.
    pub(crate) async fn delete_tag(
        &mut self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &Tag,
    ) -> Result<bool, StoreError> {
        let removed = self.tx.delete_tag(guild, owner, peer, tag).await?;
        if removed {
            self.changes.push(Change::Untagged {
                owner,
                peer,
                tag: tag.clone(),
            });
        }
        Ok(removed)
    }

    /// Connects `a` and `b` (both sides) as of `since`.
    pub(crate) async fn insert_connection(
        &mut self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        self.tx.insert_connection(guild, a, b, since).await?;
        self.changes.push(Change::Connected(a, b, since));
        Ok(())
    }

    /// Removes the connection that began at `since`, which the caller has read stands.
    pub(crate) async fn delete_connection(
        &mut self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        since: Timestamp,
    ) -> Result<(), StoreError> {
        self.tx.delete_connection(guild, a, b, since).await?;
        self.changes.push(Change::Disconnected(a, b));
        Ok(())
    }

    /// Bans the member; false if they already were.
    pub(crate) async fn ban(
        &mut self,
        guild: GuildId,
        member: MemberId,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let banned = self.tx.set_banned(guild, member, Some(now)).await?;
        if banned {
            self.changes.push(Change::Banned(member));
        }
        Ok(banned)
    }

    /// Unbans the member; false if they were not banned.
    pub(crate) async fn unban(
        &mut self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<bool, StoreError> {
        let unbanned = self.tx.set_banned(guild, member, None).await?;
        if unbanned {
            let peers = self.tx.peers_of(guild, member).await?;
            self.changes.push(Change::Unbanned { member, peers });
        }
        Ok(unbanned)
    }

    /// Erases the member's own data (see [`super::port::MirroredWrites::erase_member`]).
    pub(crate) async fn erase_member(
        &mut self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<bool, StoreError> {
        let erased = self.tx.erase_member(guild, member).await?;
        self.changes.push(Change::Erased(member));
        Ok(erased)
    }

    pub(crate) async fn record_names(
        &mut self,
        guild: GuildId,
        member: MemberId,
        names: MemberNames,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.tx.record_names(guild, member, &names, now).await?;
        self.changes.push(Change::Named(member, names));
        Ok(())
    }

    pub(crate) async fn store_limits(
        &mut self,
        guild: GuildId,
        limits: GuildLimits,
    ) -> Result<(), StoreError> {
        self.tx.store_limits(guild, limits).await?;
        self.changes.push(Change::Limits(limits));
        Ok(())
    }
}

impl Writing<'_> {
    pub(crate) async fn store_settings(
        &mut self,
        guild: GuildId,
        member: MemberId,
        settings: MemberSettings,
    ) -> Result<(), StoreError> {
        self.tx.store_settings(guild, member, settings).await?;
        self.changes.push(Change::ProfileVisibility {
            member,
            visibility: settings.profile_visibility,
        });
        Ok(())
    }

    /// Replaces the member's profile (`None`: clears it); their member row exists.
    pub(crate) async fn store_profile(
        &mut self,
        guild: GuildId,
        member: MemberId,
        profile: Option<Profile>,
    ) -> Result<(), StoreError> {
        self.tx
            .store_profile(guild, member, profile.as_ref())
            .await?;
        self.changes.push(Change::Profile { member, profile });
        Ok(())
    }
}

impl<'w> Deref for Writing<'w> {
    type Target = dyn WriteTx + 'w;

    fn deref(&self) -> &Self::Target {
        &*self.tx
    }
}

impl<'w> DerefMut for Writing<'w> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut *self.tx
    }
}
