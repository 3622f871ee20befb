//! Professional profiles and people search, on both stores: saving and clearing, every
//! validation error saving nothing, who sees a card, search ranked by closeness (against a
//! brute-force ranking over the same data), skill autocomplete, suggestions' second signal,
//! export, erasure and moderators' clearing.

mod support;

use handshake::network::{
    Degree, LimitsUpdate, MemberId, NetworkError, OpenTo, PeopleFilter, ProfileDraft,
    ProfileVisibility, SettingsUpdate,
};
use support::network::{DAY, TestNetwork, g, guild, member};
use support::rng::XorShift;

fn draft(headline: &str, skills: &str) -> ProfileDraft {
    ProfileDraft {
        headline: headline.into(),
        skills: skills.into(),
        ..Default::default()
    }
}

async fn save(t: &TestNetwork, who: u64, headline: &str, skills: &str) {
    t.network
        .save_profile(g(), member(who), draft(headline, skills))
        .await
        .expect("save profile");
}

fn skill(name: &str) -> PeopleFilter {
    PeopleFilter {
        skill: Some(name.into()),
        ..Default::default()
    }
}

async fn found(t: &TestNetwork, asker: u64, filter: PeopleFilter) -> Vec<u64> {
    t.network
        .people(g(), member(asker), filter, 0, 100)
        .await
        .unwrap()
        .people
        .iter()
        .map(|p| p.member.get())
        .collect()
}

async fn a_profile_saves_whole_keeps_open_to_and_clears_when_emptied(t: &TestNetwork) {
    let me = member(1);
    let saved = t
        .network
        .save_profile(
            g(),
            me,
            ProfileDraft {
                headline: " Rust engineer ".into(),
                about: "I build **bots**.\nAnd databases.".into(),
                skills: "Rust, postgres, rust, ".into(),
                links: "https://example.com/me\n\nhttps://blog.example.org".into(),
            },
        )
        .await
        .unwrap()
        .expect("kept");
    assert_eq!(saved.headline.as_deref(), Some("Rust engineer"));
    assert_eq!(
        saved.about.as_deref(),
        Some("I build **bots**.\nAnd databases.")
    );
    let skills: Vec<&str> = saved.skills.iter().map(|s| s.as_str()).collect();
    assert_eq!(skills, ["Rust", "postgres"]);
    assert_eq!(saved.links.len(), 2);
    assert!(saved.open_to.is_empty());

    let with_open_to = t
        .network
        .set_open_to(
            g(),
            me,
            vec![OpenTo::Hiring, OpenTo::Mentoring, OpenTo::Hiring],
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(with_open_to.open_to, [OpenTo::Mentoring, OpenTo::Hiring]);
    assert_eq!(with_open_to.headline, saved.headline, "the text stays");

    // A later form replaces all four text fields, and what they are open to stays.
    t.advance(DAY);
    let replaced = t
        .network
        .save_profile(g(), me, draft("", "Go"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(replaced.headline, None);
    assert_eq!(replaced.about, None);
    assert!(replaced.links.is_empty());
    assert_eq!(replaced.open_to, [OpenTo::Mentoring, OpenTo::Hiring]);
    let stored = t.network.own_profile(g(), me).await.unwrap().unwrap();
    assert_eq!(stored, replaced);

    t.network.set_open_to(g(), me, vec![]).await.unwrap();
    let cleared = t
        .network
        .save_profile(g(), me, ProfileDraft::default())
        .await
        .unwrap();
    assert_eq!(cleared, None, "nothing left: no profile");
    assert_eq!(t.network.own_profile(g(), me).await.unwrap(), None);
    assert_eq!(t.network.profile_count(g()).await.unwrap(), 0);
    // Reading afresh from the database agrees (checked after every test, too).
    let reopened = t.reopen().await;
    assert_eq!(reopened.own_profile(g(), me).await.unwrap(), None);
}

async fn a_bad_field_saves_nothing_and_names_the_problem(t: &TestNetwork) {
    let me = member(1);
    save(t, 1, "Before", "Rust").await;
    let before = t.network.own_profile(g(), me).await.unwrap();
    let bad = [
        ProfileDraft {
            headline: "h".repeat(121),
            ..Default::default()
        },
        ProfileDraft {
            about: "a".repeat(1001),
            ..Default::default()
        },
        draft(
            "",
            &(0..11)
                .map(|i| format!("s{i}"))
                .collect::<Vec<_>>()
                .join(","),
        ),
        draft("", &"x".repeat(33)),
        ProfileDraft {
            links: "http://example.com".into(),
            ..Default::default()
        },
        ProfileDraft {
            links: "https://a.io\nhttps://b.io\nhttps://c.io\nhttps://d.io".into(),
            ..Default::default()
        },
        ProfileDraft {
            headline: "Fine".into(),
            links: "https://example.com/a b".into(),
            ..Default::default()
        },
        ProfileDraft {
            links: "https://discord.gg/abcdef".into(),
            ..Default::default()
        },
    ];
    for draft in bad {
        let err = t
            .network
            .save_profile(g(), me, draft.clone())
            .await
            .unwrap_err();
        assert!(!err.is_internal(), "{err}");
        assert_eq!(
            t.network.own_profile(g(), me).await.unwrap(),
            before,
            "{draft:?} saved something"
        );
    }
    let err = t
        .network
        .save_profile(
            g(),
            me,
            ProfileDraft {
                links: "https://ok.example\nftp://files.example".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("ftp://files.example"), "{text}");
    assert!(text.contains("https://"), "{text}");
    let err = t
        .network
        .save_profile(g(), me, draft(&"é".repeat(130), ""))
        .await
        .unwrap_err();
    assert!(matches!(err, NetworkError::HeadlineTooLong { chars: 130 }));
    assert!(err.to_string().contains("120"), "{err}");
}

async fn invite_links_are_allowed_only_when_moderators_allow_them(t: &TestNetwork) {
    let invite = ProfileDraft {
        links: "https://discord.gg/rustlang".into(),
        ..Default::default()
    };
    let refused = t
        .network
        .save_profile(g(), member(1), invite.clone())
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("invite"), "{refused}");
    let limits = t
        .network
        .update_limits(
            g(),
            LimitsUpdate {
                allow_invite_links: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(limits.allow_invite_links);
    assert!(t.network.limits(g()).await.unwrap().allow_invite_links);
    t.network
        .save_profile(g(), member(1), invite.clone())
        .await
        .unwrap();
    // Per server: another server still refuses them.
    assert!(
        t.network
            .save_profile(guild(2), member(1), invite)
            .await
            .is_err()
    );
}

async fn a_hidden_profile_shows_only_the_name_to_all_but_connections(t: &TestNetwork) {
    let (owner, friend, stranger) = (member(1), member(2), member(3));
    save(t, 1, "Private person", "Rust").await;
    save(t, 3, "Stranger", "Rust").await;
    t.connect(g(), owner, friend).await;
    let settings = t
        .network
        .update_settings(
            g(),
            owner,
            SettingsUpdate {
                profile_visibility: Some(ProfileVisibility::Connections),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(settings.profile_visibility, ProfileVisibility::Connections);
    assert_eq!(
        t.network
            .settings(g(), owner)
            .await
            .unwrap()
            .profile_visibility,
        ProfileVisibility::Connections
    );
    // Changing another setting keeps it.
    t.network
        .update_settings(
            g(),
            owner,
            SettingsUpdate {
                auto_accept: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap();

    let seen_by = |viewer| t.network.profile_card(g(), viewer, owner);
    let by_stranger = seen_by(stranger).await.unwrap();
    assert!(by_stranger.hidden);
    assert_eq!(by_stranger.profile, None);
    let by_friend = seen_by(friend).await.unwrap();
    assert!(!by_friend.hidden);
    assert_eq!(
        by_friend.profile.unwrap().headline.as_deref(),
        Some("Private person")
    );
    assert_eq!(by_friend.connections, 1);
    assert!(seen_by(owner).await.unwrap().profile.is_some(), "own card");

    assert_eq!(found(t, 3, skill("rust")).await, Vec::<u64>::new());
    assert_eq!(found(t, 2, skill("rust")).await, [1, 3]);

    t.network
        .update_settings(
            g(),
            owner,
            SettingsUpdate {
                profile_visibility: Some(ProfileVisibility::Everyone),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(found(t, 3, skill("RUST")).await, [1]);
    assert!(!seen_by(stranger).await.unwrap().hidden);
}

/// 1 is connected to 2, 3, 4; 2 to 5 and 6; 3 to 5; 5 to 7; 8 stands alone. Everyone but 1
/// lists Rust, saved in the order 2, 3, …, 8 (so 8 is the newest).
async fn people_are_ranked_by_degree_then_mutuals_then_newest_profile(t: &TestNetwork) {
    for (a, b) in [(1, 2), (1, 3), (1, 4), (2, 5), (2, 6), (3, 5), (5, 7)] {
        t.connect(g(), member(a), member(b)).await;
    }
    for who in 2..=8 {
        save(t, who, &format!("Member {who}"), "Rust").await;
        t.advance(DAY);
    }
    let page = t
        .network
        .people(g(), member(1), skill("rust"), 0, 100)
        .await
        .unwrap();
    let ranked: Vec<(u64, Degree, u32)> = page
        .people
        .iter()
        .map(|p| (p.member.get(), p.closeness.degree, p.closeness.mutuals))
        .collect();
    assert_eq!(
        ranked,
        [
            // 1st degree: 2, 3 and 4 share no connection with 1; newest first.
            (4, Degree::First, 0),
            (3, Degree::First, 0),
            (2, Degree::First, 0),
            // 2nd: 5 shares 2 and 3; 6 shares 2.
            (5, Degree::Second, 2),
            (6, Degree::Second, 1),
            (7, Degree::Third, 0),
            (8, Degree::Outside, 0),
        ]
    );
    assert_eq!(page.total, 7);
    assert_eq!(page.people[0].headline.as_deref(), Some("Member 4"));
    // Pages of three, through every degree.
    let mut paged = Vec::new();
    for offset in [0, 3, 6] {
        let page = t
            .network
            .people(g(), member(1), skill("rust"), offset, 3)
            .await
            .unwrap();
        assert_eq!(page.has_previous(), offset > 0);
        assert_eq!(page.has_next(), offset < 6);
        paged.extend(page.people.iter().map(|p| p.member.get()));
    }
    assert_eq!(paged, [4, 3, 2, 5, 6, 7, 8]);
    // Banned members are nobody's result.
    t.network.ban(g(), member(5)).await.unwrap();
    // 7's only link to the network was 5: now outside it, behind the newer 8.
    assert_eq!(found(t, 1, skill("rust")).await, [4, 3, 2, 6, 8, 7]);
}

/// Random graphs and profiles: every page equals a brute-force ranking built from degree and
/// mutual connections asked one pair at a time.
async fn search_results_equal_a_brute_force_ranking(t: &TestNetwork) {
    let mut rng = XorShift(0x5EA2C4);
    const MEMBERS: u64 = 18;
    t.network
        .update_limits(
            g(),
            LimitsUpdate {
                invites_per_week: Some(10_000),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for _ in 0..30 {
        let (a, b) = (1 + rng.next(MEMBERS), 1 + rng.next(MEMBERS));
        if a != b
            && !t
                .network
                .is_connected(g(), member(a), member(b))
                .await
                .unwrap()
        {
            t.connect(g(), member(a), member(b)).await;
        }
    }
    let vocabulary = ["Rust", "Go", "SQL", "Design"];
    let headlines = [
        "Builds things",
        "Café owner",
        "Engineer",
        "Designer of things",
    ];
    for who in 1..=MEMBERS {
        if rng.next(4) == 0 {
            continue;
        }
        let skills: Vec<&str> = vocabulary
            .iter()
            .copied()
            .filter(|_| rng.next(2) == 0)
            .collect();
        save(
            t,
            who,
            headlines[rng.next(headlines.len() as u64) as usize],
            &skills.join(","),
        )
        .await;
        if rng.next(3) == 0 {
            t.network
                .set_open_to(g(), member(who), vec![OpenTo::Hiring])
                .await
                .unwrap();
        }
        t.advance(DAY / 24);
    }
    let filters = [
        PeopleFilter::default(),
        skill("rust"),
        skill("sql"),
        PeopleFilter {
            text: Some("THINGS".into()),
            ..Default::default()
        },
        PeopleFilter {
            text: Some("things, BUILD".into()),
            ..Default::default()
        },
        PeopleFilter {
            text: Some("cafe".into()),
            open_to: Some(OpenTo::Hiring),
            ..Default::default()
        },
    ];
    for asker in 1..=MEMBERS {
        let asker = member(asker);
        for filter in &filters {
            // Brute force: every member with a profile passing the filter, ranked.
            let mut expected: Vec<(
                Degree,
                std::cmp::Reverse<u32>,
                std::cmp::Reverse<i64>,
                MemberId,
            )> = Vec::new();
            for other in (1..=MEMBERS).map(member).filter(|m| *m != asker) {
                let Some(profile) = t.network.own_profile(g(), other).await.unwrap() else {
                    continue;
                };
                let fold = handshake::network::fold;
                let text = fold(&format!(
                    "{}\n{}",
                    profile.headline.as_deref().unwrap_or(""),
                    profile.about.as_deref().unwrap_or("")
                ));
                let passes = filter
                    .skill
                    .as_ref()
                    .is_none_or(|s| profile.skills.iter().any(|k| fold(k.as_str()) == fold(s)))
                    && filter.text.as_ref().is_none_or(|s| {
                        // Every word typed is inside some word of the text.
                        let words = |t: &str| -> Vec<String> {
                            t.split(|c: char| !c.is_alphanumeric())
                                .filter(|w| !w.is_empty())
                                .map(str::to_owned)
                                .collect()
                        };
                        let theirs = words(&text);
                        words(&fold(s))
                            .iter()
                            .all(|typed| theirs.iter().any(|w| w.contains(typed.as_str())))
                    })
                    && filter.open_to.is_none_or(|o| profile.open_to.contains(&o));
                if !passes {
                    continue;
                }
                let degree = t.network.degree(g(), asker, other).await.unwrap();
                let mutuals = match degree {
                    Degree::First | Degree::Second => {
                        t.network
                            .mutual_connections(g(), asker, other, 0)
                            .await
                            .unwrap()
                            .count
                    }
                    _ => 0,
                };
                expected.push((
                    degree,
                    std::cmp::Reverse(mutuals),
                    std::cmp::Reverse(profile.updated_at.unix_millis()),
                    other,
                ));
            }
            expected.sort();
            let expected: Vec<(MemberId, Degree, u32)> = expected
                .into_iter()
                .map(|(d, m, _, who)| (who, d, m.0))
                .collect();
            for size in [3, 100] {
                let mut got = Vec::new();
                let mut offset = 0;
                loop {
                    let page = t
                        .network
                        .people(g(), asker, filter.clone(), offset, size)
                        .await
                        .unwrap();
                    assert_eq!(page.total, expected.len());
                    got.extend(
                        page.people
                            .iter()
                            .map(|p| (p.member, p.closeness.degree, p.closeness.mutuals)),
                    );
                    if !page.has_next() {
                        break;
                    }
                    offset += size;
                }
                assert_eq!(got, expected, "asker {asker:?}, filter {filter:?}");
            }
        }
    }
}

async fn skills_autocomplete_most_used_first_per_server(t: &TestNetwork) {
    save(t, 1, "", "Rust, Go").await;
    save(t, 2, "", "rust, PostgreSQL").await;
    save(t, 3, "", "Rust, Postgres").await;
    let choices = t.network.skill_choices(g(), "").await.unwrap();
    assert_eq!(choices[0], ("Rust".to_owned(), 3));
    assert_eq!(choices.len(), 4);
    let post = t.network.skill_choices(g(), "POST").await.unwrap();
    let names: Vec<&str> = post.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["Postgres", "PostgreSQL"]);
    assert_eq!(
        t.network.skill_choices(guild(2), "").await.unwrap(),
        Vec::<(String, u32)>::new(),
        "nothing from one server shows in another"
    );
    assert_eq!(
        t.network
            .people(guild(2), member(9), skill("rust"), 0, 10)
            .await
            .unwrap()
            .total,
        0
    );
}

async fn suggestions_rank_shared_skills_after_mutual_connections(t: &TestNetwork) {
    // 1 knows 2; 2 knows 3, 4 and 5; 5 also knows 6, who knows 1: so 3, 4 and 5 each share one
    // connection with 1 (2) — 5 shares two (2 and 6).
    for (a, b) in [(1, 2), (2, 3), (2, 4), (2, 5), (5, 6), (6, 1)] {
        t.connect(g(), member(a), member(b)).await;
    }
    save(t, 1, "", "Rust, SQL, Go").await;
    save(t, 3, "", "cooking").await;
    save(t, 4, "", "rust, sql").await;
    let suggestions = t.network.suggestions(g(), member(1), 10).await.unwrap();
    let order: Vec<(u64, u32, Vec<String>)> = suggestions
        .into_iter()
        .map(|s| (s.member.get(), s.mutual_connections, s.shared_skills))
        .collect();
    assert_eq!(
        order,
        [
            (5, 2, vec![]),
            (4, 1, vec!["rust".to_owned(), "sql".to_owned()]),
            (3, 1, vec![]),
        ]
    );
}

async fn profiles_are_exported_erased_and_cleared_by_moderators(t: &TestNetwork) {
    let (me, moderator, friend) = (member(1), member(50), member(2));
    save(t, 1, "Exported", "Rust").await;
    t.network
        .set_open_to(g(), me, vec![OpenTo::Freelance])
        .await
        .unwrap();
    let export = t.network.export(g(), me).await.unwrap();
    let profile = export.profile.expect("in the export");
    assert_eq!(profile.headline.as_deref(), Some("Exported"));
    assert_eq!(profile.skills, ["Rust"]);
    assert_eq!(profile.open_to, ["freelance"]);
    assert_eq!(export.settings.profile_visible_to, "everyone");

    // A moderator clears the profile; the network stays, and the audit log says so.
    t.connect(g(), me, friend).await;
    assert!(t.network.clear_profile(g(), moderator, me).await.unwrap());
    assert!(!t.network.clear_profile(g(), moderator, me).await.unwrap());
    assert_eq!(t.network.own_profile(g(), me).await.unwrap(), None);
    assert!(t.network.is_connected(g(), me, friend).await.unwrap());
    let log = t.network.audit_log(g(), 10).await.unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].1, "clear_profile");

    // Erasing one's data takes the profile and the visibility setting with it.
    save(t, 1, "Again", "Rust").await;
    t.network
        .update_settings(
            g(),
            me,
            SettingsUpdate {
                profile_visibility: Some(ProfileVisibility::Connections),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    t.network.erase_my_data(g(), me).await.unwrap();
    assert_eq!(t.network.own_profile(g(), me).await.unwrap(), None);
    assert_eq!(t.network.export(g(), me).await.unwrap().profile, None);
    assert_eq!(
        t.network
            .settings(g(), me)
            .await
            .unwrap()
            .profile_visibility,
        ProfileVisibility::Everyone
    );
    // So does a moderator's removal.
    save(t, 2, "Friend", "Go").await;
    t.network
        .remove_member(g(), moderator, friend)
        .await
        .unwrap();
    assert_eq!(t.network.own_profile(g(), friend).await.unwrap(), None);
    assert_eq!(
        found(t, 3, PeopleFilter::default()).await,
        Vec::<u64>::new()
    );
}

async fn saved_searches_are_their_owners_and_last_a_day(t: &TestNetwork) {
    let search = PeopleFilter {
        skill: Some("Rust".into()),
        text: Some("café owner".into()),
        open_to: Some(OpenTo::JobSeeking),
    };
    let id = t
        .network
        .save_search(g(), member(1), search.clone())
        .await
        .unwrap();
    assert_eq!(
        t.network.saved_search(g(), member(1), id).await.unwrap(),
        Some(search.clone())
    );
    assert_eq!(
        t.network.saved_search(g(), member(2), id).await.unwrap(),
        None,
        "another member's number finds nothing"
    );
    assert_eq!(
        t.network
            .saved_search(guild(2), member(1), id)
            .await
            .unwrap(),
        None,
        "nor does another server"
    );
    let bare = t
        .network
        .save_search(g(), member(1), PeopleFilter::default())
        .await
        .unwrap();
    assert_ne!(bare, id);
    assert_eq!(
        t.network.saved_search(g(), member(1), bare).await.unwrap(),
        Some(PeopleFilter::default())
    );
    // A day later, saving another forgets both.
    t.advance(DAY + std::time::Duration::from_secs(1));
    t.network.save_search(g(), member(1), search).await.unwrap();
    assert_eq!(
        t.network.saved_search(g(), member(1), id).await.unwrap(),
        None
    );
    assert_eq!(
        t.network.saved_search(g(), member(1), bare).await.unwrap(),
        None
    );
}

on_both_stores!(
    a_profile_saves_whole_keeps_open_to_and_clears_when_emptied,
    a_bad_field_saves_nothing_and_names_the_problem,
    invite_links_are_allowed_only_when_moderators_allow_them,
    a_hidden_profile_shows_only_the_name_to_all_but_connections,
    people_are_ranked_by_degree_then_mutuals_then_newest_profile,
    search_results_equal_a_brute_force_ranking,
    skills_autocomplete_most_used_first_per_server,
    suggestions_rank_shared_skills_after_mutual_connections,
    profiles_are_exported_erased_and_cleared_by_moderators,
    saved_searches_are_their_owners_and_last_a_day,
);
