# /template edit|preview|reset: cómo se ven las notificaciones.

# El formulario (título ≤ 45 caracteres, cada etiqueta ≤ 45, el texto de ejemplo ≤ 100).
template-form-server = Editar la plantilla de notificación
template-form-streamer = Editar la plantilla de este streamer
template-form-route = Editar la plantilla de esta ruta
template-field-content = Texto del mensaje (encima de la tarjeta)
template-field-title = Título de la tarjeta
template-field-description = Texto de la tarjeta
template-field-color = Color de la tarjeta (hex, p. ej. #9146FF)
template-field-footer = Pie
template-field-placeholder = Las variables como { $example } y { $other } se rellenan solas

template-form-empty = Ese formulario llegó vacío; vuelve a abrirlo.
template-form-outdated = Ese formulario es de una versión anterior de StreamMaxing; vuelve a ejecutar el comando.
template-route-gone = Este servidor ya no sigue a ese streamer ahí.
template-saved = ✅ Guardado. Así es como se verá
template-not-saved = ❌ No se ha guardado: la plantilla tiene problemas.
template-fix-it = Corregir
template-fix-it-hint = «Corregir» vuelve a abrir el formulario con lo que escribiste.
template-more-problems = • …y { $count } más
template-bad-color = • **color**: «{ $value }» no es un color hex como #9146FF.
template-draft-expired = Ese borrador ha caducado. Vuelve a ejecutar `/{ -cmd-template } { -cmd-template-edit }`.

template-preview = Vista previa
template-preview-heading = **{ $heading }** (directo de ejemplo; aquí no menciona a nadie)
template-open-editor = Abrir el editor web
template-reset-streamer = ↩️ **{ $name }** usa ahora la plantilla del servidor. `/{ -cmd-template } { -cmd-template-preview }` la muestra.
template-reset-server = ↩️ El servidor vuelve a usar la plantilla predeterminada. `/{ -cmd-template } { -cmd-template-preview }` la muestra.
