# Connections, tags, settings, your data, and the moderators' views.

connections-expired = This list has expired. Run /connections again.
connections-heading = **Your connections**
connections-matching = matching “{ $search }”
connections-tagged = tagged { $tag }
connections-none-match = No connections match.
connections-none = You have no connections yet. Invite someone with `/invite`, or see `/suggestions` for people you may know.
connections-line = { $member } — connected { $when }
connections-remove-menu = Remove a connection…
tag-added = Tagged { $member } with { $tag }. Only you can see your tags.
tag-removed = Removed { $tag } from { $member }.
tag-absent = { $member } has no tag { $tag } from you.
setting-on = on
setting-off = off
settings-shown = **Your settings**
    Who may invite you: { $policy }
    Accept invitations automatically: { $auto_accept }
    DM notifications: { $dms }
    Who sees your profile: { $visibility }
    Nobody is told about your settings: refused invitations all get the same neutral answer.
settings-saved = Saved. { settings-shown }
mydata-delete-ask = Delete all your network data in this server? Your connections, invitations, tags, settings and the names the bot saw for you will be erased, and nobody will be told. This can't be undone.
button-delete-my-data = Delete my data
mydata-exported = Here is everything the bot holds about you in this server. What others hold about you (such as whom they removed) is theirs and is not included.
mydata-deleted = Your network data in this server has been deleted.
nothing-changed = Okay, nothing was changed.
not-moderator = Only members who can manage this server can do that.
remove-member-ask = Erase { $member }'s network data in this server? Their connections, invitations, tags and settings go; they are not told. The audit log records that you did it.
button-erase-their-data = Erase their data
profile-cleared = Cleared { $member }'s profile. Their connections stay; they are not told. The audit log records that you did it.
profile-nothing-to-clear = { $member } has no profile to clear.
network-stats = **Network stats**
    Members in the network: { $members }
    Connections: { $connections }
    Pending invitations: { $pending }
    Invitations sent in the last 7 days: { $sent }
    Connections per member: median { $median }, most { $most }
limits-shown = **Limits**
    Invitations a member may send in 7 days: { $per_week }
    Connections a member may have: { $cap }
    Reports in 30 days that suspend a sender: { $reports }
    Discord invite links on profiles: { $links }
limits-saved = Saved. { limits-shown }
limits-links-allowed = allowed
limits-links-not-allowed = not allowed
member-erased = Erased { $member }'s network data in this server.
member-restored = Restored { $member }: they can send invitations again.
reports-heading = **Reported senders** ("I don't know this person", last 30 days)
reports-none = Nobody has been reported.
reports-line = { $member } — { $count ->
    [one] 1 report
   *[other] { $count } reports
}
reports-suspended = suspended { $when }
button-restore-name = Restore { $name }
