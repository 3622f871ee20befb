# O mapa da rede (/map) e o gráfico dos moderadores (/network stats).
map-caption = { $count ->
    [one] Sua rede: { $count } conexão. Só você vê esta imagem.
   *[other] Sua rede: { $count } conexões. Só você vê esta imagem.
}
map-empty = Você ainda não tem conexões, então não há mapa para desenhar. Convide alguém com /invite: seu mapa começa com essa pessoa.
map-empty-tag = Nenhuma das suas conexões tem a etiqueta { $tag }.
map-you = Você
map-title = Sua rede
map-connections = { $count ->
    [one] { $count } conexão
   *[other] { $count } conexões
}
map-connections-capped = { $count } de { $total } conexões
map-group-named = { $name } · { $count ->
    [one] { $count } pessoa
   *[other] { $count } pessoas
}
map-group = Grupo { $n } · { $count ->
    [one] { $count } pessoa
   *[other] { $count } pessoas
}
map-ungrouped = Sem grupo · { $count ->
    [one] { $count } pessoa
   *[other] { $count } pessoas
}
map-second-degree = 2º grau · { $count ->
    [one] { $count } pessoa
   *[other] { $count } pessoas
}
chart-title = Estatísticas da rede
chart-histogram = Conexões por membro
chart-connections-axis = conexões (faixas dobram)
chart-members-axis = membros (escala log)
chart-weeks = Convites por semana, últimas 12 semanas
chart-sent = enviados
chart-accepted = aceitos
chart-ignored = ignorados
