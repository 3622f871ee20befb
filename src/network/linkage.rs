//! How members are linked: degrees, mutual connections, a profile of one member as another
//! sees it, and "people you may know". The walks run on the in-memory graph (see `graph`); what
//! only the database knows (settings, pending invitations, tags) comes from one read.

use super::invitations::{GraphFacts, ensure_invitable, ensure_no_recent_withdrawal};
use super::memory::read;
use super::{Degree, GuildId, MemberId, Mutuals, Network, NetworkError, Tag, Timestamp, not_self};

/// How many mutual connections a profile names.
pub const PROFILE_MUTUALS_SHOWN: usize = 5;

/// Another member, as the viewer sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub member: MemberId,
    pub degree: Degree,
    pub mutuals: Mutuals,
    /// When they connected, if they are connected.
    pub connected_since: Option<Timestamp>,
    /// The viewer's private tags on them (kept even while not connected).
    pub tags: Vec<Tag>,
    pub pending: Pending,
}

/// An invitation standing between the viewer and the member, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    None,
    /// The viewer invited them (ignored or not: the viewer is never told).
    SentByViewer,
    /// They invited the viewer and it is in the viewer's inbox, or was ignored.
    ReceivedByViewer,
}

/// A member you may know, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub member: MemberId,
    pub mutual_connections: u32,
    /// Skills on both your profiles, in their spelling.
    pub shared_skills: Vec<String>,
}

/// Candidates ranked before the database filters out those who would refuse: enough that a
/// few refusals still leave a full list.
const CANDIDATES_PER_SUGGESTION: usize = 5;

impl Network {
    /// How `viewer` is linked to `member`: 1st, 2nd, 3rd degree, or outside their network.
    pub async fn degree(
        &self,
        guild: GuildId,
        viewer: MemberId,
        member: MemberId,
    ) -> Result<Degree, NetworkError> {
        not_self(viewer, member)?;
        let memory = self.memory(guild).await?;
        let degree = read(&memory.graph).degree(viewer, member);
        Ok(degree)
    }

    /// The connections `a` and `b` have in common, naming up to `sample` of them.
    pub async fn mutual_connections(
        &self,
        guild: GuildId,
        a: MemberId,
        b: MemberId,
        sample: usize,
    ) -> Result<Mutuals, NetworkError> {
        let memory = self.memory(guild).await?;
        let mutuals = read(&memory.graph).mutuals(a, b, sample);
        Ok(mutuals)
    }

    /// `member` as `viewer` sees them.
    pub async fn relation(
        &self,
        guild: GuildId,
        viewer: MemberId,
        member: MemberId,
    ) -> Result<Relation, NetworkError> {
        not_self(viewer, member)?;
        let memory = self.memory(guild).await?;
        let (degree, mutuals) = {
            let graph = read(&memory.graph);
            (
                graph.degree(viewer, member),
                graph.mutuals(viewer, member, PROFILE_MUTUALS_SHOWN),
            )
        };
        self.read(move |tx, _| {
            Box::pin(async move {
                let pending = if tx.has_invitation(guild, viewer, member).await? {
                    Pending::SentByViewer
                } else if tx.has_invitation(guild, member, viewer).await? {
                    Pending::ReceivedByViewer
                } else {
                    Pending::None
                };
                Ok(Relation {
                    member,
                    degree,
                    mutuals,
                    connected_since: tx.connected_since(guild, viewer, member).await?,
                    tags: tx.tags(guild, viewer, member).await?,
                    pending,
                })
            })
        })
        .await
    }

    /// People `member` may know: second-degree members ranked by mutual connections, then by
    /// skills their profiles share (among the candidates the graph ranked first), leaving
    /// out anyone `member` could not invite right now (they refuse invitations, removed
    /// `member`, are at the cap, or an invitation already stands) — silently, revealing nothing.
    pub async fn suggestions(
        &self,
        guild: GuildId,
        member: MemberId,
        limit: usize,
    ) -> Result<Vec<Suggestion>, NetworkError> {
        let memory = self.memory(guild).await?;
        let mut ranked: Vec<(MemberId, u32, Vec<String>)> = {
            let profiles = read(&memory.profiles);
            read(&memory.graph)
                .second_degree_ranked(member, limit * CANDIDATES_PER_SUGGESTION)
                .into_iter()
                .map(|(candidate, mutuals)| {
                    (
                        candidate,
                        mutuals,
                        profiles.shared_skills(member, candidate),
                    )
                })
                .collect()
        };
        // Stable: equal on both signals, the graph's order (by id) stays.
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.len().cmp(&a.2.len())));
        self.read(move |tx, now| {
            Box::pin(async move {
                let limits = *read(&memory.limits);
                let mut suggestions = Vec::with_capacity(limit);
                // A read per batch of candidates, most mutual connections first: usually the
                // first batch fills the list (few candidates are refused), and later batches
                // are read only when it did not.
                for batch in ranked.chunks(limit.max(1) * 2) {
                    let candidates: Vec<MemberId> = batch.iter().map(|(m, ..)| *m).collect();
                    let stored = tx.invitability(guild, member, &candidates).await?;
                    for ((candidate, mutual_connections, shared_skills), stored) in
                        batch.iter().zip(&stored)
                    {
                        let (candidate, mutual_connections) = (*candidate, *mutual_connections);
                        let graph = GraphFacts::of(&memory, member, candidate, limits);
                        let invitable = !stored.pending_either_way
                            && ensure_invitable(graph, stored).is_ok()
                            && ensure_no_recent_withdrawal(stored, now).is_ok();
                        if invitable && suggestions.len() < limit {
                            suggestions.push(Suggestion {
                                member: candidate,
                                mutual_connections,
                                shared_skills: shared_skills.clone(),
                            });
                        }
                    }
                    if suggestions.len() == limit {
                        break;
                    }
                }
                Ok(suggestions)
            })
        })
        .await
    }
}
