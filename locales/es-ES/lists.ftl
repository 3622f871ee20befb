connections-expired = Esta lista ha caducado. Vuelve a usar /connections.
connections-heading = **Tus contactos**
connections-matching = que contienen «{ $search }»
connections-tagged = con la etiqueta { $tag }
connections-none-match = Ningún contacto coincide.
connections-none = Todavía no tienes contactos. Invita a alguien con `/invite` o mira en `/suggestions` personas que quizá conozcas.
connections-line = { $member } — conectados { $when }
connections-remove-menu = Eliminar un contacto…
tag-added = Has etiquetado a { $member } con { $tag }. Solo tú ves tus etiquetas.
tag-removed = Has quitado { $tag } de { $member }.
tag-absent = { $member } no tiene tu etiqueta { $tag }.
setting-on = activado
setting-off = desactivado
settings-shown = **Tus ajustes**
    Quién puede invitarte: { $policy }
    Aceptar invitaciones automáticamente: { $auto_accept }
    Notificaciones por MD: { $dms }
    Quién ve tu perfil: { $visibility }
    Nadie sabe cuáles son tus ajustes: todas las invitaciones rechazadas reciben la misma respuesta neutra.
settings-saved = Guardado. { settings-shown }
mydata-delete-ask = ¿Borrar todos tus datos de red en este servidor? Se eliminarán tus contactos, invitaciones, etiquetas, ajustes y los nombres que el bot ha visto de ti, y no se avisará a nadie. No se puede deshacer.
button-delete-my-data = Borrar mis datos
mydata-exported = Aquí tienes todo lo que el bot guarda sobre ti en este servidor. Lo que otras personas guardan sobre ti (por ejemplo, a quién han eliminado) es suyo y no se incluye.
mydata-deleted = Tus datos de red en este servidor se han borrado.
nothing-changed = De acuerdo, no se ha cambiado nada.
not-moderator = Solo los miembros que pueden gestionar este servidor pueden hacer eso.
remove-member-ask = ¿Borrar los datos de red de { $member } en este servidor? Se eliminan sus contactos, invitaciones, etiquetas y ajustes; no se le avisa. El registro de moderación indica que lo has hecho tú.
button-erase-their-data = Borrar sus datos
profile-cleared = Se ha vaciado el perfil de { $member }. Sus contactos se mantienen; no se le avisa. El registro de moderación indica que lo has hecho tú.
profile-nothing-to-clear = { $member } no tiene perfil que vaciar.
network-stats = **Estadísticas de la red**
    Miembros en la red: { $members }
    Contactos: { $connections }
    Invitaciones pendientes: { $pending }
    Invitaciones enviadas en los últimos 7 días: { $sent }
    Contactos por miembro: mediana { $median }, máximo { $most }
limits-shown = **Límites**
    Invitaciones por miembro en 7 días: { $per_week }
    Contactos por miembro: { $cap }
    Reportes en 30 días para suspender: { $reports }
    Enlaces de invitación de Discord en perfiles: { $links }
limits-saved = Guardado. { limits-shown }
limits-links-allowed = permitidos
limits-links-not-allowed = no permitidos
member-erased = Se han borrado los datos de red de { $member } en este servidor.
member-restored = { $member } puede volver a enviar invitaciones.
reports-heading = **Remitentes reportados** («No conozco a esta persona», últimos 30 días)
reports-none = No se ha reportado a nadie.
reports-line = { $member } — { $count ->
    [one] 1 reporte
   *[other] { $count } reportes
}
reports-suspended = suspensión { $when }
button-restore-name = Restablecer a { $name }
