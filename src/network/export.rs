//! `/mydata export`: everything the bot holds about a member in a server, as JSON-ready values.

use serde::Serialize;

use super::{GuildId, InvitePolicy, MemberId, MemberNames, MemberSettings, Network, NetworkError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberExport {
    pub server_id: u64,
    pub member_id: u64,
    pub exported_unix_ms: i64,
    /// The names the bot last saw for you here.
    pub names: Option<MemberNames>,
    pub settings: ExportedSettings,
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
}

impl From<MemberSettings> for ExportedSettings {
    fn from(settings: MemberSettings) -> Self {
        Self {
            invitations_from: InvitePolicy::as_str(settings.invite_policy),
            auto_accept: settings.auto_accept,
            dm_notifications: settings.dm_notifications,
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
            Box::pin(async move { Ok(tx.export_member(guild, member, now).await?) })
        })
        .await
    }
}
