connections-expired = Esta lista expirou. Use /connections de novo.
connections-heading = **Suas conexões**
connections-matching = com “{ $search }”
connections-tagged = com a etiqueta { $tag }
connections-none-match = Nenhuma conexão corresponde.
connections-none = Você ainda não tem conexões. Convide alguém com `/invite` ou veja em `/suggestions` pessoas que talvez você conheça.
connections-line = { $member } — conectados { $when }
connections-remove-menu = Remover uma conexão…
tag-added = A etiqueta { $tag } foi posta em { $member }. Só você vê suas etiquetas.
tag-removed = A etiqueta { $tag } foi tirada de { $member }.
tag-absent = { $member } não tem a sua etiqueta { $tag }.
setting-on = ativado
setting-off = desativado
settings-shown = **Suas configurações**
    Quem pode convidar você: { $policy }
    Aceitar convites automaticamente: { $auto_accept }
    Notificações por DM: { $dms }
    Quem vê seu perfil: { $visibility }
    Ninguém fica sabendo das suas configurações: todo convite recusado recebe a mesma resposta neutra.
settings-saved = Salvo. { settings-shown }
mydata-delete-ask = Apagar todos os seus dados de rede neste servidor? Suas conexões, convites, etiquetas, configurações e os nomes que o bot viu para você serão apagados, e ninguém será avisado. Não dá para desfazer.
button-delete-my-data = Apagar meus dados
mydata-exported = Aqui está tudo o que o bot guarda sobre você neste servidor. O que outras pessoas guardam sobre você (como quem elas removeram) pertence a elas e não está incluído.
mydata-deleted = Seus dados de rede neste servidor foram apagados.
nothing-changed = Tudo bem, nada foi alterado.
not-moderator = Só membros que podem gerenciar este servidor podem fazer isso.
remove-member-ask = Apagar os dados de rede de { $member } neste servidor? Conexões, convites, etiquetas e configurações serão apagados; a pessoa não será avisada. O registro de moderação mostra que foi você.
button-erase-their-data = Apagar os dados
profile-cleared = O perfil de { $member } foi limpo. As conexões continuam; a pessoa não é avisada. O registro de moderação mostra que foi você.
profile-nothing-to-clear = { $member } não tem perfil para limpar.
network-stats = **Estatísticas da rede**
    Membros na rede: { $members }
    Conexões: { $connections }
    Convites pendentes: { $pending }
    Convites enviados nos últimos 7 dias: { $sent }
    Conexões por membro: mediana { $median }, máximo { $most }
limits-shown = **Limites**
    Convites por membro em 7 dias: { $per_week }
    Conexões por membro: { $cap }
    Denúncias em 30 dias para suspender: { $reports }
    Links de convite do Discord nos perfis: { $links }
limits-saved = Salvo. { limits-shown }
limits-links-allowed = permitidos
limits-links-not-allowed = não permitidos
member-erased = Os dados de rede de { $member } neste servidor foram apagados.
member-restored = { $member } pode enviar convites de novo.
reports-heading = **Remetentes denunciados** ("Não conheço esta pessoa", últimos 30 dias)
reports-none = Ninguém foi denunciado.
reports-line = { $member } — { $count ->
    [one] 1 denúncia
   *[other] { $count } denúncias
}
reports-suspended = suspensão { $when }
button-restore-name = Restabelecer { $name }
