//! `delegate!`: a store implements the port by giving its transaction type inherent methods
//! with the port's names and signatures (plain `fn` for a store that answers at once, `async
//! fn` for one that answers over the network); this macro writes the three trait impls that
//! forward to them, so the list of methods lives in one place beside the traits.
//!
//! Generated from `port.rs`'s trait definitions; a method added there and not here fails to
//! compile (the impls would be incomplete).

#[macro_export]
#[doc(hidden)]
macro_rules! __port_delegate {
    (@call sync $call:expr) => { $call };
    (@call async $call:expr) => { $call.await };
    ($mode:ident $ty:ty) => {
        #[async_trait::async_trait]
        impl $crate::network::port::ReadTx for $ty {
            async fn pin_snapshot(&mut self) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::pin_snapshot(self))
            }
            async fn connected_since(&mut self, guild: $crate::network::GuildId, a: $crate::network::MemberId, b: $crate::network::MemberId) -> std::result::Result<Option<$crate::network::Timestamp>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::connected_since(self, guild, a, b))
            }
            async fn all_connections(&mut self, guild: $crate::network::GuildId, batch: &mut (dyn FnMut(Vec<($crate::network::MemberId, $crate::network::MemberId, $crate::network::Timestamp)>) + Send)) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::all_connections(self, guild, batch))
            }
            async fn all_tags(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Vec<($crate::network::MemberId, $crate::network::MemberId, $crate::network::Tag)>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::all_tags(self, guild))
            }
            async fn peers_of(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<Vec<($crate::network::MemberId, $crate::network::Timestamp)>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::peers_of(self, guild, member))
            }
            async fn settings(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<$crate::network::MemberSettings, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::settings(self, guild, member))
            }
            async fn all_member_names(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Vec<($crate::network::MemberId, $crate::network::MemberNames)>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::all_member_names(self, guild))
            }
            async fn banned_members(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Vec<$crate::network::MemberId>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::banned_members(self, guild))
            }
            async fn all_profiles(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Vec<($crate::network::MemberId, $crate::network::Profile)>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::all_profiles(self, guild))
            }
            async fn hidden_profiles(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Vec<$crate::network::MemberId>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::hidden_profiles(self, guild))
            }
            async fn profile(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<Option<$crate::network::Profile>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::profile(self, guild, member))
            }
            async fn locales(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<(Option<String>, Option<String>), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::locales(self, guild, member))
            }
            async fn limits(&mut self, guild: $crate::network::GuildId) -> std::result::Result<$crate::network::GuildLimits, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::limits(self, guild))
            }
            async fn has_invitation(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::has_invitation(self, guild, inviter, invitee))
            }
            async fn invitations_page(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, side: $crate::network::InvitationSide, page: $crate::network::PageRequest) -> std::result::Result<$crate::network::Page<$crate::network::InvitationEntry>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::invitations_page(self, guild, member, side, page))
            }
            async fn invitation_count(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, side: $crate::network::InvitationSide) -> std::result::Result<u32, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::invitation_count(self, guild, member, side))
            }
            async fn sends_after(&mut self, guild: $crate::network::GuildId, sender: $crate::network::MemberId, since: $crate::network::Timestamp) -> std::result::Result<u32, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::sends_after(self, guild, sender, since))
            }
            async fn nth_send_after(&mut self, guild: $crate::network::GuildId, sender: $crate::network::MemberId, since: $crate::network::Timestamp, nth: u32) -> std::result::Result<Option<$crate::network::Timestamp>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::nth_send_after(self, guild, sender, since, nth))
            }
            async fn invitability(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitees: &[$crate::network::MemberId]) -> std::result::Result<Vec<$crate::network::Invitability>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::invitability(self, guild, inviter, invitees))
            }
            async fn last_withdrawal(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId) -> std::result::Result<Option<$crate::network::Timestamp>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::last_withdrawal(self, guild, inviter, invitee))
            }
            async fn acceptance_facts(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId) -> std::result::Result<$crate::network::AcceptanceFacts, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::acceptance_facts(self, guild, inviter, invitee))
            }
            async fn removed_connection_since(&mut self, guild: $crate::network::GuildId, remover: $crate::network::MemberId, removed: $crate::network::MemberId) -> std::result::Result<Option<$crate::network::Timestamp>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::removed_connection_since(self, guild, remover, removed))
            }
            async fn is_blocked(&mut self, guild: $crate::network::GuildId, blocker: $crate::network::MemberId, blocked: $crate::network::MemberId) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::is_blocked(self, guild, blocker, blocked))
            }
            async fn reports_since(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, since: $crate::network::Timestamp) -> std::result::Result<u32, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::reports_since(self, guild, member, since))
            }
            async fn report_queue(&mut self, guild: $crate::network::GuildId, since: $crate::network::Timestamp) -> std::result::Result<Vec<$crate::network::ReportedMember>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::report_queue(self, guild, since))
            }
            async fn audit_log(&mut self, guild: $crate::network::GuildId, limit: u32) -> std::result::Result<Vec<($crate::network::MemberId, String, $crate::network::MemberId, $crate::network::Timestamp)>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::audit_log(self, guild, limit))
            }
            async fn tags(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, peer: $crate::network::MemberId) -> std::result::Result<Vec<$crate::network::Tag>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::tags(self, guild, owner, peer))
            }
            async fn tags_in_use(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, prefix: &str, limit: u32) -> std::result::Result<Vec<$crate::network::Tag>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::tags_in_use(self, guild, owner, prefix, limit))
            }
            async fn saved_filter(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, id: u64) -> std::result::Result<Option<$crate::network::ConnectionFilter>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::saved_filter(self, guild, owner, id))
            }
            async fn saved_search(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, id: u64) -> std::result::Result<Option<$crate::network::PeopleFilter>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::saved_search(self, guild, owner, id))
            }
            async fn member_records(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<$crate::network::MemberRecords, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::member_records(self, guild, member))
            }
            async fn stats_figures(&mut self, guild: $crate::network::GuildId, week_ago: $crate::network::Timestamp) -> std::result::Result<$crate::network::StatsFigures, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::stats_figures(self, guild, week_ago))
            }
            async fn invitation_weeks(&mut self, guild: $crate::network::GuildId, since: $crate::network::Timestamp) -> std::result::Result<Vec<$crate::network::InvitationWeek>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::invitation_weeks(self, guild, since))
            }
            async fn last_change(&mut self, guild: $crate::network::GuildId) -> std::result::Result<Option<u64>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::last_change(self, guild))
            }
            async fn changes_after(&mut self, guild: $crate::network::GuildId, after: u64) -> std::result::Result<Option<Vec<$crate::network::LoggedWrite>>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::changes_after(self, guild, after))
            }
        }
        #[async_trait::async_trait]
        impl $crate::network::port::WriteTx for $ty {
            async fn request_last_change(&mut self, guild: $crate::network::GuildId) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::request_last_change(self, guild))
            }
            async fn ensure_member(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<$crate::network::MemberRecord, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::ensure_member(self, guild, member, now))
            }
            async fn add_member_if_missing(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::add_member_if_missing(self, guild, member, now))
            }
            async fn invitation_facts(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId, now: $crate::network::Timestamp, window_start: $crate::network::Timestamp) -> std::result::Result<$crate::network::InvitationFacts, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::invitation_facts(self, guild, inviter, invitee, now, window_start))
            }
            async fn insert_invitation(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId, note: Option<&$crate::network::Note>, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::insert_invitation(self, guild, inviter, invitee, note, now))
            }
            async fn delete_invitation(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::delete_invitation(self, guild, inviter, invitee))
            }
            async fn delete_invitations_of(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::delete_invitations_of(self, guild, member))
            }
            async fn mark_ignored(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<Option<bool>, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::mark_ignored(self, guild, inviter, invitee, now))
            }
            async fn count_invitations(&mut self, guild: $crate::network::GuildId, week: $crate::network::InvitationWeek) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::count_invitations(self, guild, week))
            }
            async fn record_send(&mut self, guild: $crate::network::GuildId, sender: $crate::network::MemberId, now: $crate::network::Timestamp, forget_before: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_send(self, guild, sender, now, forget_before))
            }
            async fn record_withdrawal(&mut self, guild: $crate::network::GuildId, inviter: $crate::network::MemberId, invitee: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_withdrawal(self, guild, inviter, invitee, now))
            }
            async fn record_removal(&mut self, guild: $crate::network::GuildId, remover: $crate::network::MemberId, removed: $crate::network::MemberId, connected_since: $crate::network::Timestamp, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_removal(self, guild, remover, removed, connected_since, now))
            }
            async fn lift_removals(&mut self, guild: $crate::network::GuildId, a: $crate::network::MemberId, b: $crate::network::MemberId) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::lift_removals(self, guild, a, b))
            }
            async fn insert_block(&mut self, guild: $crate::network::GuildId, blocker: $crate::network::MemberId, blocked: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::insert_block(self, guild, blocker, blocked, now))
            }
            async fn insert_report(&mut self, guild: $crate::network::GuildId, reporter: $crate::network::MemberId, reported: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::insert_report(self, guild, reporter, reported, now))
            }
            async fn suspend(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::suspend(self, guild, member, now))
            }
            async fn restore(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::restore(self, guild, member, now))
            }
            async fn record_audit(&mut self, guild: $crate::network::GuildId, moderator: $crate::network::MemberId, action: $crate::network::AuditAction, subject: $crate::network::MemberId, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_audit(self, guild, moderator, action, subject, now))
            }
            async fn save_filter(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, filter: &$crate::network::ConnectionFilter, now: $crate::network::Timestamp, forget_before: $crate::network::Timestamp) -> std::result::Result<u64, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::save_filter(self, guild, owner, filter, now, forget_before))
            }
            async fn record_member_locale(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, locale: &str) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_member_locale(self, guild, member, locale))
            }
            async fn record_guild_locale(&mut self, guild: $crate::network::GuildId, locale: &str) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_guild_locale(self, guild, locale))
            }
            async fn save_search(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, search: &$crate::network::PeopleFilter, now: $crate::network::Timestamp, forget_before: $crate::network::Timestamp) -> std::result::Result<u64, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::save_search(self, guild, owner, search, now, forget_before))
            }
        }
        #[async_trait::async_trait]
        impl $crate::network::port::MirroredWrites for $ty {
            async fn insert_tag(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, peer: $crate::network::MemberId, tag: &$crate::network::Tag, now: $crate::network::Timestamp) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::insert_tag(self, guild, owner, peer, tag, now))
            }
            async fn delete_tag(&mut self, guild: $crate::network::GuildId, owner: $crate::network::MemberId, peer: $crate::network::MemberId, tag: &$crate::network::Tag) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::delete_tag(self, guild, owner, peer, tag))
            }
            async fn insert_connection(&mut self, guild: $crate::network::GuildId, a: $crate::network::MemberId, b: $crate::network::MemberId, since: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::insert_connection(self, guild, a, b, since))
            }
            async fn delete_connection(&mut self, guild: $crate::network::GuildId, a: $crate::network::MemberId, b: $crate::network::MemberId, since: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::delete_connection(self, guild, a, b, since))
            }
            async fn set_banned(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, banned: Option<$crate::network::Timestamp>) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::set_banned(self, guild, member, banned))
            }
            async fn erase_member(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId) -> std::result::Result<bool, $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::erase_member(self, guild, member))
            }
            async fn record_names(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, names: &$crate::network::MemberNames, now: $crate::network::Timestamp) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::record_names(self, guild, member, names, now))
            }
            async fn store_settings(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, settings: $crate::network::MemberSettings) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::store_settings(self, guild, member, settings))
            }
            async fn store_profile(&mut self, guild: $crate::network::GuildId, member: $crate::network::MemberId, profile: Option<&$crate::network::Profile>) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::store_profile(self, guild, member, profile))
            }
            async fn store_limits(&mut self, guild: $crate::network::GuildId, limits: $crate::network::GuildLimits) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::store_limits(self, guild, limits))
            }
            async fn publish_changes(&mut self, guild: $crate::network::GuildId, seq: u64, changes: &[$crate::network::Change]) -> std::result::Result<(), $crate::network::port::StoreError> {
                $crate::network::port::delegate!(@call $mode <$ty>::publish_changes(self, guild, seq, changes))
            }
        }
    };
}
