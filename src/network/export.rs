//! `/mydata export`: everything the bot holds about a member in a server, as JSON-ready values.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{
    GuildId, InvitePolicy, MemberId, MemberNames, MemberSettings, Network, NetworkError, Profile,
    Timestamp,
};

/// A member's own records, as a store reads them for an export; the network assembles the
/// export from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRecords {
    pub names: Option<MemberNames>,
    pub settings: MemberSettings,
    /// Every tag the member put on anyone, by peer, then tag.
    pub tags: Vec<(MemberId, String)>,
    /// The member's connections, newest first: (peer, since, the peer's names).
    pub connections: Vec<(MemberId, Timestamp, Option<MemberNames>)>,
    pub invitations_sent: Vec<ExportedInvitation>,
    pub invitations_received: Vec<ExportedInvitation>,
    pub members_you_removed: Vec<ExportedMark>,
    pub members_you_blocked: Vec<ExportedMark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberExport {
    pub server_id: u64,
    pub member_id: u64,
    pub exported_unix_ms: i64,
    /// The names the bot last saw for you here.
    pub names: Option<MemberNames>,
    pub settings: ExportedSettings,
    /// Your professional profile here, if you filled one in.
    pub profile: Option<ExportedProfile>,
    /// The language your Discord client last used here (what DMs from this server are
    /// written in).
    pub language_last_seen: Option<String>,
    pub connections: Vec<ExportedConnection>,
    /// Your tags on members you are no longer connected to: kept so that they come back with
    /// a restored connection.
    pub tags_on_past_connections: Vec<ExportedTags>,
    pub invitations_sent: Vec<ExportedInvitation>,
    pub invitations_received: Vec<ExportedInvitation>,
    /// Connections you removed (they can't invite you until you re-invite them).
    pub members_you_removed: Vec<ExportedMark>,
    /// Members you said you don't know (they can't invite you).
    pub members_you_blocked: Vec<ExportedMark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedSettings {
    pub invitations_from: &'static str,
    pub auto_accept: bool,
    pub dm_notifications: bool,
    pub profile_visible_to: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedProfile {
    pub headline: Option<String>,
    pub about: Option<String>,
    pub skills: Vec<String>,
    pub links: Vec<String>,
    pub open_to: Vec<&'static str>,
    pub updated_unix_ms: i64,
}

impl From<Profile> for ExportedProfile {
    fn from(profile: Profile) -> Self {
        Self {
            headline: profile.headline,
            about: profile.about,
            skills: profile
                .skills
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            links: profile
                .links
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect(),
            open_to: profile.open_to.iter().map(|o| o.as_str()).collect(),
            updated_unix_ms: profile.updated_at.unix_millis(),
        }
    }
}

impl From<MemberSettings> for ExportedSettings {
    fn from(settings: MemberSettings) -> Self {
        Self {
            invitations_from: InvitePolicy::as_str(settings.invite_policy),
            auto_accept: settings.auto_accept,
            dm_notifications: settings.dm_notifications,
            profile_visible_to: settings.profile_visibility.as_str(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedConnection {
    pub member_id: u64,
    pub names: Option<MemberNames>,
    pub connected_since_unix_ms: i64,
    pub your_tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedTags {
    pub member_id: u64,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedInvitation {
    /// The other member: whom you invited, or who invited you.
    pub member_id: u64,
    pub note: Option<String>,
    pub sent_unix_ms: i64,
    /// Whether you ignored it (invitations you received only).
    pub ignored: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedMark {
    pub member_id: u64,
    pub at_unix_ms: i64,
}

impl Network {
    /// Everything the bot holds about `member` in this server that is theirs to see.
    pub async fn export(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<MemberExport, NetworkError> {
        self.read(move |tx, now| {
            Box::pin(async move {
                let records = tx.member_records(guild, member).await?;
                let profile = tx.profile(guild, member).await?;
                let (language, _) = tx.locales(guild, member).await?;
                let mut export = assemble(guild, member, now, records, profile);
                export.language_last_seen = language;
                Ok(export)
            })
        })
        .await
    }
}

/// The export from the member's records. Others' records about them (who removed or blocked
/// them, who reported them) are not theirs to see, and no store reads them for this.
fn assemble(
    guild: GuildId,
    member: MemberId,
    now: Timestamp,
    records: MemberRecords,
    profile: Option<Profile>,
) -> MemberExport {
    // Tags on current connections go with them; the rest are on past connections (kept in
    // case a connection is restored).
    let mut tags: BTreeMap<MemberId, Vec<String>> = BTreeMap::new();
    for (peer, tag) in records.tags {
        tags.entry(peer).or_default().push(tag);
    }
    let connections = records
        .connections
        .into_iter()
        .map(|(peer, since, names)| ExportedConnection {
            member_id: peer.get(),
            names,
            connected_since_unix_ms: since.unix_millis(),
            your_tags: tags.remove(&peer).unwrap_or_default(),
        })
        .collect();
    MemberExport {
        server_id: guild.get(),
        member_id: member.get(),
        exported_unix_ms: now.unix_millis(),
        names: records.names,
        settings: records.settings.into(),
        profile: profile.map(ExportedProfile::from),
        language_last_seen: None,
        connections,
        tags_on_past_connections: tags
            .into_iter()
            .map(|(peer, tags)| ExportedTags {
                member_id: peer.get(),
                tags,
            })
            .collect(),
        invitations_sent: records.invitations_sent,
        invitations_received: records.invitations_received,
        members_you_removed: records.members_you_removed,
        members_you_blocked: records.members_you_blocked,
    }
}
