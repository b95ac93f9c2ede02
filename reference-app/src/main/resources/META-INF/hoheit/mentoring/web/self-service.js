// Smoffen web console: the pages every signed-in person has about themselves (R6, R7, R10, R11, R13, R18, R25)
// and the messages between mentees and mentors.
"use strict";

addText({
  de: {
    accessLog: "Wer hat meine Daten gesehen", noViews: "Niemand hat Ihre Daten gesehen.", older: "Ältere anzeigen",
    viewed: "hat {what} angesehen", denied: "wurde beim Versuch abgewiesen, {what} anzusehen",
    what_smoff_sessions: "Ihre Smoff-Time", what_plans: "Ihre Pläne", what_pictures: "Ihre Bilder", what_picture: "ein Bild", what_assessment: "Ihre Bewertung", what_messages: "Ihre Nachrichten",
    consents: "Meine Einwilligungen", myData: "Meine Daten",
    consentsIntro: "Sie können jede Einwilligung jederzeit widerrufen. Erforderliche Einwilligungen zu widerrufen löscht Ihr Konto.",
    cstatus_granted: "erteilt", cstatus_refused: "abgelehnt", cstatus_withdrawn: "widerrufen", cstatus_expired: "abgelaufen", cstatus_undecided: "noch nicht entschieden",
    grant: "Einwilligen", withdraw: "Widerrufen", withdrawRequired: "Widerrufen löscht Ihr Konto endgültig.",
    confirmDelete: "Ja, Konto löschen", newNotice: "Es gibt eine neue Fassung dieses Hinweises.",
    exportTitle: "Alle meine Daten herunterladen", exportIntro: "Ein ZIP-Archiv mit allem, was Smoffen über Sie speichert: zum Lesen die Seite index.html mit einer Tabelle je Speicher, dazu maschinenlesbares JSON und die Belege Ihrer Einwilligungen.",
    download: "Herunterladen", deleteTitle: "Konto löschen",
    deleteIntro: "Löscht Ihr Konto und alle Ihre Daten in jedem Speicher. Bestätigen Sie mit Ihrem Passwort.",
    deleteAccount: "Konto endgültig löschen", deleted: "Ihr Konto und Ihre Daten sind gelöscht.",
    cn_readNotice: "Hinweis lesen (Fassung {version})", cn_readBefore: "Bitte lesen Sie den Hinweis, bevor Sie einwilligen.",
    msg_menu: "Nachrichten", msg_title: "Meine Nachrichten",
    msg_withheld: "Die Unterhaltung mit {nickname} ist ausgeblendet: {nickname} hat die Verarbeitung ihrer oder seiner Daten eingeschränkt (Art. 18 DSGVO). Solange das gilt, können Sie sie weder lesen noch schreiben.",
    msg_intro: "Nachrichten können Sie mit Ihren Mentoren und Mentees austauschen, solange die Mentor-Beziehung aktiv ist. Sie werden verschlüsselt gespeichert.",
    msg_to: "An", msg_text: "Nachricht", msg_send: "Senden", msg_sent: "Die Nachricht ist gesendet.", msg_reload: "Auf neue Nachrichten prüfen",
    msg_nobody: "Sie haben gerade keine aktive Mentor-Beziehung; daher können Sie keine Nachricht senden.",
    msg_none: "Noch keine Nachrichten.", msg_with: "Unterhaltung mit {nickname}", msg_you: "Sie", msg_reply: "Antworten",
    msg_yourMentor: "Ihr Mentor", msg_yourMentee: "Ihr Mentee", msg_former: "eine frühere Kontaktperson",
    msg_unreadable: "(Diese Nachricht ist nicht mehr lesbar.)", msg_empty: "Bitte schreiben Sie eine Nachricht.",
    act_menu: "Was ich getan habe", act_title: "Was ich getan habe",
    act_intro: "Alles, was Sie in Smoffen getan haben, das Neueste zuerst (die letzten 100 Einträge). Gleiche Schritte direkt nacheinander sind zusammengefasst. Das Protokoll wird nach 12 Monaten gelöscht.",
    act_none: "Noch keine Einträge.", act_times: "{count}-mal", act_refused: "(abgewiesen)",
    act_view_page: "Sie haben Ihre Daten in der Konsole aufgerufen.", act_opened: "Sie haben „{page}“ aufgerufen.",
    act_page_account: "Ihr Konto", act_page_export: "Datenexport", act_create_account: "Ihr Konto wurde angelegt.",
    act_update_account: "Sie haben Ihre Kontodaten berichtigt.", act_login_session: "Sie haben sich angemeldet.",
    act_logout_session: "Sie haben sich abgemeldet.", "act_create_smoff-session": "Sie haben Smoff-Time eingetragen.", act_restrict_restriction: "Sie haben die Verarbeitung Ihrer Daten eingeschränkt.", act_revoke_restriction: "Sie haben die Einschränkung aufgehoben.", "act_delete_smoff-session": "Sie haben einen Smoff-Time-Eintrag gelöscht.",
    act_update_plan: "Sie haben einen Plan gespeichert.", act_create_picture: "Sie haben ein Bild hochgeladen.",
    act_delete_picture: "Sie haben ein Bild gelöscht.", act_create_message: "Sie haben eine Nachricht gesendet.",
    "act_grant_mentor-grant": "Sie haben einem Mentor Zugriff gegeben (eingeladen oder angenommen).",
    "act_revoke_mentor-grant": "Sie haben einen Mentor abgelehnt oder abberufen.",
    act_grant_consent: "Sie haben eine Einwilligung erteilt.", act_revoke_consent: "Sie haben eine Einwilligung widerrufen.",
    "act_view_smoff-sessions": "Sie haben die Smoff-Time eines Mentees angesehen.", act_view_plans: "Sie haben die Pläne eines Mentees angesehen.",
    act_view_pictures: "Sie haben die Bilder eines Mentees angesehen.", act_view_picture: "Sie haben ein Bild eines Mentees angesehen.",
    act_view_assessment: "Sie haben die Bewertung einer beschäftigten Person angesehen.",
    "act_what_account": "Konto", "act_what_accounts": "Konten", "act_what_assessment": "Bewertung",
    "act_what_audit-checkpoint": "Checkpoint des Protokolls", "act_what_audit-entries": "Einträge des Protokolls",
    "act_what_consent": "Einwilligung", "act_what_consent-refusal": "abgelehnte Einwilligung", "act_what_course": "Kurs",
    "act_what_courses": "Kurse", "act_what_employment": "Verknüpfung mit einem Arbeitgeber",
    "act_what_employments": "Verknüpfungen mit Arbeitgebern", "act_what_mentor-assignment": "Zuweisung eines Mentors",
    "act_what_mentor-assignments": "Zuweisungen von Mentoren", "act_what_mentor-grant": "Freigabe für einen Mentor",
    "act_what_mentor-rights": "Mentorenrechte", "act_what_message": "Nachricht", "act_what_messages": "Nachrichten",
    "act_what_page": "Seite", "act_what_password": "Passwort", "act_what_password-reset": "Neues Passwort per Code",
    "act_what_picture": "Bild", "act_what_pictures": "Bilder", "act_what_plan": "Plan", "act_what_plans": "Pläne",
    "act_what_privacy-requests": "Anfragen zum Datenschutz", "act_what_recovery-codes": "Wiederherstellungscodes",
    "act_what_research-export": "Forschungsexport", "act_what_reset-code": "Code für ein neues Passwort",
    "act_what_restriction": "Einschränkung der Verarbeitung", "act_what_retention-run": "Aufbewahrungslauf",
    "act_what_session": "Sitzung", "act_what_smoff-session": "Smoff-Time-Eintrag",
    "act_what_smoff-sessions": "Smoff-Time-Einträge",
    "act_revoke_consent-refusal": "Sie haben eine Einwilligung abgelehnt.",
    act_generic: "{action}: {what}", act_view: "Angesehen", act_create: "Angelegt", act_update: "Geändert", act_delete: "Gelöscht",
    act_login: "Angemeldet", act_logout: "Abgemeldet", act_login_failed: "Anmeldung fehlgeschlagen", act_export: "Exportiert",
    act_erase: "Gelöscht", act_grant: "Erteilt", act_revoke: "Widerrufen", act_restrict: "Eingeschränkt",
    md_intro: "Hier steht alles, was Smoffen über Sie speichert, Speicher für Speicher. Darüber hinaus gibt es nichts.",
    rt_title: "Ihre Rechte",
    rt_access: "Auskunft (Art. 15 DSGVO): diese Seite und der Export, jederzeit und kostenlos.",
    rt_rectify: "Berichtigung (Art. 16): Ihre E-Mail-Adresse oben; Ihre Pläne auf der Seite „Pläne“; einen falschen Smoff-Time-Eintrag löschen Sie und tragen ihn neu ein.",
    rt_erase: "Löschung (Art. 17): „Konto endgültig löschen“ oben; einzelne Bilder auf der Seite „Bilder“.",
    rt_restrict: "Einschränkung der Verarbeitung (Art. 18): „Verarbeitung einschränken“ oben.",
    rt_port: "Datenübertragbarkeit (Art. 20): der Export ist ein ZIP-Archiv mit maschinenlesbarem JSON.",
    rt_object: "Widerspruch (Art. 21) und Widerruf: jede Einwilligung widerrufen Sie unter „Meine Einwilligungen“; einer Verarbeitung widersprechen Sie unter „Anfragen zum Datenschutz“; dort läuft die Frist von einem Monat für die Antwort des Betreibers (Art. 12 Abs. 3).",
    rt_complain: "Beschwerde (Art. 77): Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, etwa bei der Ihres Wohnorts.",
    md_stored: "Was Smoffen über Sie speichert", md_records: "{count} Einträge", md_record: "1 Eintrag", md_noRecords: "keine Einträge",
    md_details: "Einzelheiten (technisch)",
    md_store_accounts: "Ihr Konto", md_storeText_accounts: "Spitzname, Rollen, Ihre E-Mail-Adresse (falls angegeben), Ihr Passwort als Hash (gehasht, nicht umkehrbar) und Ihre Anmeldesitzungen.",
    "md_store_smoff-time": "Smoff-Time", "md_storeText_smoff-time": "Ihre Planungszeiten: Art, Datum, Minuten und Ihre Notizen.",
    md_store_plans: "Pläne", md_storeText_plans: "Ihre Tages-, Wochen- und Jahrespläne.",
    md_store_pictures: "Bilder", md_storeText_pictures: "Ihre Fotos von Planungsbögen, ohne Zusatzangaben gespeichert.",
    md_store_employments: "Arbeitgeber", md_storeText_employments: "Mit welchem Arbeitgeber Sie verknüpft sind (dieser sieht nur Bewertungen).",
    md_store_courses: "Kurse", md_storeText_courses: "Die Kurse, an denen Sie teilnehmen.",
    md_store_messages: "Nachrichten", md_storeText_messages: "Nachrichten zwischen Ihnen und Ihren Mentoren oder Mentees.",
    md_store_consent: "Einwilligungen und Freigaben", md_storeText_consent: "Ihre Einwilligungen und Ablehnungen (welcher Hinweis, wann, wie) und die Zugriffe, die Sie anderen gegeben haben oder andere Ihnen.",
    md_store_audit: "Protokoll", md_storeText_audit: "Was Sie in Smoffen getan haben und wer Ihre Daten angesehen hat, mit IP-Adresse und Browser (IP-Adressen nur 7 Tage lang lesbar).",
    md_store_retention: "Einschränkungen", md_storeText_retention: "Ob die Verarbeitung Ihrer Daten eingeschränkt ist, und rechtliche Aufbewahrungspflichten, die Sie betreffen.",
    md_store_notifications: "Benachrichtigungen", md_storeText_notifications: "Was Smoffen Ihnen in der App oder per E-Mail mitgeteilt hat, und welche Benachrichtigungen Sie gewählt haben.",
    "md_store_privacy-requests": "Anfragen zum Datenschutz", "md_storeText_privacy-requests": "Ihre Widersprüche, Fragen und Beschwerden an den Betreiber, und die Antworten.",
    md_emailTitle: "Ihre E-Mail-Adresse", md_emailNone: "Sie haben keine E-Mail-Adresse angegeben.", md_emailIs: "Gespeichert ist: {email}",
    md_emailEdit: "Berichtigen", md_emailNew: "Neue E-Mail-Adresse (leer lassen, um sie zu entfernen)", md_emailSaved: "Ihre E-Mail-Adresse ist berichtigt.",
    md_restrictTitle: "Verarbeitung einschränken",
    md_restrictIntro: "Sie können verlangen, dass Ihre Daten eingeschränkt verarbeitet werden, zum Beispiel solange Sie prüfen lassen, ob sie richtig sind (Art. 18 DSGVO). Solange sie gilt, sieht niemand sonst Ihre Daten: Mentoren und Arbeitgeber werden abgewiesen, und Sie sehen jeden Versuch unter „Wer hat meine Daten gesehen“. Ihre Daten bleiben gespeichert. Die Einschränkung wird mit Ihrem Grund vermerkt; Sie können sie jederzeit aufheben.",
    md_restricted: "Die Verarbeitung Ihrer Daten ist eingeschränkt.", md_notRestricted: "Die Verarbeitung Ihrer Daten ist nicht eingeschränkt.",
    md_restrict: "Verarbeitung einschränken", md_reason: "Grund (freiwillig)", md_lift: "Einschränkung aufheben",
    md_restrictedDone: "Die Verarbeitung ist eingeschränkt.", md_liftedDone: "Die Einschränkung ist aufgehoben.",
    md_deleteWhat: "Gelöscht wird alles, was Smoffen über Sie speichert, im Einzelnen", md_deleteMessages: "Auch Ihre Nachrichten mit Mentoren oder Mentees werden gelöscht, für beide Seiten.",
    md_deleteFinal: "Das lässt sich nicht rückgängig machen. Laden Sie vorher Ihre Daten herunter, wenn Sie sie behalten möchten.",
    cn_receipts: "Belege Ihrer Entscheidungen",
    cn_receiptsHint: "Zu jeder Entscheidung gibt es einen Beleg (Consent Receipt nach Kantara v1.1, JSON): wer, was, welche Fassung des Hinweises, wann und wie. Er steht auch im Datenexport.",
    cn_receipt: "Beleg herunterladen: {choice} am {date} (Fassung {version})",
    cn_choice_granted: "eingewilligt", cn_choice_refused: "abgelehnt", cn_choice_withdrawn: "widerrufen",
    wl_title: "Willkommen bei Smoffen",
    wl_smoff: "Smoffen heißt „smart offline“: Sie planen auf Papier, in kurzen Sitzungen. Täglich 4 bis 10 Minuten, wöchentlich 15 bis 30 Minuten, vierteljährlich und jährlich 1 bis 2 Stunden.",
    wl_smoffTime: "Smoff-Time ist die Aufzeichnung dieser Planungszeiten: Art, Datum, Dauer und, wenn Sie möchten, eine Notiz. Dazu können Sie Ihre Pläne schreiben und Fotos Ihrer Planungsbögen hochladen.",
    wl_rolesTitle: "Wer was sieht", wl_yourRoles: "Ihre Rolle in Smoffen ist {roles}.",
    wl_role_mentee: "plant, trägt Smoff-Time ein und entscheidet selbst, wer davon etwas sieht.",
    wl_role_mentor: "sieht nur, was ein Mentee ihm freigibt: alles (Smoff-Time, Pläne und Bilder) oder nur die Smoff-Time. Der Mentee kann ihn jederzeit abberufen.",
    wl_role_employer: "sieht nie Einträge, Pläne oder Bilder, nur eine Bewertung der Regelmäßigkeit.",
    wl_role_operator: "vergibt Mentorenrechte, ordnet Mentoren zu und startet Kurse. Auch jeder Blick des Betreibers auf Ihre Daten wird protokolliert.",
    wl_role_auditor: "prüft, dass Aufbewahrung, Löschung und Protokoll halten, was versprochen ist.",
    wl_role_supervisor: "berät Mentoren zu Fällen, die nur pseudonymisiert vorliegen: ohne Namen, ohne Daten, ohne die Texte der Pläne. Jedes Lesen eines Falls sieht der Mentee, und er kann widersprechen.",
    wl_privacy: "Niemand sieht etwas ohne Ihre Freigabe. Wer Ihre Daten angesehen hat, steht unter „Wer hat meine Daten gesehen“.",
    wl_done: "Verstanden, nicht mehr zeigen"
  },
  en: {
    accessLog: "Who viewed my data", noViews: "Nobody has viewed your data.", older: "Show older",
    viewed: "viewed {what}", denied: "was refused when trying to view {what}",
    what_smoff_sessions: "your Smoff-Time", what_plans: "your plans", what_pictures: "your pictures", what_picture: "a picture", what_assessment: "your assessment", what_messages: "your messages",
    consents: "My consents", myData: "My data",
    consentsIntro: "You can withdraw any consent at any time. Withdrawing a required consent deletes your account.",
    cstatus_granted: "given", cstatus_refused: "refused", cstatus_withdrawn: "withdrawn", cstatus_expired: "expired", cstatus_undecided: "not decided yet",
    grant: "Consent", withdraw: "Withdraw", withdrawRequired: "Withdrawing deletes your account for good.",
    confirmDelete: "Yes, delete my account", newNotice: "There is a newer version of this notice.",
    exportTitle: "Download all my data", exportIntro: "A ZIP archive of everything Smoffen stores about you: index.html to read, with a table for each store, plus machine-readable JSON and the receipts of your consents.",
    download: "Download", deleteTitle: "Delete my account",
    deleteIntro: "Deletes your account and all your data in every store. Confirm with your password.",
    deleteAccount: "Delete my account for good", deleted: "Your account and your data are deleted.",
    cn_readNotice: "Read the notice (version {version})", cn_readBefore: "Please read the notice before you consent.",
    msg_menu: "Messages", msg_title: "My messages",
    msg_withheld: "The conversation with {nickname} is hidden: {nickname} has restricted the processing of their data (GDPR Art. 18). While that holds, you can neither read nor write in it.",
    msg_intro: "You can exchange messages with your mentors and mentees while the mentor relation is active. They are stored encrypted.",
    msg_to: "To", msg_text: "Message", msg_send: "Send", msg_sent: "The message is sent.", msg_reload: "Check for new messages",
    msg_nobody: "You have no active mentor relation right now, so you cannot send a message.",
    msg_none: "No messages yet.", msg_with: "Conversation with {nickname}", msg_you: "You", msg_reply: "Reply",
    msg_yourMentor: "your mentor", msg_yourMentee: "your mentee", msg_former: "a former contact",
    msg_unreadable: "(This message can no longer be read.)", msg_empty: "Please write a message.",
    act_menu: "What I did", act_title: "What I did",
    act_intro: "Everything you did in Smoffen, newest first (the last 100 entries). The same step several times in a row is shown once. The log is deleted after 12 months.",
    act_none: "No entries yet.", act_times: "{count} times", act_refused: "(refused)",
    act_view_page: "You opened your data in the console.", act_opened: "You opened “{page}”.",
    act_page_account: "your account", act_page_export: "Data export", act_create_account: "Your account was created.",
    act_update_account: "You corrected your account data.", act_login_session: "You signed in.",
    act_logout_session: "You signed out.", "act_create_smoff-session": "You recorded Smoff-Time.", act_restrict_restriction: "You restricted the processing of your data.", act_revoke_restriction: "You lifted the restriction.", "act_delete_smoff-session": "You deleted a Smoff-Time entry.",
    act_update_plan: "You saved a plan.", act_create_picture: "You uploaded a picture.",
    act_delete_picture: "You deleted a picture.", act_create_message: "You sent a message.",
    "act_grant_mentor-grant": "You gave a mentor access (invited or accepted).",
    "act_revoke_mentor-grant": "You declined or revoked a mentor.",
    act_grant_consent: "You gave a consent.", act_revoke_consent: "You withdrew a consent.",
    "act_view_smoff-sessions": "You viewed a mentee's Smoff-Time.", act_view_plans: "You viewed a mentee's plans.",
    act_view_pictures: "You viewed a mentee's pictures.", act_view_picture: "You viewed a mentee's picture.",
    act_view_assessment: "You viewed an employee's assessment.",
    "act_what_account": "account", "act_what_accounts": "accounts", "act_what_assessment": "assessment",
    "act_what_audit-checkpoint": "audit log checkpoint", "act_what_audit-entries": "audit log entries",
    "act_what_consent": "consent", "act_what_consent-refusal": "refused consent", "act_what_course": "course",
    "act_what_courses": "courses", "act_what_employment": "link to an employer", "act_what_employments": "links to employers",
    "act_what_mentor-assignment": "mentor assignment", "act_what_mentor-assignments": "mentor assignments",
    "act_what_mentor-grant": "access for a mentor", "act_what_mentor-rights": "mentor rights", "act_what_message": "message",
    "act_what_messages": "messages", "act_what_page": "page", "act_what_password": "password",
    "act_what_password-reset": "new password by code", "act_what_picture": "picture", "act_what_pictures": "pictures",
    "act_what_plan": "plan", "act_what_plans": "plans", "act_what_privacy-requests": "privacy requests",
    "act_what_recovery-codes": "recovery codes", "act_what_research-export": "research export",
    "act_what_reset-code": "reset code", "act_what_restriction": "restriction of processing",
    "act_what_retention-run": "retention run", "act_what_session": "session", "act_what_smoff-session": "Smoff-Time entry",
    "act_what_smoff-sessions": "Smoff-Time entries",
    "act_revoke_consent-refusal": "You refused a consent.",
    act_generic: "{action}: {what}", act_view: "Viewed", act_create: "Created", act_update: "Changed", act_delete: "Deleted",
    act_login: "Signed in", act_logout: "Signed out", act_login_failed: "Sign-in failed", act_export: "Exported",
    act_erase: "Erased", act_grant: "Granted", act_revoke: "Revoked", act_restrict: "Restricted",
    md_intro: "This is everything Smoffen stores about you, store by store. There is nothing beyond it.",
    rt_title: "Your rights",
    rt_access: "Access (Art. 15 GDPR): this page and the export, at any time and free of charge.",
    rt_rectify: "Rectification (Art. 16): your e-mail address above; your plans on the “Plans” page; delete a wrong Smoff-Time entry and enter it again.",
    rt_erase: "Erasure (Art. 17): “Delete my account for good” above; single pictures on the “Pictures” page.",
    rt_restrict: "Restriction of processing (Art. 18): “Restrict processing” above.",
    rt_port: "Data portability (Art. 20): the export is a ZIP archive of machine-readable JSON.",
    rt_object: "Objection (Art. 21) and withdrawal: withdraw any consent under “My consents”; object to any processing under “Privacy requests”, where the operator's one-month deadline to answer runs (Art. 12(3)).",
    rt_complain: "Complaint (Art. 77): you may complain to a data protection supervisory authority, for example the one where you live.",
    md_stored: "What Smoffen stores about you", md_records: "{count} entries", md_record: "1 entry", md_noRecords: "no entries",
    md_details: "Details (technical)",
    md_store_accounts: "Your account", md_storeText_accounts: "Nickname, roles, your e-mail address (if you gave one), the hashed password and your sign-in sessions.",
    "md_store_smoff-time": "Smoff-Time", "md_storeText_smoff-time": "Your planning times: kind, date, minutes and your notes.",
    md_store_plans: "Plans", md_storeText_plans: "Your day, week and year plans.",
    md_store_pictures: "Pictures", md_storeText_pictures: "Your photos of planning sheets, stored without extra data.",
    md_store_employments: "Employers", md_storeText_employments: "Which employer you are linked to (they see assessments only).",
    md_store_courses: "Courses", md_storeText_courses: "The courses you take part in.",
    md_store_messages: "Messages", md_storeText_messages: "Messages between you and your mentors or mentees.",
    md_store_consent: "Consents and grants", md_storeText_consent: "Your consents and refusals (which notice, when, how) and the access you gave others or others gave you.",
    md_store_audit: "Log", md_storeText_audit: "What you did in Smoffen and who viewed your data, with IP address and browser (IP addresses readable for 7 days only).",
    md_store_retention: "Restrictions", md_storeText_retention: "Whether processing of your data is restricted, and legal holds that concern you.",
    md_store_notifications: "Notifications", md_storeText_notifications: "What Smoffen told you in the app or by e-mail, and which notifications you chose.",
    "md_store_privacy-requests": "Privacy requests", "md_storeText_privacy-requests": "Your objections, questions and complaints to the operator, and the answers.",
    md_emailTitle: "Your e-mail address", md_emailNone: "You have not given an e-mail address.", md_emailIs: "Stored: {email}",
    md_emailEdit: "Correct", md_emailNew: "New e-mail address (leave empty to remove it)", md_emailSaved: "Your e-mail address is corrected.",
    md_restrictTitle: "Restrict processing",
    md_restrictIntro: "You can ask for the processing of your data to be restricted, for example while you have its accuracy checked (GDPR Art. 18). While it holds, nobody else sees your data: mentors and employers are refused, and you see every attempt under “Who viewed my data”. Your data stays stored. The restriction is recorded with your reason; you can lift it at any time.",
    md_restricted: "Processing of your data is restricted.", md_notRestricted: "Processing of your data is not restricted.",
    md_restrict: "Restrict processing", md_reason: "Reason (optional)", md_lift: "Lift the restriction",
    md_restrictedDone: "Processing is restricted.", md_liftedDone: "The restriction is lifted.",
    md_deleteWhat: "Everything Smoffen stores about you is deleted, namely", md_deleteMessages: "Your messages with mentors or mentees are deleted too, for both sides.",
    md_deleteFinal: "This cannot be undone. Download your data first if you want to keep it.",
    cn_receipts: "Receipts of your decisions",
    cn_receiptsHint: "Every decision has a receipt (a Kantara v1.1 consent receipt, JSON): who, what, which version of the notice, when and how. It is in the data export too.",
    cn_receipt: "Download the receipt: {choice} on {date} (version {version})",
    cn_choice_granted: "consented", cn_choice_refused: "refused", cn_choice_withdrawn: "withdrawn",
    wl_title: "Welcome to Smoffen",
    wl_smoff: "Smoffen means “smart offline”: you plan on paper, in short sessions. Daily 4 to 10 minutes, weekly 15 to 30 minutes, quarterly and yearly 1 to 2 hours.",
    wl_smoffTime: "Smoff-Time is the record of those planning times: kind, date, duration and, if you like, a note. You can also write your plans and upload photos of your planning sheets.",
    wl_rolesTitle: "Who sees what", wl_yourRoles: "Your role in Smoffen is {roles}.",
    wl_role_mentee: "plans, records Smoff-Time and decides who sees any of it.",
    wl_role_mentor: "sees only what a mentee shares: everything (Smoff-Time, plans and pictures) or Smoff-Time only. The mentee can revoke the mentor at any time.",
    wl_role_employer: "never sees entries, plans or pictures, only an assessment of regularity.",
    wl_role_operator: "grants mentor rights, assigns mentors and starts courses. Every look of the operator at your data is logged too.",
    wl_role_auditor: "checks that retention, deletion and the log keep what is promised.",
    wl_role_supervisor: "advises mentors on cases that come pseudonymised only: no names, no dates, no texts of plans. The mentee sees every read of a case and can object.",
    wl_privacy: "Nobody sees anything without your grant. Who viewed your data is listed under “Who viewed my data”.",
    wl_done: "Got it, do not show again"
  }
});

// ---- First sign-in ------------------------------------------------------------------------------

/**
 * What Smoff-Time is and who sees what, on every page until the person has read it once; the server
 * remembers that, so it is not shown again in any browser.
 */
function welcomeCard() {
  const done = el("button", { type: "button", id: "welcome-done" }, t("wl_done"));
  const card = el("section", { class: "card welcome", id: "welcome", "aria-labelledby": "welcome-title" },
    el("h2", { id: "welcome-title" }, t("wl_title")),
    el("p", {}, t("wl_smoff")), el("p", {}, t("wl_smoffTime")),
    el("h3", {}, t("wl_rolesTitle")),
    el("p", { id: "welcome-your-roles" }, el("strong", {}, textWith("wl_yourRoles", { roles: me.roles.map((role) => t("role_" + role)).join(", ") }))),
    el("ul", { id: "welcome-roles" }, ...["mentee", "mentor", "supervisor", "employer", "operator", "auditor"].map((role) =>
      el("li", { "data-role": role, class: me.roles.includes(role) ? "yours" : null }, el("strong", {}, t("role_" + role)), " ", t("wl_role_" + role)))),
    el("p", {}, t("wl_privacy")), done);
  done.addEventListener("click", async () => {
    try {
      await api("POST", "/api/me/welcome", { seen: true });
      me.welcomeSeen = true;
      card.remove();
      document.getElementById("main").focus({ preventScroll: true });
    } catch (error) { failed(error); }
  });
  return card;
}

// ---- Messages ----------------------------------------------------------------------------------

let selfServiceMessageTo = null;

page("/messages", ["mentee", "mentor"], "msg_menu", async (main) => {
  const [data, mine, theirs] = await Promise.all([
    api("GET", "/api/me/messages"),
    me.roles.includes("mentee") ? api("GET", "/api/me/mentors") : Promise.resolve({ mentors: [] }),
    me.roles.includes("mentor") ? api("GET", "/api/mentees") : Promise.resolve({ mentees: [] })]);
  // The people I may write to: an active relation, either way round. Ended ones only name old messages.
  const contacts = new Map();
  for (const m of mine.mentors) {
    const known = contacts.get(m.personId);
    if (!known || m.status === "active") { contacts.set(m.personId, { nickname: m.nickname, relation: "msg_yourMentor", active: m.status === "active" }); }
  }
  for (const m of theirs.mentees) { contacts.set(m.personId, { nickname: m.nickname, relation: "msg_yourMentee", active: true }); }
  const restricted = new Set((data.withheld || []).map((w) => w.with)); // nobody writes into a withheld conversation
  const active = [...contacts.entries()].filter(([id, c]) => c.active && !restricted.has(id));
  const nameOf = (id) => (contacts.has(id) ? contacts.get(id).nickname : t("msg_former"));

  let form = el("p", { class: "hint", id: "no-recipients" }, t("msg_nobody"));
  let to = null;
  let text = null;
  if (active.length > 0) {
    to = el("select", { id: "message-to", required: true },
      ...active.map(([id, c]) => el("option", { value: id, selected: id === selfServiceMessageTo }, c.nickname + " (" + t(c.relation) + ")")));
    text = el("textarea", { id: "message-text", rows: 3, maxlength: 5000, required: true });
    form = el("form", { class: "card", id: "message-form", novalidate: true },
      ...field("message-to", "msg_to", to), ...field("message-text", "msg_text", text), el("button", { type: "submit" }, t("msg_send")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!text.value.trim()) { message(t("msg_empty"), "error"); text.focus(); return; }
      try {
        selfServiceMessageTo = to.value;
        await api("POST", "/api/me/messages", { to: to.value, text: text.value });
        message(t("msg_sent"));
        route();
      } catch (error) { failed(error); }
    });
  }

  const reload = el("button", { type: "button", class: "secondary", id: "messages-reload" }, t("msg_reload"));
  reload.addEventListener("click", () => route());

  // One conversation per person, the most recent conversation first; within it, oldest first as the API returns them.
  const conversations = new Map();
  for (const m of data.messages) {
    const other = m.from === me.id ? m.to : m.from;
    if (!conversations.has(other)) { conversations.set(other, []); }
    conversations.get(other).push(m);
  }
  const ordered = [...conversations.entries()].sort((a, b) => b[1][b[1].length - 1].at.localeCompare(a[1][a[1].length - 1].at));
  const sections = ordered.map(([other, messages]) => {
    const contact = contacts.get(other);
    const heading = textWith("msg_with", { nickname: nameOf(other) }) + (contact ? " (" + t(contact.relation) + ")" : "");
    const section = el("section", { class: "card conversation", id: "conversation-" + other, "data-with": nameOf(other) },
      el("h2", {}, heading),
      el("ol", { class: "plain messages" }, ...messages.map((m) => {
        const mineToo = m.from === me.id;
        return el("li", { class: "message", id: "message-" + m.id, "data-id": m.id, "data-direction": mineToo ? "out" : "in" },
          el("span", { class: "hint" }, (mineToo ? t("msg_you") : nameOf(m.from)) + " · ", el("time", { datetime: m.at }, when(m.at))),
          el("p", {}, m.text === null ? t("msg_unreadable") : m.text));
      })));
    if (contact && contact.active && to) {
      const reply = el("button", { type: "button", class: "secondary", "data-action": "reply" }, t("msg_reply"));
      reply.addEventListener("click", () => { to.value = other; text.focus(); });
      section.append(reply);
    }
    return section;
  });
  // Conversations with mentees who restricted processing (Art. 18): the API withholds them; say so, name no content.
  const withheld = (data.withheld || []).map((w) => el("p", { class: "card notice withheld", "data-with": nameOf(w.with) },
    textWith("msg_withheld", { nickname: nameOf(w.with) })));
  fill(main, el("h1", {}, t("msg_title")), el("p", { class: "hint" }, t("msg_intro")), form, reload, ...withheld,
    sections.length === 0 && withheld.length === 0 ? el("p", { class: "hint", id: "no-messages" }, t("msg_none"))
      : el("div", { id: "conversations" }, ...sections));
});

// ---- Who viewed my data ------------------------------------------------------------------------

page("/access-log", [], "accessLog", async (main) => {
  await timeline(main, "/api/me/access-log", "views", (views) => {
    const items = views.map((v) => el("li", { class: "card view", "data-outcome": v.outcome },
      el("time", { datetime: v.at }, when(v.at)), el("br"),
      el("strong", {}, v.who), " (" + t("role_" + v.role) + ") ",
      textWith(v.outcome === "allowed" ? "viewed" : "denied", { what: t("what_" + v.what.replace(/-/g, "_")) }), supAccessLogDetail(v)));
    return [el("h1", {}, t("accessLog")),
      items.length === 0 ? el("p", {}, t("noViews")) : el("ol", { class: "plain timeline", id: "access-log" }, ...items)];
  });
});

/**
 * An audit timeline in keyset pages: shows the first page, and a "show older" button while the API
 * names a next page; every page fetched is kept, and the whole timeline re-rendered with it.
 */
async function timeline(main, path, field, render) {
  const entries = [];
  let next = null;
  const load = async () => {
    const data = await api("GET", next === null ? path : path + "?before=" + encodeURIComponent(next));
    entries.push(...data[field]);
    next = data.next;
    const more = el("button", { type: "button", id: "older", class: "secondary" }, t("older"));
    more.addEventListener("click", async () => {
      more.disabled = true;
      await load();
      (document.getElementById("older") ?? main.querySelector("h1"))?.focus(); // keep the keyboard's place
    });
    fill(main, ...render(entries), ...(next === null ? [] : [more]));
  };
  await load();
}

// ---- What I did --------------------------------------------------------------------------------

/** The API paths behind the console's pages, and the menu text that names each page. */
const ACTIVITY_PAGES = {
  "/api/me": "act_page_account", "/api/me/smoff-sessions": "smoffTime", "/api/me/plans": "pl_menu",
  "/api/me/pictures": "pic_menu", "/api/me/pictures/{id}": "pic_menu", "/api/me/mentors": "mentors",
  "/api/me/employer-view": "ev_menu", "/api/me/messages": "msg_menu", "/api/me/access-log": "accessLog",
  "/api/me/activity": "act_menu", "/api/me/consents": "consents", "/api/me/data": "myData", "/api/me/export": "act_page_export"
};

/** A step of my activity in plain words, e.g. "You uploaded a picture." or "You opened “Plans”." */
function activityText(entry) {
  if (entry.what === "page" && ACTIVITY_PAGES[entry.page]) {
    return textWith("act_opened", { page: t(ACTIVITY_PAGES[entry.page]) });
  }
  const generic = textWith("act_generic", { action: textOr("act_" + entry.action, entry.action),
    what: textOr("act_what_" + entry.what, entry.what) });
  return textOr("act_" + entry.action + "_" + entry.what, generic);
}

page("/activity", [], "act_menu", async (main) => {
  await timeline(main, "/api/me/activity", "activity", (activity) => {
    // The same step several times in a row (every page opened is a step) shows once, with how often.
    const groups = [];
    for (const entry of activity) {
      const last = groups[groups.length - 1];
      if (last && last.action === entry.action && last.what === entry.what && last.page === entry.page && last.outcome === entry.outcome) {
        last.count++;
        last.from = entry.at;
      } else {
        groups.push({ ...entry, count: 1, from: entry.at });
      }
    }
    const items = groups.map((g, i) => el("li", { class: "card activity", id: "activity-" + i, "data-action": g.action, "data-what": g.what, "data-outcome": g.outcome },
      el("time", { datetime: g.at }, g.from !== g.at ? when(g.from) + " – " + when(g.at) : when(g.at)), el("br"),
      activityText(g), g.count > 1 ? " " + textWith("act_times", { count: g.count }) : "",
      g.outcome === "denied" ? " " + t("act_refused") : ""));
    return [el("h1", {}, t("act_title")), el("p", { class: "hint" }, t("act_intro")),
      items.length === 0 ? el("p", {}, t("act_none")) : el("ol", { class: "plain timeline", id: "activity" }, ...items)];
  });
});

// ---- My consents -------------------------------------------------------------------------------

page("/consents", [], "consents", async (main) => {
  const [data, ...noticeLists] = await Promise.all([api("GET", "/api/me/consents?lang=" + encodeURIComponent(lang)),
    ...me.roles.map((role) => api("GET", "/api/notices?role=" + encodeURIComponent(role) + "&lang=" + encodeURIComponent(lang)))]);
  // The notice of each purpose in the page's language (the one a consent given here refers to).
  const notices = new Map();
  for (const list of noticeLists) { for (const notice of list.notices) { notices.set(notice.purpose, notice); } }
  const change = (c, granted, confirm) => async () => {
    try {
      const result = await api("POST", "/api/me/consents", { purpose: c.purpose, granted, confirm, language: lang });
      if (result && result.erasureId) { signedOut(t("deleted")); return; }
      route();
    } catch (error) { failed(error); }
  };
  const items = data.consents.map((c) => {
    const actions = el("div", {});
    if (c.status === "granted") {
      const withdraw = el("button", { type: "button", class: "secondary", "data-action": "withdraw" }, t("withdraw"));
      if (c.required) {
        withdraw.addEventListener("click", () => {
          const yes = el("button", { type: "button", class: "danger", "data-action": "confirm" }, t("confirmDelete"));
          const no = el("button", { type: "button", class: "secondary" }, t("cancel"));
          yes.addEventListener("click", change(c, false, true));
          no.addEventListener("click", () => route());
          actions.replaceChildren(el("p", { class: "warning" }, t("withdrawRequired")), yes, no);
        });
      } else {
        withdraw.addEventListener("click", change(c, false, false));
      }
      actions.append(withdraw);
    } else {
      const grant = el("button", { type: "button", "data-action": "grant" }, t("grant"));
      grant.addEventListener("click", change(c, true, false));
      actions.append(grant);
    }
    const notice = notices.get(c.purpose);
    // Open before a decision, so the text is read before consenting; folded once consent is given.
    const text = notice ? el("details", { class: "notice-text", id: "notice-" + c.purpose, open: c.status !== "granted" },
      el("summary", {}, textWith("cn_readNotice", { version: notice.version })),
      el("p", { lang: notice.language }, notice.text)) : "";
    const decisions = c.decisions || [];
    const receipts = decisions.length === 0 ? "" : el("details", { class: "receipts", id: "receipts-" + c.purpose },
      el("summary", {}, t("cn_receipts")), el("p", { class: "hint" }, t("cn_receiptsHint")),
      el("ul", {}, ...decisions.map((d) => el("li", {}, el("a", { href: "/api/me/consents/" + encodeURIComponent(d.id) + "/receipt",
        download: "consent-receipt-" + c.purpose + "-" + d.decidedAt.slice(0, 10) + ".json", class: "receipt", "data-decision": d.id },
      textWith("cn_receipt", { choice: t("cn_choice_" + d.choice), date: when(d.decidedAt), version: d.noticeVersion }))))));
    return el("li", { class: "card consent", "data-purpose": c.purpose, "data-status": c.status },
      el("strong", {}, notice ? notice.title : c.title), " — ", t("cstatus_" + c.status), " (", t(c.required ? "required" : "optional"), ")",
      c.status === "granted" && !c.latestNoticeAccepted ? el("p", { class: "hint" }, t("newNotice")) : "",
      text, c.status !== "granted" && notice ? el("p", { class: "hint" }, t("cn_readBefore")) : "",
      actions, receipts);
  });
  fill(main, el("h1", {}, t("consents")), el("p", { class: "hint" }, t("consentsIntro")),
    el("ul", { class: "plain" }, ...items));
});

// ---- My data -----------------------------------------------------------------------------------

/** A store's name and contents in the page's language, or the API's own words for a store without a text here. */
function storeTitle(store) { return textOr("md_store_" + store.store, store.store); }
function storeText(store) { return textOr("md_storeText_" + store.store, store.description); }
function recordCount(count) { return count === 0 ? t("md_noRecords") : count === 1 ? t("md_record") : textWith("md_records", { count }); }

page("/my-data", [], "myData", async (main) => {
  const data = await api("GET", "/api/me/data");

  const stored = el("section", { class: "card", id: "stored-data" }, el("h2", {}, t("md_stored")),
    el("ul", { class: "plain stores" }, ...data.stores.map((s) => el("li", { class: "store", id: "store-" + s.store, "data-store": s.store, "data-records": s.records },
      el("strong", {}, storeTitle(s)), " — ", el("span", { class: "count" }, recordCount(s.records)),
      el("p", {}, storeText(s)),
      el("details", {}, el("summary", {}, t("md_details")), el("p", { lang: "en" }, s.description),
        el("ul", {}, ...s.categories.map((c) => el("li", { lang: "en" }, c.description + ": " + c.fields.join(", ")))))))));

  // Correcting the e-mail address (R13): the form opens on request.
  const email = el("section", { class: "card", id: "email" }, el("h2", {}, t("md_emailTitle")),
    el("p", { id: "email-now" }, me.email ? textWith("md_emailIs", { email: me.email }) : t("md_emailNone")));
  const editEmail = el("button", { type: "button", class: "secondary", id: "email-edit" }, t("md_emailEdit"));
  editEmail.addEventListener("click", () => {
    const input = el("input", { id: "new-email", type: "email", autocomplete: "email", maxlength: 254, value: me.email || "" });
    const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
    const form = el("form", { id: "email-form", novalidate: true }, ...field("new-email", "md_emailNew", input),
      el("div", { class: "actions" }, el("button", { type: "submit" }, t("save")), cancel));
    cancel.addEventListener("click", () => { form.replaceWith(editEmail); editEmail.focus(); });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api("PATCH", "/api/me", { email: input.value.trim() || null });
        await loadMe();
        message(t("md_emailSaved"));
        route();
      } catch (error) { failed(error); input.focus(); }
    });
    editEmail.replaceWith(form);
    input.focus();
  });
  email.append(editEmail);

  // Restriction of processing (Art. 18).
  const restriction = el("section", { class: "card", id: "restriction", "data-restricted": String(data.restricted) },
    el("h2", {}, t("md_restrictTitle")), el("p", { class: "hint" }, t("md_restrictIntro")),
    el("p", { id: "restriction-status" }, el("strong", {}, data.restricted ? t("md_restricted") : t("md_notRestricted"))));
  if (data.restricted) {
    const lift = el("button", { type: "button", class: "secondary", id: "restriction-lift" }, t("md_lift"));
    lift.addEventListener("click", async () => {
      try { await api("DELETE", "/api/me/restriction"); message(t("md_liftedDone")); route(); } catch (error) { failed(error); }
    });
    restriction.append(lift);
  } else {
    const open = el("button", { type: "button", class: "secondary", id: "restriction-open" }, t("md_restrict"));
    open.addEventListener("click", () => {
      const reason = el("input", { id: "restriction-reason", type: "text", maxlength: 500 });
      const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
      const form = el("form", { id: "restriction-form", novalidate: true }, ...field("restriction-reason", "md_reason", reason),
        el("div", { class: "actions" }, el("button", { type: "submit" }, t("md_restrict")), cancel));
      cancel.addEventListener("click", () => { form.replaceWith(open); open.focus(); });
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
          await api("POST", "/api/me/restriction", { reason: reason.value.trim() || null });
          message(t("md_restrictedDone"));
          route();
        } catch (error) { failed(error); }
      });
      open.replaceWith(form);
      reason.focus();
    });
    restriction.append(open);
  }

  // Deleting the account (R11): what goes, that it cannot be undone, confirmed with the password.
  const held = data.stores.filter((s) => s.records > 0);
  const form = el("form", { class: "card", id: "delete-form", novalidate: true },
    el("h2", {}, t("deleteTitle")), el("p", { class: "hint" }, t("deleteIntro")),
    el("p", {}, t("md_deleteWhat")),
    el("ul", { id: "delete-list" }, ...held.map((s) => el("li", { "data-store": s.store }, storeTitle(s) + " (" + recordCount(s.records) + ")"))),
    el("p", {}, t("md_deleteMessages")),
    el("p", { class: "warning", id: "delete-final" }, t("md_deleteFinal")),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit", class: "danger" }, t("deleteAccount")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("DELETE", "/api/me", { password: form.password.value });
      signedOut(t("deleted"));
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("myData")), el("p", { class: "hint" }, t("md_intro")), stored, email, restriction,
    el("section", { class: "card" }, el("h2", {}, t("exportTitle")), el("p", { class: "hint" }, t("exportIntro")),
      el("a", { class: "button", href: "/api/me/export?lang=" + encodeURIComponent(lang), download: "smoffen-export.zip", id: "export" }, t("download"))),
    form, rightsCard());
});

/** Your rights under the GDPR, each with where on this page or in the console it is exercised (R13, R32). */
function rightsCard() {
  return el("section", { class: "card", id: "rights" }, el("h2", {}, t("rt_title")),
    el("ul", {}, ...["access", "rectify", "erase", "restrict", "port", "object", "complain"].map((right) => el("li", {}, t("rt_" + right)))));
}
