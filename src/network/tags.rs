//! Private tags a member puts on their connections.

use super::{GuildId, MAX_TAGS_PER_CONNECTION, MemberId, Network, NetworkError, Tag, not_self};

impl Network {
    /// `owner` tags their connection `peer`. Adding a tag they already have changes nothing.
    pub async fn add_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &str,
    ) -> Result<(), NetworkError> {
        not_self(owner, peer)?;
        let tag = Tag::parse(tag)?;
        self.write(guild, move |tx, now| {
            Box::pin(async move {
                if tx.connected_since(guild, owner, peer).await?.is_none() {
                    return Err(NetworkError::NotConnected);
                }
                let current = tx.tags(guild, owner, peer).await?;
                // Same comparison as the stores' (ASCII case folding).
                let already = current
                    .iter()
                    .any(|t| t.as_str().eq_ignore_ascii_case(tag.as_str()));
                if !already && current.len() >= MAX_TAGS_PER_CONNECTION {
                    return Err(NetworkError::TooManyTags);
                }
                tx.insert_tag(guild, owner, peer, &tag, now).await?;
                Ok(())
            })
        })
        .await
    }

    /// `owner` removes a tag from `peer`; false if they had no such tag.
    pub async fn remove_tag(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
        tag: &str,
    ) -> Result<bool, NetworkError> {
        let tag = Tag::parse(tag)?;
        self.write(guild, move |tx, _| {
            Box::pin(async move { Ok(tx.delete_tag(guild, owner, peer, &tag).await?) })
        })
        .await
    }

    /// The tags `owner` already uses that start with `typed`, for autocomplete.
    pub async fn tags_in_use(
        &self,
        guild: GuildId,
        owner: MemberId,
        typed: &str,
        limit: u32,
    ) -> Result<Vec<Tag>, NetworkError> {
        let typed = typed.trim().to_owned();
        self.read(move |tx, _| {
            Box::pin(async move { Ok(tx.tags_in_use(guild, owner, &typed, limit).await?) })
        })
        .await
    }

    /// `owner`'s tags on `peer`, alphabetically. Only their owner ever sees them.
    pub async fn tags(
        &self,
        guild: GuildId,
        owner: MemberId,
        peer: MemberId,
    ) -> Result<Vec<Tag>, NetworkError> {
        self.read(move |tx, _| Box::pin(async move { Ok(tx.tags(guild, owner, peer).await?) }))
            .await
    }
}
