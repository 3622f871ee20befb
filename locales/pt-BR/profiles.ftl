degree-first-connected = 1º grau: conexão direta
degree-first = 1º grau
degree-second = 2º grau
degree-second-short = 2º grau
degree-third = 3º grau
degree-third-short = 3º grau
degree-outside = fora da sua rede
relation-mutuals = { $count ->
    [one] 1 conexão em comum
   *[other] { $count } conexões em comum
}: { $names }
relation-mutuals-more = { $count ->
    [one] 1 conexão em comum
   *[other] { $count } conexões em comum
}: { $names } e mais { $more }
relation-since = Conectados desde { $date }
relation-tags = Suas etiquetas: { $tags }
relation-invited-you = Essa pessoa convidou você para se conectar.
relation-pending = Seu convite está pendente.
button-invite-to-connect = Convidar para se conectar
own-network = **Sua rede**
    Conexões: { $connections }
    Convites para você: { $received }
    Convites enviados pendentes: { $sent }
    Convites restantes nesta semana: { $left }
own-no-profile = Você ainda não tem perfil: adicione um título, competências e links para que as pessoas encontrem você com /people.
button-edit-profile = Editar perfil
card-connections = Conexões
card-hidden = O perfil só é visível para as conexões dessa pessoa.
card-empty = Ainda sem perfil.
card-skills = Competências
card-open-to = Aberto a
card-links = Links
form-title = Editar seu perfil
form-headline = Título
form-headline-placeholder = O que você faz, em uma linha
form-about = Sobre
form-about-placeholder = Algumas palavras sobre você e seu trabalho
form-skills = Competências (vírgulas, até { $max })
form-skills-placeholder = Rust, PostgreSQL, mentoria
form-links = Links, um por linha (até { $max })
form-links-placeholder = https://…
profile-saved = Salvo. Este é o seu perfil; escolha abaixo para o que você está aberto.
open-to-placeholder = Aberto a… (escolha quantas quiser, ou nenhuma)
profile-empty = Seu perfil está vazio, então não há nada para mostrar.
suggestions-none = Nenhuma sugestão no momento. Elas vêm das conexões das suas conexões: conecte-se primeiro com algumas pessoas.
suggestions-heading = **Pessoas que talvez você conheça**
suggestions-line = { $n }. { $member } — { $count ->
    [one] 1 conexão em comum
   *[other] { $count } conexões em comum
}
suggestions-shares = competências em comum: { $skills }
button-invite-name = Convidar { $name }
people-expired = Esta busca expirou. Use /people de novo.
people-skill = competência **{ $skill }**
people-words = “{ $words }”
people-open-to = aberto a { $open_to }
people-heading-all = **Pessoas com perfil**
people-heading = **Pessoas** · { $filters }
people-none = Ninguém corresponde ainda. Tente outra competência ou menos palavras.
people-found = { $heading } — { $count } encontradas, as mais próximas primeiro
people-mutuals = { $count ->
    [one] 1 conexão em comum
   *[other] { $count } conexões em comum
}
button-view-name = Ver { $name }
skill-choice = { $skill } ({ $count })
member-fallback = membro { $id }
server-fallback = um servidor
