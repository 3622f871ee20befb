# The network map (/map) and the moderators' chart (/network stats).
map-caption = { $count ->
    [one] Your network: { $count } connection. Only you can see this picture.
   *[other] Your network: { $count } connections. Only you can see this picture.
}
map-empty = You have no connections yet, so there is no map to draw. Invite someone with /invite: your map starts with them.
map-empty-tag = None of your connections has the tag { $tag }.
map-you = You
map-title = Your network
map-connections = { $count ->
    [one] { $count } connection
   *[other] { $count } connections
}
map-connections-capped = { $count } of { $total } connections
map-group-named = { $name } · { $count ->
    [one] { $count } person
   *[other] { $count } people
}
map-group = Group { $n } · { $count ->
    [one] { $count } person
   *[other] { $count } people
}
map-ungrouped = In no group · { $count ->
    [one] { $count } person
   *[other] { $count } people
}
map-second-degree = 2nd degree · { $count ->
    [one] { $count } person
   *[other] { $count } people
}
chart-title = Network statistics
chart-histogram = Connections per member
chart-connections-axis = connections (bins double)
chart-members-axis = members (log scale)
chart-weeks = Invitations per week, last 12 weeks
chart-sent = sent
chart-accepted = accepted
chart-ignored = ignored
