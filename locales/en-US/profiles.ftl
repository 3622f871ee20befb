# Profiles, cards, people search and suggestions.

degree-first-connected = 1st degree: you're connected
degree-first = 1st
degree-second = 2nd degree
degree-second-short = 2nd
degree-third = 3rd degree
degree-third-short = 3rd
degree-outside = outside your network
relation-mutuals = { $count ->
    [one] 1 mutual connection
   *[other] { $count } mutual connections
}: { $names }
relation-mutuals-more = { $count ->
    [one] 1 mutual connection
   *[other] { $count } mutual connections
}: { $names } and { $more } more
relation-since = Connected since { $date }
relation-tags = Your tags: { $tags }
relation-invited-you = They invited you to connect.
relation-pending = Your invitation is pending.
button-invite-to-connect = Invite to connect
own-network = **Your network**
    Connections: { $connections }
    Invitations waiting for you: { $received }
    Invitations you sent, pending: { $sent }
    Invitations left this week: { $left }
own-no-profile = You have no profile yet: add a headline, skills and links so that people can find you with /people.
button-edit-profile = Edit profile
card-connections = Connections
card-hidden = Their profile is visible to their connections.
card-empty = No profile yet.
card-skills = Skills
card-open-to = Open to
card-links = Links
form-title = Edit your profile
form-headline = Headline
form-headline-placeholder = What you do, in a line
form-about = About
form-about-placeholder = A few words about you and your work
form-skills = Skills, comma-separated (up to { $max })
form-skills-placeholder = Rust, PostgreSQL, mentoring
form-links = Links, one per line (up to { $max })
form-links-placeholder = https://…
profile-saved = Saved. This is your profile; pick what you're open to below.
open-to-placeholder = Open to… (pick any, or none)
profile-empty = Your profile is empty now, so there's nothing to show.
suggestions-none = No suggestions right now. They come from your connections' connections: connect with a few people first.
suggestions-heading = **People you may know**
suggestions-line = { $n }. { $member } — { $count ->
    [one] 1 mutual connection
   *[other] { $count } mutual connections
}
suggestions-shares = shares { $skills }
button-invite-name = Invite { $name }
people-expired = This search has expired. Run /people again.
people-skill = skill **{ $skill }**
people-words = “{ $words }”
people-open-to = open to { $open_to }
people-heading-all = **People with a profile**
people-heading = **People** · { $filters }
people-none = Nobody matches that yet. Try another skill or fewer words.
people-found = { $heading } — { $count } found, closest to you first
people-mutuals = { $count ->
    [one] 1 mutual connection
   *[other] { $count } mutual connections
}
button-view-name = View { $name }
skill-choice = { $skill } ({ $count })
member-fallback = member { $id }
server-fallback = a server
