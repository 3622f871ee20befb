# El mapa de la red (/map) y el gráfico de los moderadores (/network stats).
map-caption = { $count ->
    [one] Tu red: { $count } contacto. Solo tú ves esta imagen.
   *[other] Tu red: { $count } contactos. Solo tú ves esta imagen.
}
map-empty = Aún no tienes contactos, así que no hay mapa que dibujar. Invita a alguien con /invite: tu mapa empieza con esa persona.
map-empty-tag = Ninguno de tus contactos tiene la etiqueta { $tag }.
map-you = Tú
map-title = Tu red
map-connections = { $count ->
    [one] { $count } contacto
   *[other] { $count } contactos
}
map-connections-capped = { $count } de { $total } contactos
map-group-named = { $name } · { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
map-group = Grupo { $n } · { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
map-ungrouped = Sin grupo · { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
map-second-degree = 2.º grado · { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
chart-title = Estadísticas de la red
chart-histogram = Contactos por miembro
chart-connections-axis = contactos (intervalos dobles)
chart-members-axis = miembros (escala log.)
chart-weeks = Invitaciones por semana, últimas 12 semanas
chart-sent = enviadas
chart-accepted = aceptadas
chart-ignored = ignoradas
