# /notify y el botón 🔔: un miembro elige qué streamers le mencionan.

notify-streamer-gone = Este servidor ya no sigue a ese streamer.
notify-list-empty = Este servidor aún no sigue a ningún streamer.
notify-list-title = Tus avisos de directo
notify-list-how-to-change = Cámbialos con `/{ -cmd-notify } { -cmd-notify-on }` / `/{ -cmd-notify } { -cmd-notify-off }`, o con el botón 🔔 debajo de cualquier notificación de directo.
notify-forgotten = 🧹 Hecho: he borrado lo que guardaba sobre ti en este servidor ({ $erased ->
        [one] { $erased } elección o borrador guardado
       *[other] { $erased } elecciones o borradores guardados
    }) y te he quitado { $roles ->
        [one] { $roles } rol 🔔 que te había dado
       *[other] { $roles } roles 🔔 que te había dado
    }. Tu ID también ha desaparecido de todo lo que añadiste aquí. Qué guardo y durante cuánto tiempo: { $privacy }
notify-on-done = 🔔 Te mencionaré cuando **{ $name }** empiece un directo. `/{ -cmd-notify } { -cmd-notify-off }` lo deshace.
notify-off-done = 🔕 Ya no te mencionaré por **{ $name }**. `/{ -cmd-notify } { -cmd-notify-on }` lo deshace.
notify-cannot-give-roles = Aquí no puedo asignar roles de notificación. Un admin tiene que darme **Gestionar roles** y arrastrar mi rol por encima de los roles de notificación de los streamers (Ajustes del servidor → Roles).
notify-too-many-roles = Este servidor tiene el máximo de 250 roles que permite Discord, así que no puedo crear un rol de notificación para **{ $name }**. Un admin puede eliminar los roles que ya nadie usa (Ajustes del servidor → Roles) y volver a intentarlo.
# El rol que crea el bot para los avisos por suscripción de un streamer (en el idioma del servidor).
notify-role-name = { $name } en directo

# /notify on|off cuando el servidor menciona un rol para todos, o a nadie.
notify-opt-in-needs-admin = Para avisos por miembro, un admin tiene que activar los avisos por suscripción (`/{ -cmd-setup } { -opt-ping }:{ choice-ping-streamer-role }`).
notify-role-held-off = Este servidor menciona a <@&{ $role }> para todos cuando **{ $name }** empieza un directo, y tienes ese rol, así que no puedo desactivar tu aviso por separado. Puedes dejar <@&{ $role }> si el servidor te deja elegir roles (Canales y roles), o desactivar las menciones de roles de este servidor (nombre del servidor → Ajustes de notificaciones → Suprimir todas las @menciones de roles).
notify-role-not-held-off = No te mencionaré por **{ $name }**: este servidor menciona a <@&{ $role }> cuando empieza el directo, y no tienes ese rol.
notify-role-held-on = Ya recibes la mención cuando **{ $name }** empieza un directo: este servidor menciona a <@&{ $role }>, y tienes ese rol.
notify-role-not-held-on = Este servidor menciona a <@&{ $role }> cuando **{ $name }** empieza un directo. Para recibir la mención, toma ese rol si el servidor te deja elegir roles (Canales y roles), o pídeselo a un admin.
notify-nobody-pinged-on = Este servidor no menciona a nadie cuando **{ $name }** empieza un directo: la notificación se publica sin mención, así que no hay nada que activar.
notify-nobody-pinged-off = Este servidor no menciona a nadie cuando **{ $name }** empieza un directo: la notificación se publica sin mención, así que no hay nada que desactivar.
