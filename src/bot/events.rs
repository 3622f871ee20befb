//! The gateway event handler: registers commands when ready, remembers server names, and runs
//! each interaction through parse → handle → render → deliver.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serenity::all::{
    Command, Context, EventHandler, Guild, GuildId as DiscordGuildId, Http, Interaction, Ready,
    UnavailableGuild, User,
};
use tracing::{Instrument, error, info, warn};

use super::deliver::{self, Answering, DmError};
use super::i18n::Language;
use super::request::{InputError, Parsed};
use super::response::{Outgoing, Reply, Response};
use super::text::{error_chain, name_of};
use super::{commands, custom_id, error_text, handlers, parse, render};
use crate::network::{GuildId, MemberId, Network};

/// Where the commands are registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Everywhere the bot is installed (Discord may take a while to show changes).
    Global,
    /// One server only, updated at once: for development.
    Guild(GuildId),
}

pub struct Handler {
    network: Network,
    registration: Registration,
    /// Server names from GUILD_CREATE, for notifications (DMs have no server of their own).
    server_names: RwLock<HashMap<GuildId, ServerName>>,
    /// The servers Discord announced to this process (on its shards), as opposed to those it
    /// loaded for a DM click about a server on another process's shard.
    announced: Announced,
    /// The languages this process last recorded, so that only changes are written.
    locales_seen: RwLock<LocalesSeen>,
}

#[derive(Default)]
struct LocalesSeen {
    members: HashMap<(GuildId, MemberId), String>,
    servers: HashMap<GuildId, String>,
}

/// A server's name, and when it was asked of Discord (`None`: announced by the gateway, which
/// also announces renames).
#[derive(Clone)]
struct ServerName {
    name: String,
    asked: Option<Instant>,
}

/// How long a name asked of Discord is trusted: renames of another process's servers are not
/// announced to this one.
const ASKED_NAME_LIFETIME: Duration = Duration::from_secs(60 * 60);

/// The servers on this process's shards (see [`Handler::announced`]).
pub type Announced = Arc<RwLock<HashSet<GuildId>>>;

impl Handler {
    pub fn new(network: Network, registration: Registration) -> Self {
        Self {
            network,
            registration,
            server_names: RwLock::default(),
            announced: Announced::default(),
            locales_seen: RwLock::default(),
        }
    }

    /// The servers on this process's shards, as they come and go.
    pub fn announced(&self) -> Announced {
        Arc::clone(&self.announced)
    }

    async fn register_commands(&self, http: &Http) -> serenity::Result<usize> {
        let definitions = commands::definitions();
        let registered = match self.registration {
            Registration::Global => Command::set_global_commands(http, definitions).await?,
            Registration::Guild(guild) => {
                DiscordGuildId::new(guild.get())
                    .set_commands(http, definitions)
                    .await?
            }
        };
        Ok(registered.len())
    }

    async fn answer(
        &self,
        http: &Http,
        answering: Answering<'_>,
        parsed: Result<Parsed, InputError>,
    ) {
        let response = match parsed {
            Ok(parsed) => {
                // The member's last action may have been answered by another process: its
                // commit reaches this one's memory first.
                if let Some(guild) = parsed.request.guild()
                    && let Err(e) = self.network.catch_up(guild).await
                {
                    warn!(error = %error_chain(&e), "could not catch up with the change log");
                }
                self.remember_names(parsed.seen).await;
                if let Some(guild) = parsed.request.guild() {
                    self.remember_locales(guild, answering).await;
                }
                handlers::handle(&self.network, parsed.request, answering.language()).await
            }
            Err(error) => {
                if let InputError::Malformed(what) = error {
                    warn!(what, "could not read an interaction");
                }
                // Autocomplete can only be answered with choices: none, then.
                if answering.is_autocomplete() {
                    Response::only(Reply::choices(Vec::new()))
                } else {
                    Response::only(Reply::new(error_text::input_error(
                        answering.language(),
                        &error,
                    )))
                }
            }
        };
        let callback = render::interaction_response(&response.reply, answering.is_click());
        if let Err(e) = answering.respond(http, callback).await {
            error!(error = %error_chain(&e), "could not answer an interaction");
            return;
        }
        // Only after the reply: the person who acted never waits on a DM.
        for outgoing in response.notifications {
            self.deliver(http, answering, outgoing).await;
        }
    }

    /// The language to write to `member` in: their client's last seen in the server, else the
    /// server's, else English.
    async fn language_of(&self, guild: GuildId, member: MemberId) -> Language {
        match self.network.dm_locale(guild, member).await {
            Ok(Some(locale)) => Language::from_discord(&locale),
            Ok(None) => Language::English,
            Err(e) => {
                warn!(error = %error_chain(&e), "could not read a member's language");
                Language::English
            }
        }
    }

    /// Records the languages an interaction showed — its member's client and its server's —
    /// when they differ from what this process last recorded (most interactions change
    /// nothing, and write nothing).
    async fn remember_locales(&self, guild: GuildId, answering: Answering<'_>) {
        let Ok(member) = MemberId::new(answering.user().get()) else {
            return;
        };
        let (client, server) = answering.locales();
        let fits = |l: &str| (2..=16).contains(&l.len());
        let client = Some(client).filter(|l| fits(l)).map(str::to_owned);
        let server = server.filter(|l| fits(l)).map(str::to_owned);
        let (client, server) = {
            let seen = self.locales_seen.read().unwrap_or_else(|p| p.into_inner());
            (
                client.filter(|l| seen.members.get(&(guild, member)) != Some(l)),
                server.filter(|l| seen.servers.get(&guild) != Some(l)),
            )
        };
        if client.is_none() && server.is_none() {
            return;
        }
        match self
            .network
            .see_locales(guild, member, client.clone(), server.clone())
            .await
        {
            Ok(()) => {
                let mut seen = self.locales_seen.write().unwrap_or_else(|p| p.into_inner());
                if let Some(client) = client {
                    seen.members.insert((guild, member), client);
                }
                if let Some(server) = server {
                    seen.servers.insert(guild, server);
                }
            }
            Err(e) => warn!(error = %error_chain(&e), "could not record a member's language"),
        }
    }

    async fn remember_names(&self, seen: Vec<super::request::Seen>) {
        // Everyone one interaction shows is in the same server.
        let Some(guild) = seen.first().map(|s| s.guild) else {
            return;
        };
        let names = seen.into_iter().map(|s| (s.member, s.names)).collect();
        if let Err(e) = self.network.see_members(guild, names).await {
            warn!(error = %error_chain(&e), "could not update the member directory");
        }
    }

    async fn deliver(&self, http: &Http, answering: Answering<'_>, outgoing: Outgoing) {
        let notification = &outgoing.notification;
        let guild = notification.guild();
        let other = notification.event().other_member();
        let language = self.language_of(guild, notification.recipient()).await;
        let names = render::NotificationNames {
            other: name_of(&self.network, guild, other).await,
            server: match self.server_name(http, guild).await {
                Some(name) => name,
                None => language.text("server-fallback"),
            },
        };
        let message = render::notification_message(notification, &names, language);
        match deliver::direct_message(http, notification.recipient(), message).await {
            Ok(()) => {}
            Err(DmError::Closed) => {
                info!(recipient = %notification.recipient(), "recipient does not accept DMs");
                if let Some(text) = &outgoing.if_dms_closed
                    && let Err(e) = answering.follow_up(http, render::followup(text)).await
                {
                    warn!(error = %error_chain(&e), "could not send a follow-up");
                }
            }
            Err(e) => warn!(error = %error_chain(&e), "could not deliver a notification"),
        }
    }

    /// The server's name: from GUILD_CREATE, or — for a server on another process's shard
    /// (a DM click arrives on shard 0, whichever shard its server is on) — asked of Discord
    /// once and kept.
    async fn server_name(&self, http: &Http, guild: GuildId) -> Option<String> {
        let known = {
            let names = self.server_names.read().unwrap_or_else(|p| p.into_inner());
            names.get(&guild).cloned()
        };
        if let Some(known) = known
            && known
                .asked
                .is_none_or(|asked| asked.elapsed() < ASKED_NAME_LIFETIME)
        {
            return Some(known.name);
        }
        match DiscordGuildId::new(guild.get())
            .to_partial_guild(http)
            .await
        {
            Ok(found) => {
                let name = ServerName {
                    name: found.name.clone(),
                    asked: Some(Instant::now()),
                };
                self.server_names
                    .write()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(guild, name);
                Some(found.name)
            }
            Err(e) => {
                warn!(error = %error_chain(&e), "could not read a server's name");
                None
            }
        }
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let shard = ready.shard.map(|s| format!("{} of {}", s.id.0, s.total));
        info!(
            user = %ready.user.name,
            servers = ready.guilds.len(),
            shard = shard.as_deref().unwrap_or("unsharded"),
            "connected to Discord"
        );
        info!(
            "invite the bot with https://discord.com/oauth2/authorize?client_id={}&scope=bot%20applications.commands&permissions=0",
            ready.application.id
        );
        // Once per bot, not once per shard: by shard 0's process.
        if ready.shard.is_some_and(|s| s.id.0 != 0) {
            return;
        }
        match self.register_commands(&ctx.http).await {
            Ok(count) => info!(count, registration = ?self.registration, "commands registered"),
            Err(e) => error!(error = %error_chain(&e), "could not register commands"),
        }
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        let Ok(id) = GuildId::new(guild.id.get()) else {
            return;
        };
        {
            let mut names = self.server_names.write().unwrap_or_else(|p| p.into_inner());
            names.insert(
                id,
                ServerName {
                    name: guild.name,
                    asked: None,
                },
            );
        }
        self.announced
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id);
        // Load the server's graph and directory before anyone asks (this runs in its own task).
        if let Err(e) = self.network.preload(id).await {
            warn!(error = %error_chain(&e), guild = %id, "could not preload the server's network");
        }
    }

    /// A server on this process's shards renamed (or otherwise changed).
    async fn guild_update(
        &self,
        _ctx: Context,
        _old: Option<Guild>,
        new: serenity::all::PartialGuild,
    ) {
        let Ok(id) = GuildId::new(new.id.get()) else {
            return;
        };
        self.server_names
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                id,
                ServerName {
                    name: new.name,
                    asked: None,
                },
            );
    }

    /// Removed from a server (not an outage, which says `unavailable`): its state leaves
    /// memory. Its data stays in the database, should the bot be added back.
    async fn guild_delete(
        &self,
        _ctx: Context,
        incomplete: UnavailableGuild,
        _full: Option<Guild>,
    ) {
        if incomplete.unavailable {
            return;
        }
        let Ok(id) = GuildId::new(incomplete.id.get()) else {
            return;
        };
        self.server_names
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        self.announced
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        self.network.unload(id).await;
        info!(guild = %id, "removed from a server; its network left memory");
    }

    async fn guild_ban_addition(&self, _ctx: Context, guild_id: DiscordGuildId, banned_user: User) {
        let (Ok(guild), Ok(member)) = (
            GuildId::new(guild_id.get()),
            MemberId::new(banned_user.id.get()),
        ) else {
            return;
        };
        if let Err(e) = self.network.ban(guild, member).await {
            error!(error = %error_chain(&e), "could not apply a ban");
        }
    }

    async fn guild_ban_removal(
        &self,
        _ctx: Context,
        guild_id: DiscordGuildId,
        unbanned_user: User,
    ) {
        let (Ok(guild), Ok(member)) = (
            GuildId::new(guild_id.get()),
            MemberId::new(unbanned_user.id.get()),
        ) else {
            return;
        };
        if let Err(e) = self.network.unban(guild, member).await {
            error!(error = %error_chain(&e), "could not apply an unban");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let span = interaction_span(&ctx, &interaction);
        self.interaction(ctx, interaction).instrument(span).await;
    }
}

/// The span every interaction is handled in, so an operator can follow one across processes:
/// the shard it arrived on, its server, what it is and its id. Never what members typed, nor
/// who they acted on.
fn interaction_span(ctx: &Context, interaction: &Interaction) -> tracing::Span {
    let (id, guild, what) = match interaction {
        Interaction::Command(command) | Interaction::Autocomplete(command) => (
            command.id.get(),
            command.guild_id.map(|g| g.get()),
            format!("/{}", command.data.name),
        ),
        Interaction::Component(component) => {
            let custom_id = &component.data.custom_id;
            // A click in a DM has no server of its own; its custom id names it.
            let guild = component.guild_id.map(|g| g.get()).or_else(|| {
                custom_id::ComponentAction::parse(custom_id).map(|action| action.guild().get())
            });
            (component.id.get(), guild, action_code(custom_id))
        }
        Interaction::Modal(form) => (
            form.id.get(),
            form.guild_id.map(|g| g.get()),
            action_code(&form.data.custom_id),
        ),
        other => (other.id().get(), None, format!("{:?}", other.kind())),
    };
    tracing::info_span!(
        "interaction",
        shard = ctx.shard_id.0,
        guild,
        what = %what,
        id
    )
}

/// `hs:<action>` of a custom id: the fields after it are member ids, left out of logs.
fn action_code(custom_id: &str) -> String {
    custom_id.split(':').take(2).collect::<Vec<_>>().join(":")
}

impl Handler {
    async fn interaction(&self, ctx: Context, interaction: Interaction) {
        match &interaction {
            Interaction::Command(command) => {
                self.answer(
                    &ctx.http,
                    Answering::Command(command),
                    parse::command(command),
                )
                .await;
            }
            Interaction::Component(component) => {
                self.answer(
                    &ctx.http,
                    Answering::Component(component),
                    parse::component(component),
                )
                .await;
            }
            Interaction::Autocomplete(command) => {
                self.answer(
                    &ctx.http,
                    Answering::Autocomplete(command),
                    parse::autocomplete(command),
                )
                .await;
            }
            Interaction::Modal(form) => {
                self.answer(&ctx.http, Answering::Form(form), parse::form(form))
                    .await;
            }
            // Discord shows its own "failed" for anything else.
            other => warn!(kind = ?other.kind(), "unhandled interaction kind"),
        }
    }
}
