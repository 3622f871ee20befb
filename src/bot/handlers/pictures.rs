//! `/map` and the chart of `/network stats`: pictures drawn from the network, in the language of
//! the person asking. Drawing takes milliseconds to a few hundred (5,000 connections), so it
//! runs on the blocking pool, never on an async worker; it never nears Discord's 3 seconds, so
//! the reply is not deferred.

use super::{Cx, refusal};
use crate::bot::i18n::Language;
use crate::bot::request::Actor;
use crate::bot::response::{Reply, ReplyKind, Response};
use crate::bot::text::code_span;
use crate::network::{MapRequest, StatsHistory, Tag};
use crate::picture::{self, MapWords, Picture, PictureError, StatsWords};

/// Weeks the moderators' chart shows.
pub(super) const CHART_WEEKS: usize = 12;
pub(super) const MAP_FILE: &str = "network-map.png";
pub(super) const CHART_FILE: &str = "network-stats.png";

pub(super) async fn map(
    cx: Cx<'_>,
    actor: Actor,
    second_degree: bool,
    tag: Option<String>,
) -> Response {
    let tag = match tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(typed) => match Tag::parse(typed) {
            Ok(tag) => Some(tag),
            Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
        },
    };
    let request = MapRequest {
        second_degree,
        tag: tag.clone(),
    };
    let map = match cx
        .network
        .network_map(actor.guild, actor.member, request)
        .await
    {
        Ok(map) => map,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    if map.connections.is_empty() {
        let text = match &tag {
            None => cx.text("map-empty"),
            Some(tag) => cx.format("map-empty-tag", &[("tag", code_span(tag.as_str()).into())]),
        };
        return Response::only(Reply::new(text));
    }
    let caption = cx.format("map-caption", &[("count", map.matched.into())]);
    let language = cx.language;
    match draw(move || picture::network_map(&map, &MapText(language))).await {
        Ok(picture) => Response::only(Reply::new(caption).with_file(MAP_FILE, picture.png)),
        // Logged where it failed; the member gets what any failure on our side says.
        Err(()) => Response::only(Reply::new(cx.text("error-internal"))),
    }
}

/// The moderators' chart, for `/network stats`; `None` if it could not be drawn (the figures
/// are still answered, as text).
pub(super) async fn stats_chart(cx: Cx<'_>, history: StatsHistory) -> Option<Picture> {
    let language = cx.language;
    draw(move || picture::stats_chart(&history, &ChartText(language)))
        .await
        .ok()
}

/// Runs a drawing on the blocking pool.
async fn draw(
    drawing: impl FnOnce() -> Result<Picture, PictureError> + Send + 'static,
) -> Result<Picture, ()> {
    match tokio::task::spawn_blocking(drawing).await {
        Ok(Ok(picture)) => Ok(picture),
        Ok(Err(error)) => {
            tracing::error!(%error, "drawing a picture failed");
            Err(())
        }
        Err(error) => {
            tracing::error!(%error, "the drawing task ended without a picture");
            Err(())
        }
    }
}

/// The map's words, in a language.
struct MapText(Language);

impl MapWords for MapText {
    fn you(&self) -> String {
        self.0.text("map-you")
    }
    fn title(&self) -> String {
        self.0.text("map-title")
    }
    fn connections(&self, drawn: usize, matched: usize) -> String {
        if drawn == matched {
            self.0.format("map-connections", &[("count", drawn.into())])
        } else {
            self.0.format(
                "map-connections-capped",
                &[("count", drawn.into()), ("total", matched.into())],
            )
        }
    }
    fn group(&self, name: Option<&str>, number: usize, people: usize) -> String {
        match name {
            Some(name) => self.0.format(
                "map-group-named",
                &[("name", name.into()), ("count", people.into())],
            ),
            None => self.0.format(
                "map-group",
                &[("n", number.into()), ("count", people.into())],
            ),
        }
    }
    fn ungrouped(&self, people: usize) -> String {
        self.0.format("map-ungrouped", &[("count", people.into())])
    }
    fn second_degree(&self, people: usize) -> String {
        self.0
            .format("map-second-degree", &[("count", people.into())])
    }
}

/// The chart's words, in a language.
struct ChartText(Language);

impl StatsWords for ChartText {
    fn title(&self) -> String {
        self.0.text("chart-title")
    }
    fn histogram_title(&self) -> String {
        self.0.text("chart-histogram")
    }
    fn connections_axis(&self) -> String {
        self.0.text("chart-connections-axis")
    }
    fn members_axis(&self) -> String {
        self.0.text("chart-members-axis")
    }
    fn weeks_title(&self) -> String {
        self.0.text("chart-weeks")
    }
    fn sent(&self) -> String {
        self.0.text("chart-sent")
    }
    fn accepted(&self) -> String {
        self.0.text("chart-accepted")
    }
    fn ignored(&self) -> String {
        self.0.text("chart-ignored")
    }
}
