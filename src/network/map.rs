//! What a member's network map may show (`/map`): their own connections, named, the links among
//! them, and — if asked — members two steps away as anonymous dots. Drawing it is the picture
//! module's job; the privacy rules are decided here.

use super::graph::Neighbourhood;
use super::memory::read;
use super::{GuildId, MemberId, Network, NetworkError, ProfileVisibility, Tag};

/// The most connections a map draws; a member with more gets those with the most connections.
pub const MAP_MOST_CONNECTIONS: usize = 5_000;
/// The most second-degree members a map draws (those linked to the most of the asker's).
pub const MAP_MOST_SECOND_DEGREE: usize = 2_000;

/// What to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapRequest {
    /// Add members two steps away, as anonymous dots.
    pub second_degree: bool,
    /// Draw only the connections the asker gave this tag.
    pub tag: Option<Tag>,
}

/// A member's network, as the map may show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkMap {
    /// The asker's connections drawn (banned members never), sorted by id.
    pub connections: Vec<MapMember>,
    /// Each connection between two of them once, as positions in `connections` (lower first).
    pub links: Vec<(u32, u32)>,
    /// Members two steps away, anonymous: for each, the positions in `connections` of those
    /// they are connected to. Banned members and members whose profile only their connections
    /// see are never among them.
    pub second_degree: Vec<Vec<u32>>,
    /// How many connections the request matched before [`MAP_MOST_CONNECTIONS`] applied.
    pub matched: usize,
}

/// One of the asker's connections on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapMember {
    pub id: MemberId,
    /// Their display name, as last seen.
    pub name: String,
    /// What groups can be named after: the asker's tags on them, then their profile's skills.
    pub labels: Vec<String>,
}

impl Network {
    /// `asker`'s network map.
    pub async fn network_map(
        &self,
        guild: GuildId,
        asker: MemberId,
        request: MapRequest,
    ) -> Result<NetworkMap, NetworkError> {
        let memory = self.memory(guild).await?;
        let graph = read(&memory.graph);
        let tags = read(&memory.tags);
        let profiles = read(&memory.profiles);
        let tagged = |peer: MemberId| {
            request
                .tag
                .as_ref()
                .is_none_or(|wanted| tags.has(asker, peer, wanted))
        };
        let matched = graph.connections_where(asker, tagged);
        let Neighbourhood { members, links } =
            graph.neighbourhood(asker, tagged, MAP_MOST_CONNECTIONS);
        let second_degree = if request.second_degree {
            graph.beyond(
                asker,
                &members,
                |m| m != asker && profiles.visibility(m) == ProfileVisibility::Everyone,
                MAP_MOST_SECOND_DEGREE,
            )
        } else {
            Vec::new()
        };
        let names = read(&memory.names);
        let connections = members
            .into_iter()
            .map(|id| {
                let mut labels: Vec<String> = tags
                    .of(asker, id)
                    .iter()
                    .map(|tag| tag.as_str().to_owned())
                    .collect();
                labels.extend(profiles.skills_of(id));
                MapMember {
                    id,
                    name: names
                        .names(id)
                        .map_or_else(|| id.to_string(), |n| n.display_name.clone()),
                    labels,
                }
            })
            .collect();
        Ok(NetworkMap {
            connections,
            links,
            second_degree,
            matched,
        })
    }
}
