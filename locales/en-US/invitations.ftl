# Invitations, connecting and disconnecting, and the DMs about them. { $member } is a mention
# or a name in bold; { $when } a Discord timestamp, which each client shows in its language.

invite-sent = Invitation sent to { $member }.
invite-dms-closed = { $member } doesn't accept direct messages, so they weren't notified. They'll find your invitation among their pending invitations.
connected-new = You're now connected with { $member }.
connected-again = You're connected with { $member } again.
connect-no-invitation = { $member } hasn't invited you to connect. Would you like to send them an invitation?
button-send-invitation = Send invitation
ignored = You ignored the invitation from { $member }. They won't be told.
reported = You ignored the invitation from { $member }, and they can't invite you again. They won't be told. Thanks for the report: it helps moderators stop spam.
already-connected-with = You're already connected with { $member }.
invitation-gone = This invitation is no longer available.
withdrew = Withdrew your invitation to { $member }. You can invite them again { $when }.
invitations-received-none = **Invitations for you**
    No invitations waiting.
invitations-sent-none = **Invitations you sent**
    None pending.
invitations-received-heading = **Invitations for you** ({ $total } waiting)
invitations-sent-heading = **Invitations you sent** ({ $total } pending)
invitation-line = **{ $n }.** { $member } · sent { $when }
button-accept = Accept
button-accept-name = Accept { $name }
button-ignore = Ignore
button-dont-know = I don't know this person
button-withdraw-name = Withdraw invitation to { $name }
button-show-sent = Show sent ({ $count })
button-show-received = Show received ({ $count })
button-previous = ◀ Previous
button-next = Next ▶
disconnect-confirm = Remove { $member } from your connections? They won't be notified. You can re-invite them later.
button-remove-connection = Remove connection
button-cancel = Cancel
disconnect-done = Removed { $member } from your connections. They won't be notified.
disconnect-stale = You're no longer connected with { $member }.
disconnect-kept = Okay, { $member } stays in your connections.
pick-connection = Pick a connection from the menu.
pick-from-menu = Pick from the menu.
dm-invited = { $member } invited you to connect on { $server }.
dm-accepted = { $member } accepted your invitation on { $server }. You're now connected.
dm-auto-accepted = { $member } invited you to connect on { $server }, and you're now connected (you accept invitations automatically).
