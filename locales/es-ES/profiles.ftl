degree-first-connected = 1.er grado: contacto directo
degree-first = 1.er grado
degree-second = 2.º grado
degree-second-short = 2.º grado
degree-third = 3.er grado
degree-third-short = 3.er grado
degree-outside = fuera de tu red
relation-mutuals = { $count ->
    [one] 1 contacto en común
   *[other] { $count } contactos en común
}: { $names }
relation-mutuals-more = { $count ->
    [one] 1 contacto en común
   *[other] { $count } contactos en común
}: { $names } y { $more } más
relation-since = Conectados desde { $date }
relation-tags = Tus etiquetas: { $tags }
relation-invited-you = Te ha invitado a conectar.
relation-pending = Tu invitación está pendiente.
button-invite-to-connect = Invitar a conectar
own-network = **Tu red**
    Contactos: { $connections }
    Invitaciones para ti: { $received }
    Invitaciones enviadas pendientes: { $sent }
    Invitaciones que te quedan esta semana: { $left }
own-no-profile = Todavía no tienes perfil: añade un titular, aptitudes y enlaces para que te encuentren con /people.
button-edit-profile = Editar perfil
card-connections = Contactos
card-hidden = Su perfil solo es visible para sus contactos.
card-empty = Todavía no tiene perfil.
card-skills = Aptitudes
card-open-to = Abierto a
card-links = Enlaces
form-title = Editar tu perfil
form-headline = Titular
form-headline-placeholder = A qué te dedicas, en una línea
form-about = Acerca de
form-about-placeholder = Unas palabras sobre ti y tu trabajo
form-skills = Aptitudes separadas por comas (máx. { $max })
form-skills-placeholder = Rust, PostgreSQL, mentoría
form-links = Enlaces, uno por línea (máx. { $max })
form-links-placeholder = https://…
profile-saved = Guardado. Así queda tu perfil; elige abajo a qué estás abierto.
open-to-placeholder = Abierto a… (elige las que quieras, o ninguna)
profile-empty = Tu perfil está vacío, así que no hay nada que mostrar.
suggestions-none = Ahora mismo no hay sugerencias. Salen de los contactos de tus contactos: conecta primero con algunas personas.
suggestions-heading = **Personas que quizá conozcas**
suggestions-line = { $n }. { $member } — { $count ->
    [one] 1 contacto en común
   *[other] { $count } contactos en común
}
suggestions-shares = aptitudes en común: { $skills }
button-invite-name = Invitar a { $name }
people-expired = Esta búsqueda ha caducado. Vuelve a usar /people.
people-skill = aptitud **{ $skill }**
people-words = «{ $words }»
people-open-to = abierto a { $open_to }
people-heading-all = **Personas con perfil**
people-heading = **Personas** · { $filters }
people-none = Todavía no coincide nadie. Prueba con otra aptitud o con menos palabras.
people-found = { $heading } — { $count } encontradas, las más cercanas primero
people-mutuals = { $count ->
    [one] 1 contacto en común
   *[other] { $count } contactos en común
}
button-view-name = Ver a { $name }
skill-choice = { $skill } ({ $count })
member-fallback = miembro { $id }
server-fallback = un servidor
