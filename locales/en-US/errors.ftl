# Refusals and failures, as the person who asked reads them. The neutral refusal
# (error-not-invitable) is the one answer to every refusal on the invitee's side: it must never
# hint at a reason.

error-invalid-id = That isn't a valid Discord id.
error-self-target = You can't do that with yourself.
error-already-connected = You're already connected with this member.
error-invitation-pending = You've already invited this member; your invitation is still pending.
error-not-invitable = This member can't be invited at this time.
error-note-too-long = Your note is { $chars } characters long; a note can have at most { $max }.
error-weekly-limit = You've sent { $limit } invitations in the last 7 days, the most this server allows. You can invite again in { $wait }.
error-withdraw-cooldown = You withdrew an invitation to this member recently. You can invite them again in { $wait }.
error-sending-suspended = You can't send invitations right now.
error-no-invitation-received = There's no pending invitation from this member.
error-no-invitation-sent = You have no pending invitation to this member.
error-not-connected = You aren't connected with this member.
error-cap-reached = You've reached this server's limit of { $cap } connections. Remove a connection to make room for a new one.
error-invitation-unavailable = This invitation can't be accepted right now.
error-tag-empty = A tag can't be empty.
error-tag-too-long = Tags can be at most { $max } characters long.
error-too-many-tags = A connection can have at most { $max } tags.
error-limit-out-of-range = That limit must be between { $min } and { $max }.
error-headline-too-long = Your headline is { $chars } characters long; a headline can have at most { $max }. Nothing was saved.
error-about-too-long = Your About text is { $chars } characters long; it can have at most { $max }. Nothing was saved.
error-too-many-skills = You listed { $count } skills; a profile can have at most { $max }. Nothing was saved.
error-skill-too-long = The skill { $skill } is longer than { $max } characters. Nothing was saved.
error-too-many-links = You listed { $count } links; a profile can have at most { $max }. Nothing was saved.
error-link-too-long = { $link } is longer than { $max } characters. Nothing was saved.
error-link-spaces = { $link } has spaces in it: a link can't. Nothing was saved.
error-link-not-https = { $link } doesn't start with https:// (only https links are allowed). Nothing was saved.
error-link-not-a-link = { $link } isn't a web address. Nothing was saved.
error-link-invite = { $link } is a Discord invite; this server's moderators don't allow them on profiles. Nothing was saved.
error-internal = Something went wrong on our side. Please try again in a moment.

input-not-in-server = This command only works in a server.
input-bot-target = Bots can't be part of your network.
input-not-a-member = That person isn't a member of this server.
input-not-your-button = This button isn't for you.
input-unknown = That action isn't available anymore.
input-malformed = Something was missing from that request. Please try again.

# A wait, rounded up: "You can invite again in 3 days."
wait-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
wait-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
wait-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
