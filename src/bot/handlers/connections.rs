//! `/connections`: the member's list, newest first, ten a page, searchable by name, filterable
//! by tag, with a menu to remove one person (leading to the usual confirmation).

use super::{Cx, refusal};
use crate::bot::custom_id::ComponentAction;
use crate::bot::request::Actor;
use crate::bot::response::{
    Button, ButtonStyle, Reply, ReplyKind, Response, Row, Select, SelectOption,
};
use crate::bot::text::{code_span, escape_markdown, label_name, mention, relative_time};
use crate::network::{
    ConnectionCursor, ConnectionFilter, ConnectionWindow, GuildId, MemberId, Tag,
};

const PER_PAGE: u32 = 10;

pub(super) async fn first_page(
    cx: Cx<'_>,
    actor: Actor,
    search: Option<String>,
    tag: Option<String>,
) -> Response {
    let tag = match tag.as_deref().map(Tag::parse).transpose() {
        Ok(tag) => tag,
        Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
    };
    let search = search
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let filter = ConnectionFilter {
        name_contains: search,
        tag,
    };
    // The paging buttons refer to a filter by number; no filter needs no number.
    let filter_id = if filter == ConnectionFilter::default() {
        0
    } else {
        match cx
            .network
            .save_filter(actor.guild, actor.member, filter.clone())
            .await
        {
            Ok(id) => id,
            Err(error) => return Response::only(refusal(cx, error, ReplyKind::New)),
        }
    };
    page(
        cx,
        actor.guild,
        actor.member,
        filter,
        filter_id,
        ConnectionWindow::first(PER_PAGE),
        ReplyKind::New,
    )
    .await
}

pub(super) async fn other_page(
    cx: Cx<'_>,
    guild: GuildId,
    owner: MemberId,
    filter_id: u64,
    cursor: ConnectionCursor,
    forward: bool,
) -> Response {
    let filter = if filter_id == 0 {
        ConnectionFilter::default()
    } else {
        match cx.network.saved_filter(guild, owner, filter_id).await {
            Ok(Some(filter)) => filter,
            Ok(None) => {
                return Response::only(Reply::update(cx.text("connections-expired")));
            }
            Err(error) => return Response::only(refusal(cx, error, ReplyKind::UpdateClicked)),
        }
    };
    let window = if forward {
        ConnectionWindow::after(cursor, PER_PAGE)
    } else {
        ConnectionWindow::before(cursor, PER_PAGE)
    };
    page(
        cx,
        guild,
        owner,
        filter,
        filter_id,
        window,
        ReplyKind::UpdateClicked,
    )
    .await
}

async fn page(
    cx: Cx<'_>,
    guild: GuildId,
    owner: MemberId,
    filter: ConnectionFilter,
    filter_id: u64,
    window: ConnectionWindow,
    kind: ReplyKind,
) -> Response {
    let filtered = filter != ConnectionFilter::default();
    let page = match cx
        .network
        .connections(guild, owner, filter.clone(), window)
        .await
    {
        Ok(page) => page,
        Err(error) => return Response::only(refusal(cx, error, kind)),
    };
    let mut heading = cx.text("connections-heading");
    if let Some(search) = &filter.name_contains {
        heading.push(' ');
        heading.push_str(&cx.format(
            "connections-matching",
            &[("search", escape_markdown(search).into())],
        ));
    }
    if let Some(tag) = &filter.tag {
        heading.push(' ');
        heading.push_str(&cx.format(
            "connections-tagged",
            &[("tag", code_span(tag.as_str()).into())],
        ));
    }
    if page.items.is_empty() {
        let text = if filtered {
            format!("{heading}\n{}", cx.text("connections-none-match"))
        } else {
            cx.text("connections-none")
        };
        return Response::only(Reply::new(text).with_kind(kind));
    }
    let mut text = heading;
    for entry in &page.items {
        text.push('\n');
        text.push_str(&cx.format(
            "connections-line",
            &[
                ("member", mention(entry.peer).into()),
                ("when", relative_time(entry.since).into()),
            ],
        ));
        if !entry.tags.is_empty() {
            let tags: Vec<String> = entry.tags.iter().map(|t| code_span(t.as_str())).collect();
            text.push_str(&format!(" · {}", tags.join(" ")));
        }
    }
    let options = page
        .items
        .iter()
        .map(|entry| SelectOption {
            label: label_name(cx.language, entry.names.as_ref(), entry.peer),
            value: entry.peer.to_string(),
            description: entry.names.as_ref().map(|n| format!("@{}", n.username)),
            picked: false,
        })
        .collect();
    let mut reply = Reply::new(text)
        .with_kind(kind)
        .with_row(Row::Select(Select {
            options,
            ..Select::one(
                ComponentAction::RemovePick { guild, owner },
                cx.text("connections-remove-menu"),
            )
        }));
    if page.has_previous || page.has_next {
        let nav =
            |label: &str, cursor: Option<ConnectionCursor>, forward: bool, available: bool| {
                // A disabled button still needs a distinct, valid id: use this page's own edge.
                let cursor = cursor.unwrap_or(page.items[0].cursor());
                Button::new(
                    label,
                    ButtonStyle::Secondary,
                    ComponentAction::ConnectionsPage {
                        guild,
                        owner,
                        filter: filter_id,
                        cursor,
                        forward,
                    },
                )
                .disabled(!available)
            };
        reply = reply.with_row(Row::Buttons(vec![
            nav(
                &cx.text("button-previous"),
                page.first_cursor(),
                false,
                page.has_previous,
            ),
            nav(
                &cx.text("button-next"),
                page.last_cursor(),
                true,
                page.has_next,
            ),
        ]));
    }
    Response::only(reply)
}
