# /template edit|preview|reset: wie Benachrichtigungen aussehen.

# Das Formular (Titel ≤ 45 Zeichen, jede Beschriftung ≤ 45, der Platzhalter ≤ 100).
template-form-server = Benachrichtigungsvorlage bearbeiten
template-form-streamer = Vorlage dieses Streamers bearbeiten
template-form-route = Vorlage dieser Route bearbeiten
template-field-content = Nachrichtentext (über der Karte)
template-field-title = Kartentitel
template-field-description = Kartentext
template-field-color = Kartenfarbe (Hex, z. B. #9146FF)
template-field-footer = Fußzeile
template-field-placeholder = Variablen wie { $example } und { $other } werden ausgefüllt

template-form-empty = Das Formular kam leer an; bitte öffne es noch einmal.
template-form-outdated = Dieses Formular stammt aus einer älteren Version von StreamMaxing; bitte führe den Befehl noch einmal aus.
template-route-gone = Dieser Server folgt diesem Streamer dort nicht mehr.
template-saved = ✅ Gespeichert. So wird es aussehen
template-not-saved = ❌ Nicht gespeichert: Die Vorlage hat Probleme.
template-fix-it = Korrigieren
template-fix-it-hint = „Korrigieren“ öffnet das Formular wieder mit dem, was du eingegeben hast.
template-more-problems = • …und { $count } weitere
template-bad-color = • **Farbe**: „{ $value }“ ist keine Hex-Farbe wie #9146FF.
template-draft-expired = Dieser Entwurf ist abgelaufen. Führe `/{ -cmd-template } { -cmd-template-edit }` noch einmal aus.

template-preview = Vorschau
template-preview-heading = **{ $heading }** (Beispiel-Stream; pingt hier niemanden)
template-open-editor = Web-Editor öffnen
template-reset-streamer = ↩️ **{ $name }** nutzt jetzt die Vorlage des Servers. `/{ -cmd-template } { -cmd-template-preview }` zeigt sie.
template-reset-server = ↩️ Der Server nutzt wieder die Standardvorlage. `/{ -cmd-template } { -cmd-template-preview }` zeigt sie.
