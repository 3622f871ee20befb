//! The facts a write path decides on, read in one call. SQLite answers each lookup in
//! microseconds in-process, so these are the single lookups in a row; what matters to the rules
//! is that they arrive together (PostgreSQL reads them in one round trip).

use crate::network::port::StoreError;
use crate::network::{AcceptanceFacts, GuildId, InvitationFacts, MemberId, Timestamp};
use crate::store::sqlite::SqliteTx;

impl SqliteTx<'_> {
    pub fn invitation_facts(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
        now: Timestamp,
        window_start: Timestamp,
    ) -> Result<InvitationFacts, StoreError> {
        let inviter_record = self.ensure_member(guild, inviter, now)?;
        let invitee_record = self.ensure_member(guild, invitee, now)?;
        let invitability = self
            .invitability(guild, inviter, &[invitee])?
            .pop()
            .ok_or_else(|| StoreError::corrupt("no answer about the invitee"))?;
        // Both lookups only when one of them is pending (rarely): the either-way answer says.
        let (already_invited, invited_back) = if invitability.pending_either_way {
            (
                self.has_invitation(guild, inviter, invitee)?,
                self.has_invitation(guild, invitee, inviter)?,
            )
        } else {
            (false, false)
        };
        Ok(InvitationFacts {
            inviter: inviter_record,
            invitee: invitee_record,
            already_invited,
            invited_back,
            invitability,
            sends_in_window: self.sends_after(guild, inviter, window_start)?,
            removed_connection: self.removed_connection_between(guild, inviter, invitee)?,
        })
    }

    pub fn acceptance_facts(
        &self,
        guild: GuildId,
        inviter: MemberId,
        invitee: MemberId,
    ) -> Result<AcceptanceFacts, StoreError> {
        let invitation_stands = self.has_invitation(guild, inviter, invitee)?;
        // A refused accept reads nothing more.
        if !invitation_stands {
            return Ok(AcceptanceFacts {
                invitation_stands,
                inviter_settings: Default::default(),
                removed_connection: None,
            });
        }
        Ok(AcceptanceFacts {
            invitation_stands,
            inviter_settings: self.settings(guild, inviter)?,
            removed_connection: self.removed_connection_between(guild, inviter, invitee)?,
        })
    }

    /// When the connection between `a` and `b` that one of them removed began, if one did
    /// (only one can have: a removal ends the connection; the earliest is the original anyway).
    fn removed_connection_between(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
    ) -> Result<Option<Timestamp>, StoreError> {
        let one_way = self.removed_connection_since(guild, a, b)?;
        let other_way = self.removed_connection_since(guild, b, a)?;
        Ok(one_way.into_iter().chain(other_way).min())
    }
}
