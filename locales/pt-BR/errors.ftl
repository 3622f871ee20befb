error-invalid-id = Esse não é um ID do Discord válido.
error-self-target = Você não pode fazer isso com você mesmo.
error-already-connected = Este membro já faz parte das suas conexões.
error-invitation-pending = Você já convidou este membro; seu convite ainda está pendente.
error-not-invitable = Não é possível convidar este membro no momento.
error-note-too-long = Sua nota tem { $chars } caracteres; uma nota pode ter no máximo { $max }.
error-weekly-limit = Você enviou { $limit } convites nos últimos 7 dias, o máximo que este servidor permite. Você poderá convidar de novo em { $wait }.
error-withdraw-cooldown = Você retirou um convite para este membro há pouco tempo. Você poderá convidá-lo de novo em { $wait }.
error-sending-suspended = No momento, você não pode enviar convites.
error-no-invitation-received = Não há nenhum convite pendente deste membro.
error-no-invitation-sent = Você não tem nenhum convite pendente para este membro.
error-not-connected = Este membro não faz parte das suas conexões.
error-cap-reached = Você atingiu o limite de { $cap } conexões deste servidor. Remova uma conexão para abrir espaço para uma nova.
error-invitation-unavailable = Este convite não pode ser aceito no momento.
error-tag-empty = Uma etiqueta não pode ficar vazia.
error-tag-too-long = As etiquetas podem ter no máximo { $max } caracteres.
error-too-many-tags = Uma conexão pode ter no máximo { $max } etiquetas.
error-limit-out-of-range = Esse limite precisa ficar entre { $min } e { $max }.
error-headline-too-long = Seu título tem { $chars } caracteres; ele pode ter no máximo { $max }. Nada foi salvo.
error-about-too-long = Seu texto "Sobre" tem { $chars } caracteres; ele pode ter no máximo { $max }. Nada foi salvo.
error-too-many-skills = Você informou { $count } competências; um perfil pode ter no máximo { $max }. Nada foi salvo.
error-skill-too-long = A competência { $skill } passa de { $max } caracteres. Nada foi salvo.
error-too-many-links = Você informou { $count } links; um perfil pode ter no máximo { $max }. Nada foi salvo.
error-link-too-long = { $link } passa de { $max } caracteres. Nada foi salvo.
error-link-spaces = { $link } tem espaços, e um link não pode ter. Nada foi salvo.
error-link-not-https = { $link } não começa com https:// (só links https são aceitos). Nada foi salvo.
error-link-not-a-link = { $link } não é um endereço da web. Nada foi salvo.
error-link-invite = { $link } é um convite do Discord; a moderação deste servidor não permite convites nos perfis. Nada foi salvo.
error-internal = Algo deu errado do nosso lado. Tente de novo daqui a pouco.

input-not-in-server = Este comando só funciona em um servidor.
input-bot-target = Bots não podem fazer parte da sua rede.
input-not-a-member = Essa pessoa não é membro deste servidor.
input-not-your-button = Este botão não é para você.
input-unknown = Essa ação não está mais disponível.
input-malformed = Faltou alguma coisa nesse pedido. Tente de novo.

wait-minutes = { $count ->
    [one] 1 minuto
   *[other] { $count } minutos
}
wait-hours = { $count ->
    [one] 1 hora
   *[other] { $count } horas
}
wait-days = { $count ->
    [one] 1 dia
   *[other] { $count } dias
}
