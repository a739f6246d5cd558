# /template edit|preview|reset: a aparência das notificações.

# O formulário (título ≤ 45 caracteres, cada rótulo ≤ 45, o texto de exemplo ≤ 100).
template-form-server = Editar o modelo de notificação
template-form-streamer = Editar o modelo deste streamer
template-form-route = Editar o modelo desta rota
template-field-content = Texto da mensagem (acima do card)
template-field-title = Título do card
template-field-description = Texto do card
template-field-color = Cor do card (hex, ex.: #9146FF)
template-field-footer = Rodapé
template-field-placeholder = Variáveis como { $example } e { $other } são preenchidas

template-form-empty = Esse formulário chegou vazio; abra de novo.
template-form-outdated = Esse formulário é de uma versão antiga do StreamMaxing; execute o comando de novo.
template-route-gone = Este servidor não segue mais esse streamer nesse canal.
template-saved = ✅ Salvo. É assim que vai ficar
template-not-saved = ❌ Não foi salvo: o modelo tem problemas.
template-fix-it = Corrigir
template-fix-it-hint = “Corrigir” reabre o formulário com o que você digitou.
template-more-problems = • …e mais { $count }
template-bad-color = • **cor**: “{ $value }” não é uma cor hex como #9146FF.
template-draft-expired = Esse rascunho expirou. Execute `/{ -cmd-template } { -cmd-template-edit }` de novo.

template-preview = Prévia
template-preview-heading = **{ $heading }** (live de exemplo; não menciona ninguém aqui)
template-open-editor = Abrir o editor web
template-reset-streamer = ↩️ **{ $name }** agora usa o modelo do servidor. `/{ -cmd-template } { -cmd-template-preview }` mostra como fica.
template-reset-server = ↩️ O servidor voltou ao modelo padrão. `/{ -cmd-template } { -cmd-template-preview }` mostra como fica.
