error-invalid-id = Ese no es un ID de Discord válido.
error-self-target = No puedes hacer eso contigo mismo.
error-already-connected = Este miembro ya forma parte de tus contactos.
error-invitation-pending = Ya has invitado a este miembro; tu invitación sigue pendiente.
error-not-invitable = No se puede invitar a este miembro en este momento.
error-note-too-long = Tu nota tiene { $chars } caracteres; una nota puede tener como máximo { $max }.
error-weekly-limit = Has enviado { $limit } invitaciones en los últimos 7 días, el máximo que permite este servidor. Podrás volver a invitar dentro de { $wait }.
error-withdraw-cooldown = Hace poco retiraste una invitación a este miembro. Podrás volver a invitarle dentro de { $wait }.
error-sending-suspended = Ahora mismo no puedes enviar invitaciones.
error-no-invitation-received = No tienes ninguna invitación pendiente de este miembro.
error-no-invitation-sent = No tienes ninguna invitación pendiente para este miembro.
error-not-connected = Este miembro no forma parte de tus contactos.
error-cap-reached = Has llegado al límite de { $cap } contactos de este servidor. Elimina un contacto para hacer sitio a uno nuevo.
error-invitation-unavailable = Esta invitación no se puede aceptar en este momento.
error-tag-empty = Una etiqueta no puede estar vacía.
error-tag-too-long = Las etiquetas pueden tener como máximo { $max } caracteres.
error-too-many-tags = Un contacto puede tener como máximo { $max } etiquetas.
error-limit-out-of-range = Ese límite debe estar entre { $min } y { $max }.
error-headline-too-long = Tu titular tiene { $chars } caracteres; puede tener como máximo { $max }. No se ha guardado nada.
error-about-too-long = Tu texto «Acerca de» tiene { $chars } caracteres; puede tener como máximo { $max }. No se ha guardado nada.
error-too-many-skills = Has indicado { $count } aptitudes; un perfil puede tener como máximo { $max }. No se ha guardado nada.
error-skill-too-long = La aptitud { $skill } supera los { $max } caracteres. No se ha guardado nada.
error-too-many-links = Has indicado { $count } enlaces; un perfil puede tener como máximo { $max }. No se ha guardado nada.
error-link-too-long = { $link } supera los { $max } caracteres. No se ha guardado nada.
error-link-spaces = { $link } tiene espacios, y un enlace no puede tenerlos. No se ha guardado nada.
error-link-not-https = { $link } no empieza por https:// (solo se admiten enlaces https). No se ha guardado nada.
error-link-not-a-link = { $link } no es una dirección web. No se ha guardado nada.
error-link-invite = { $link } es una invitación de Discord; la moderación de este servidor no las permite en los perfiles. No se ha guardado nada.
error-internal = Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.

input-not-in-server = Este comando solo funciona en un servidor.
input-bot-target = Los bots no pueden formar parte de tu red.
input-not-a-member = Esa persona no es miembro de este servidor.
input-not-your-button = Este botón no es para ti.
input-unknown = Esa acción ya no está disponible.
input-malformed = Faltaba algo en esa solicitud. Vuelve a intentarlo.

wait-minutes = { $count ->
    [one] 1 minuto
   *[other] { $count } minutos
}
wait-hours = { $count ->
    [one] 1 hora
   *[other] { $count } horas
}
wait-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
