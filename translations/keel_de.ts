<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>keel::ApiClient</name>
    <message>
        <source>Unreadable answer</source>
        <translation>Unlesbare Antwort</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (%1).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>keel::AppController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>There is no offline copy for %1 on this computer yet: sign in once while connected.</source>
        <translation>Auf diesem Computer gibt es noch keine Offline-Kopie für %1: Melden Sie sich einmal mit Verbindung zum Server an.</translation>
    </message>
    <message>
        <source>Started offline as %1; changes stay on this computer until Keel reaches %2.</source>
        <translation>Offline gestartet als %1; Änderungen bleiben auf diesem Computer, bis Keel %2 erreicht.</translation>
    </message>
    <message>
        <source>The server can be reached again. Sign in to send the changes you made offline.</source>
        <translation>Der Server ist wieder erreichbar. Melden Sie sich an, um Ihre offline vorgenommenen Änderungen zu senden.</translation>
    </message>
</context>
<context>
    <name>keel::CommandLine</name>
    <message>
        <source>Keel, a professional-services ERP</source>
        <translation>Keel, ein ERP für Beratungs- und Dienstleistungsunternehmen</translation>
    </message>
    <message>
        <source>Server address.</source>
        <translation>Serveradresse.</translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation>Benutzername für die Anmeldung.</translation>
    </message>
    <message>
        <source>Password for --user.</source>
        <translation>Passwort für --user.</translation>
    </message>
    <message>
        <source>Save a picture of the first window shown, then quit.</source>
        <translation>Bild des ersten angezeigten Fensters speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Language: en or de.</source>
        <translation>Sprache: en oder de.</translation>
    </message>
    <message>
        <source>Workspace to open after signing in, optionally with the number of its tab: billing or billing:2.</source>
        <translation>Arbeitsbereich, der nach der Anmeldung geöffnet wird, optional mit der Nummer seines Reiters: billing oder billing:2.</translation>
    </message>
    <message>
        <source>Size of the main window in pixels, e.g. 1600x1200.</source>
        <translation>Größe des Hauptfensters in Pixeln, z. B. 1600x1200.</translation>
    </message>
</context>
<context>
    <name>keel::LoginDialog</name>
    <message>
        <source>Please enter the server address, for example https://keel.example.com.</source>
        <translation>Bitte geben Sie die Serveradresse ein, zum Beispiel https://keel.example.com.</translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>Bitte geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Sign in – Keel</source>
        <translation>Anmelden – Keel</translation>
    </message>
    <message>
        <source>Sign in to Keel</source>
        <translation>Bei Keel anmelden</translation>
    </message>
    <message>
        <source>Use the account your administrator gave you.</source>
        <translation>Verwenden Sie das Konto, das Sie von Ihrer Administration erhalten haben.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>https://keel.example.com</source>
        <translation>https://keel.example.com</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>“Remember me” is unavailable: this computer has no secure password storage (secret service). You will be asked for your password each time.</source>
        <translation>„Angemeldet bleiben“ ist nicht verfügbar: Dieser Computer hat keinen sicheren Passwortspeicher (Secret Service). Sie werden jedes Mal nach Ihrem Passwort gefragt.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1
You can work offline: your time and expenses are kept on this computer and sent when the server can be reached.</source>
        <translation>%1
Sie können offline arbeiten: Ihre Zeiten und Spesen werden auf diesem Computer gespeichert und gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>Enter time and expenses without the server; they are sent when Keel reconnects.</source>
        <translation>Zeiten und Spesen ohne Server erfassen; sie werden gesendet, sobald Keel wieder verbunden ist.</translation>
    </message>
</context>
<context>
    <name>keel::MainWindow</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>The server answers.</source>
        <translation>Der Server antwortet.</translation>
    </message>
    <message>
        <source>About Keel</source>
        <translation>Über Keel</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keel %1&lt;/h3&gt;&lt;p&gt;A professional-services ERP: from the first lead to the last cent collected.&lt;/p&gt;&lt;p&gt;Connected to %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keel %1&lt;/h3&gt;&lt;p&gt;Ein ERP für Beratungs- und Dienstleistungsunternehmen: vom ersten Lead bis zum letzten eingegangenen Cent.&lt;/p&gt;&lt;p&gt;Verbunden mit %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keel</source>
        <translation>Keel</translation>
    </message>
    <message>
        <source>WORKSPACES</source>
        <translation>ARBEITSBEREICHE</translation>
    </message>
    <message>
        <source>&amp;Keel</source>
        <translation>&amp;Keel</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Keel</source>
        <translation>Ü&amp;ber Keel</translation>
    </message>
    <message>
        <source>Legal entity: %1</source>
        <translation>Gesellschaft: %1</translation>
    </message>
    <message>
        <source>No approvals waiting</source>
        <translation>Keine Freigaben offen</translation>
    </message>
    <message>
        <source>1 approval waiting</source>
        <translation>1 Freigabe offen</translation>
    </message>
    <message>
        <source>%1 approvals waiting</source>
        <translation>%1 Freigaben offen</translation>
    </message>
    <message>
        <source>Open the approvals inbox</source>
        <translation>Freigaben-Eingang öffnen</translation>
    </message>
    <message>
        <source>My expenses</source>
        <translation>Meine Auslagen</translation>
    </message>
    <message>
        <source>Approve time</source>
        <translation>Zeiten genehmigen</translation>
    </message>
    <message>
        <source>Approve expenses</source>
        <translation>Auslagen genehmigen</translation>
    </message>
    <message>
        <source>Missing time</source>
        <translation>Fehlende Zeiten</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
    <message>
        <source>1 unsynced change</source>
        <translation>1 nicht synchronisierte Änderung</translation>
    </message>
    <message>
        <source>%1 unsynced changes</source>
        <translation>%1 nicht synchronisierte Änderungen</translation>
    </message>
    <message>
        <source>Open the sync log: what the server applied, refused or found in conflict</source>
        <translation>Synchronisationsprotokoll öffnen: was der Server übernommen, zurückgewiesen oder als Konflikt erkannt hat</translation>
    </message>
    <message>
        <source>● Offline — working on this computer</source>
        <translation>● Offline — Arbeit auf diesem Computer</translation>
    </message>
    <message>
        <source>The server cannot be reached. Keel keeps trying; your time and expenses are kept on this computer until then.</source>
        <translation>Der Server ist nicht erreichbar. Keel versucht es weiter; bis dahin bleiben Ihre Zeiten und Spesen auf diesem Computer gespeichert.</translation>
    </message>
</context>
<context>
    <name>keel::ProblemText</name>
    <message>
        <source>The server cannot be reached. Check the server address and your network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Serveradresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server did not understand the request.</source>
        <translation>Der Server hat die Anfrage nicht verstanden.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>The requested item does not exist (any more).</source>
        <translation>Der angeforderte Eintrag existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>This cannot be done in the item&apos;s current state.</source>
        <translation>Das ist im aktuellen Zustand des Eintrags nicht möglich.</translation>
    </message>
    <message>
        <source>Someone else changed this item meanwhile. Reload it and try again.</source>
        <translation>Jemand anderes hat diesen Eintrag inzwischen geändert. Laden Sie ihn neu und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Some entries are not valid.</source>
        <translation>Einige Eingaben sind ungültig.</translation>
    </message>
    <message>
        <source>The period is closed.</source>
        <translation>Die Periode ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again shortly.</source>
        <translation>Der Server ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server ran into an error (%1). Please try again later.</source>
        <translation>Auf dem Server ist ein Fehler aufgetreten (%1). Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>Die Anfrage ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the server address and your network connection.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie die Serveradresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>keel::Role</name>
    <message>
        <source>Consultant</source>
        <translation>Berater/in</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Projektleitung</translation>
    </message>
    <message>
        <source>Resource manager</source>
        <translation>Ressourcenplanung</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation>Vertriebsleitung</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzbuchhaltung</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>Geschäftsleitung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>keel::Session</name>
    <message>
        <source>Unexpected answer</source>
        <translation>Unerwartete Antwort</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the sign-in did not contain a session.</source>
        <translation>Die Antwort des Servers auf die Anmeldung enthielt keine Sitzung.</translation>
    </message>
</context>
<context>
    <name>keel::SettingsDialog</name>
    <message>
        <source>Settings – Keel</source>
        <translation>Einstellungen – Keel</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>https://keel.example.com</source>
        <translation>https://keel.example.com</translation>
    </message>
    <message>
        <source>A new server address is used the next time you sign in. The language changes at once.</source>
        <translation>Eine neue Serveradresse gilt ab der nächsten Anmeldung. Die Sprache wechselt sofort.</translation>
    </message>
</context>
<context>
    <name>keel::TokenStore</name>
    <message>
        <source>No secure password storage (secret service) is available on this computer, so Keel cannot remember your sign-in. (%1)</source>
        <translation>Auf diesem Computer ist kein sicherer Passwortspeicher (Secret Service) verfügbar, daher kann Keel Ihre Anmeldung nicht speichern. (%1)</translation>
    </message>
    <message>
        <source>The secure password storage refused the request: %1</source>
        <translation>Der sichere Passwortspeicher hat die Anfrage abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>keel::Workspace</name>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Leads, opportunities and the pipeline; quotes, rate cards and contracts through to signature.</source>
        <translation>Leads, Verkaufschancen und Pipeline; Angebote, Preislisten und Verträge bis zur Unterschrift.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Projects, budgets, milestones and change requests, with burn and forecast at a glance.</source>
        <translation>Projekte, Budgets, Meilensteine und Änderungsanträge, mit Verbrauch und Prognose auf einen Blick.</translation>
    </message>
    <message>
        <source>Resourcing</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Staffing requests, skills, availability and utilisation across practices.</source>
        <translation>Besetzungsanfragen, Kompetenzen, Verfügbarkeit und Auslastung über alle Bereiche.</translation>
    </message>
    <message>
        <source>Time &amp; Expenses</source>
        <translation>Zeit &amp; Spesen</translation>
    </message>
    <message>
        <source>Your week&apos;s timesheet and expenses, also offline; submission and approvals.</source>
        <translation>Ihre Wochen-Zeiterfassung und Spesen, auch offline; Einreichung und Freigaben.</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Fakturierung</translation>
    </message>
    <message>
        <source>Billing runs, invoice drafts and approval, credit notes and payments.</source>
        <translation>Abrechnungsläufe, Rechnungsentwürfe und Freigabe, Gutschriften und Zahlungen.</translation>
    </message>
    <message>
        <source>Finance &amp; Close</source>
        <translation>Finanzen &amp; Abschluss</translation>
    </message>
    <message>
        <source>Ledger, revenue recognition, intercompany and the month-end close checklist.</source>
        <translation>Hauptbuch, Umsatzrealisierung, Intercompany und die Checkliste zum Monatsabschluss.</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>Utilisation, margin, backlog and cash figures for your scope.</source>
        <translation>Auslastung, Marge, Auftragsbestand und Liquidität für Ihren Verantwortungsbereich.</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Deals and projects at risk, flagged drafts, cash-in and the revenue forecast, explained and backtested.</source>
        <translation>Gefährdete Chancen und Projekte, markierte Entwürfe, Zahlungseingänge und Umsatzprognose – erklärt und rückgetestet.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Users, roles, legal entities and the audit log.</source>
        <translation>Benutzer, Rollen, Gesellschaften und das Audit-Protokoll.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Quotes, change orders and other documents waiting for your decision.</source>
        <translation>Angebote, Änderungsaufträge und andere Dokumente, die auf Ihre Entscheidung warten.</translation>
    </message>
</context>
<context>
    <name>keel::WorkspacePage</name>
    <message>
        <source>IN PREPARATION</source>
        <translation>IN VORBEREITUNG</translation>
    </message>
    <message>
        <source>This workspace is on its way</source>
        <translation>Dieser Arbeitsbereich ist unterwegs</translation>
    </message>
    <message>
        <source>Your account already has access to %1. Its views arrive with the next releases of Keel; until then, this page marks its place.</source>
        <translation>Ihr Konto hat bereits Zugriff auf „%1“. Die Ansichten dazu kommen mit den nächsten Versionen von Keel; bis dahin hält diese Seite ihren Platz frei.</translation>
    </message>
</context>
<context>
    <name>keel::approvals::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Nothing waits for your approval. Quotes, change orders and other documents that need your decision will appear here.</source>
        <translation>Nichts wartet auf Ihre Freigabe. Angebote, Änderungsaufträge und andere Dokumente, die Ihre Entscheidung brauchen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Documents waiting for your decision. You never approve your own submissions; they go to someone else.</source>
        <translation>Dokumente, die auf Ihre Entscheidung warten. Eigene Einreichungen geben Sie nie selbst frei; sie gehen an jemand anderen.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Tell the submitter why (required):</source>
        <translation>Begründung für die einreichende Person (Pflicht):</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Freigegeben.</translation>
    </message>
    <message>
        <source>Rejected; the submitter sees your comment.</source>
        <translation>Abgelehnt; die einreichende Person sieht Ihren Kommentar.</translation>
    </message>
</context>
<context>
    <name>keel::approvals::InboxModel</name>
    <message>
        <source>discount %1 %</source>
        <translation>Rabatt %1 %</translation>
    </message>
    <message>
        <source>margin %1 %</source>
        <translation>Marge %1 %</translation>
    </message>
    <message>
        <source>target margin %1 %</source>
        <translation>Zielmarge %1 %</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Contract change order</source>
        <translation>Vertragsänderung</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingExceptionsModel</name>
    <message>
        <source>Written off: those hours stay unbilled for good.</source>
        <translation>Abgeschrieben: Diese Stunden werden nie berechnet.</translation>
    </message>
    <message>
        <source>Released: the next billing run bills those hours.</source>
        <translation>Freigegeben: Der nächste Abrechnungslauf berechnet diese Stunden.</translation>
    </message>
    <message>
        <source>Add a note saying why; it stays with the exception.</source>
        <translation>Geben Sie eine Begründung an; sie bleibt bei der Ausnahme.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Client · contract</source>
        <translation>Kunde · Vertrag</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingPage</name>
    <message>
        <source>Billing</source>
        <translation>Fakturierung</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Gesellschaft</translation>
    </message>
    <message>
        <source>Billing run</source>
        <translation>Abrechnungslauf</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Exceptions (%1)</source>
        <translation>Ausnahmen (%1)</translation>
    </message>
    <message>
        <source>None of your roles bills for a legal entity.</source>
        <translation>Keine Ihrer Rollen rechnet für eine Gesellschaft ab.</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingRunJob</name>
    <message>
        <source>A billing run is already in progress; wait until it finishes.</source>
        <translation>Ein Abrechnungslauf läuft bereits; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Choose the legal entity and the month to bill.</source>
        <translation>Wählen Sie die Gesellschaft und den abzurechnenden Monat.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingRunPanel</name>
    <message>
        <source>Own invoice date</source>
        <translation>Eigenes Rechnungsdatum</translation>
    </message>
    <message>
        <source>Without it, the invoices are dated the month&apos;s last day.</source>
        <translation>Ohne dieses tragen die Rechnungen den letzten Tag des Monats.</translation>
    </message>
    <message>
        <source>Start billing run</source>
        <translation>Abrechnungslauf starten</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>A run turns the month&apos;s approved billable time, expenses, accepted milestones, fixed fees, retainers and subscriptions of signed contracts into draft invoices. What a run billed is never billed again.</source>
        <translation>Ein Lauf macht aus den genehmigten abrechenbaren Zeiten, Spesen, abgenommenen Meilensteinen, Festpreisen, Retainern und Abonnements unterschriebener Verträge des Monats Rechnungsentwürfe. Was ein Lauf berechnet hat, wird nie ein zweites Mal berechnet.</translation>
    </message>
    <message>
        <source>Review the drafts</source>
        <translation>Entwürfe prüfen</translation>
    </message>
    <message>
        <source>Earlier runs</source>
        <translation>Frühere Läufe</translation>
    </message>
    <message>
        <source>Double-click a run to review its invoices.</source>
        <translation>Doppelklicken Sie auf einen Lauf, um seine Rechnungen zu prüfen.</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>All contracts</source>
        <translation>Alle Verträge</translation>
    </message>
    <message>
        <source>Billing %1…</source>
        <translation>%1 wird abgerechnet…</translation>
    </message>
    <message>
        <source>The run failed; nothing was billed.</source>
        <translation>Der Lauf ist gescheitert; nichts wurde berechnet.</translation>
    </message>
    <message>
        <source>The run failed; nothing was billed: %1</source>
        <translation>Der Lauf ist gescheitert; nichts wurde berechnet: %1</translation>
    </message>
    <message>
        <source>Done: nothing left to bill for %1.</source>
        <translation>Fertig: Für %1 ist nichts mehr abzurechnen.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>1 draft invoice</source>
        <translation>1 Rechnungsentwurf</translation>
    </message>
    <message>
        <source>%1 draft invoices</source>
        <translation>%1 Rechnungsentwürfe</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Position</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Positionen</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Fertig: %1.</translation>
    </message>
    <message>
        <source>Done: %1, %2.</source>
        <translation>Fertig: %1, %2.</translation>
    </message>
    <message>
        <source>1 exception needs a decision (Exceptions tab).</source>
        <translation>1 Ausnahme braucht eine Entscheidung (Reiter Ausnahmen).</translation>
    </message>
    <message>
        <source>%1 exceptions need a decision (Exceptions tab).</source>
        <translation>%1 Ausnahmen brauchen eine Entscheidung (Reiter Ausnahmen).</translation>
    </message>
    <message>
        <source>A run for %1 is in progress…</source>
        <translation>Ein Lauf für %1 ist im Gang…</translation>
    </message>
    <message>
        <source>The contracts could not be listed: %1</source>
        <translation>Die Verträge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No approved time waiting to be billed.</source>
        <translation>Keine genehmigte Zeit wartet auf Abrechnung.</translation>
    </message>
    <message>
        <source>%1 h of approved time not billed yet (1 entry).</source>
        <translation>%1 h genehmigte Zeit noch nicht abgerechnet (1 Eintrag).</translation>
    </message>
    <message>
        <source>%1 h of approved time not billed yet (%2 entries).</source>
        <translation>%1 h genehmigte Zeit noch nicht abgerechnet (%2 Einträge).</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingRunsModel</name>
    <message>
        <source>One contract</source>
        <translation>Ein Vertrag</translation>
    </message>
    <message>
        <source>One client</source>
        <translation>Ein Kunde</translation>
    </message>
    <message>
        <source>Running (%1 %)</source>
        <translation>Läuft (%1 %)</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
</context>
<context>
    <name>keel::billing::BillingText</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Gestellt</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Spesen</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>Festpreis</translation>
    </message>
    <message>
        <source>Retainer fee</source>
        <translation>Retainer-Gebühr</translation>
    </message>
    <message>
        <source>Retainer overage</source>
        <translation>Retainer-Mehrstunden</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Schedule item</source>
        <translation>Zahlungsplanposten</translation>
    </message>
    <message>
        <source>Retainer period</source>
        <translation>Retainer-Zeitraum</translation>
    </message>
    <message>
        <source>Subscription period</source>
        <translation>Abonnementzeitraum</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gescheitert</translation>
    </message>
    <message>
        <source>Cap exceeded</source>
        <translation>Obergrenze überschritten</translation>
    </message>
    <message>
        <source>No rate</source>
        <translation>Kein Satz</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Draft credit note #%1</source>
        <translation>Gutschriftentwurf #%1</translation>
    </message>
    <message>
        <source>Draft #%1</source>
        <translation>Entwurf #%1</translation>
    </message>
    <message>
        <source>No sales tax on services</source>
        <translation>Keine Sales Tax auf Dienstleistungen</translation>
    </message>
    <message>
        <source>Exempt from sales tax</source>
        <translation>Von der Sales Tax befreit</translation>
    </message>
    <message>
        <source>VAT 20 %</source>
        <translation>VAT 20 %</translation>
    </message>
    <message>
        <source>VAT 0 %</source>
        <translation>VAT 0 %</translation>
    </message>
    <message>
        <source>USt 19 %</source>
        <translation>USt 19 %</translation>
    </message>
    <message>
        <source>Reverse charge</source>
        <translation>Reverse Charge</translation>
    </message>
    <message>
        <source>Outside the scope of VAT</source>
        <translation>Nicht umsatzsteuerbar</translation>
    </message>
</context>
<context>
    <name>keel::billing::CreditNoteDialog</name>
    <message>
        <source>Credit note for %1</source>
        <translation>Gutschrift zu %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;Total %3 · open %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;Gesamt %3 · offen %4</translation>
    </message>
    <message>
        <source>Full credit note: the whole invoice; it becomes void</source>
        <translation>Volle Gutschrift: die ganze Rechnung; sie wird storniert</translation>
    </message>
    <message>
        <source>Partial credit note: an amount per line</source>
        <translation>Teilgutschrift: ein Betrag je Position</translation>
    </message>
    <message>
        <source>Release the billed time and expenses for re-billing</source>
        <translation>Abgerechnete Zeiten und Auslagen zur erneuten Abrechnung freigeben</translation>
    </message>
    <message>
        <source>The next billing run bills them again, e.g. on a corrected invoice.</source>
        <translation>Der nächste Abrechnungslauf rechnet sie erneut ab, z. B. auf einer korrigierten Rechnung.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>Credit (%1)</source>
        <translation>Gutschrift (%1)</translation>
    </message>
    <message>
        <source>Net amount to credit on this line, e.g. 150.00</source>
        <translation>Nettobetrag, der auf dieser Position gutgeschrieben wird, z. B. 150.00</translation>
    </message>
    <message>
        <source>Why? The credit note and the audit log keep this.</source>
        <translation>Warum? Gutschrift und Prüfprotokoll halten es fest.</translation>
    </message>
    <message>
        <source>Issue credit note</source>
        <translation>Gutschrift ausstellen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Part of the invoice is paid or credited already.</source>
        <translation>Die Rechnung ist schon teilweise bezahlt oder gutgeschrieben.</translation>
    </message>
    <message>
        <source>Credit note: net %1 + tax %2 = %3. The invoice becomes void.</source>
        <translation>Gutschrift: netto %1 + Steuer %2 = %3. Die Rechnung wird storniert.</translation>
    </message>
    <message>
        <source>Credit note: net %1 + tax %2 = %3. The invoice stays open for the rest.</source>
        <translation>Gutschrift: netto %1 + Steuer %2 = %3. Der Rest der Rechnung bleibt offen.</translation>
    </message>
    <message>
        <source>Left to credit</source>
        <translation>Noch gutzuschreiben</translation>
    </message>
</context>
<context>
    <name>keel::billing::CreditNoteText</name>
    <message>
        <source>The invoice has no currency.</source>
        <translation>Die Rechnung hat keine Währung.</translation>
    </message>
    <message>
        <source>Only issued or partially paid invoices can be credited.</source>
        <translation>Nur gestellte oder teilweise bezahlte Rechnungen können gutgeschrieben werden.</translation>
    </message>
    <message>
        <source>Part of this invoice is paid or credited already: credit what is open with a partial credit note.</source>
        <translation>Diese Rechnung ist schon teilweise bezahlt oder gutgeschrieben: den offenen Betrag mit einer Teilgutschrift gutschreiben.</translation>
    </message>
    <message>
        <source>Only a full credit note releases the billed time and expenses.</source>
        <translation>Nur eine volle Gutschrift gibt die abgerechneten Zeiten und Auslagen wieder frei.</translation>
    </message>
    <message>
        <source>Line %1: enter an amount in %2 with at most 2 decimals, e.g. 150.00.</source>
        <translation>Position %1: einen Betrag in %2 mit höchstens 2 Nachkommastellen eingeben, z. B. 150.00.</translation>
    </message>
    <message>
        <source>Line %1: a credit is more than zero.</source>
        <translation>Position %1: eine Gutschrift ist größer als null.</translation>
    </message>
    <message>
        <source>Line %1 is not on this invoice.</source>
        <translation>Position %1 steht nicht auf dieser Rechnung.</translation>
    </message>
    <message>
        <source>Line %1: at most %2 is left to credit.</source>
        <translation>Position %1: höchstens %2 sind noch gutzuschreiben.</translation>
    </message>
    <message>
        <source>%1 with tax is all that is open; once an invoice is paid or credited in part, a credit note leaves something open.</source>
        <translation>%1 mit Steuer ist der ganze offene Betrag; ist eine Rechnung schon teilweise bezahlt oder gutgeschrieben, lässt eine Gutschrift etwas offen.</translation>
    </message>
    <message>
        <source>Enter the amount to credit on at least one line.</source>
        <translation>Bei mindestens einer Position den gutzuschreibenden Betrag eingeben.</translation>
    </message>
    <message>
        <source>%1 with tax is more than the invoice&apos;s open %2.</source>
        <translation>%1 mit Steuer ist mehr als die offenen %2 der Rechnung.</translation>
    </message>
    <message>
        <source>Say why the invoice is credited; the credit note and the audit log keep it.</source>
        <translation>Bitte begründen, warum gutgeschrieben wird; Gutschrift und Prüfprotokoll halten es fest.</translation>
    </message>
    <message>
        <source>The reason is at most 500 characters.</source>
        <translation>Die Begründung hat höchstens 500 Zeichen.</translation>
    </message>
</context>
<context>
    <name>keel::billing::ExceptionsPanel</name>
    <message>
        <source>Hours a billing run held back: beyond a contract&apos;s not-to-exceed cap, or without a rate. Write them off, or release them once a change order has raised the cap.</source>
        <translation>Stunden, die ein Abrechnungslauf zurückgehalten hat: über der Obergrenze eines Vertrags oder ohne Satz. Schreiben Sie sie ab, oder geben Sie sie frei, sobald ein Änderungsauftrag die Obergrenze erhöht hat.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Abgeschrieben</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>Abschreiben…</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Nothing held back. Billing runs list here what they could not bill.</source>
        <translation>Nichts zurückgehalten. Abrechnungsläufe führen hier auf, was sie nicht berechnen konnten.</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Abschreiben</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Why are these hours never billed? (required)</source>
        <translation>Warum werden diese Stunden nie berechnet? (Pflicht)</translation>
    </message>
    <message>
        <source>What raised the cap, e.g. the change order? (required)</source>
        <translation>Was hat die Obergrenze erhöht, z. B. der Änderungsauftrag? (Pflicht)</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoiceColumns</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Write-down</source>
        <translation>Abschlag</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoiceDetail</name>
    <message>
        <source>h</source>
        <translation>Std.</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>(awaiting approval)</source>
        <translation>(wartet auf Genehmigung)</translation>
    </message>
    <message>
        <source>(rejected)</source>
        <translation>(abgelehnt)</translation>
    </message>
    <message>
        <source>Nothing recorded behind line %1.</source>
        <translation>Hinter Position %1 steht nichts.</translation>
    </message>
    <message>
        <source>Line %1 bills 1 record:</source>
        <translation>Position %1 berechnet 1 Eintrag:</translation>
    </message>
    <message>
        <source>Line %1 bills %2 records:</source>
        <translation>Position %1 berechnet %2 Einträge:</translation>
    </message>
    <message>
        <source>A line needs a description.</source>
        <translation>Eine Position braucht eine Beschreibung.</translation>
    </message>
    <message>
        <source>Description saved.</source>
        <translation>Beschreibung gespeichert.</translation>
    </message>
    <message>
        <source>Line %1 is held: what it billed goes to the next billing run.</source>
        <translation>Position %1 ist zurückgestellt: Was sie berechnet hat, geht in den nächsten Abrechnungslauf.</translation>
    </message>
    <message>
        <source>Pick the line to write down.</source>
        <translation>Wählen Sie die Position für den Abschlag.</translation>
    </message>
    <message>
        <source>Enter the write-down as an amount in %1 with at most 2 decimals, e.g. 150.00.</source>
        <translation>Geben Sie den Abschlag als Betrag in %1 mit höchstens 2 Nachkommastellen ein, z. B. 150.00.</translation>
    </message>
    <message>
        <source>A write-down is more than zero.</source>
        <translation>Ein Abschlag ist größer als null.</translation>
    </message>
    <message>
        <source>A write-down cannot be more than the line&apos;s %1.</source>
        <translation>Ein Abschlag kann nicht höher sein als die %1 der Position.</translation>
    </message>
    <message>
        <source>Say why the line is written down; the approver reads it.</source>
        <translation>Sagen Sie, warum die Position gemindert wird; der Genehmigende liest es.</translation>
    </message>
    <message>
        <source>Write-down of %1 on line %2 sent for approval.</source>
        <translation>Abschlag von %1 auf Position %2 zur Genehmigung gesendet.</translation>
    </message>
    <message>
        <source>Invoice sent for approval.</source>
        <translation>Rechnung zur Genehmigung gesendet.</translation>
    </message>
    <message>
        <source>Invoice issued.</source>
        <translation>Rechnung gestellt.</translation>
    </message>
    <message>
        <source>The PDF lists the time entries behind the invoice.</source>
        <translation>Das PDF führt die Zeiteinträge hinter der Rechnung auf.</translation>
    </message>
    <message>
        <source>The PDF shows the invoice lines only.</source>
        <translation>Das PDF zeigt nur die Rechnungspositionen.</translation>
    </message>
    <message>
        <source>Credit note %1 issued for %2: %3 is now %4, balance %5.</source>
        <translation>Gutschrift %1 über %2 ausgestellt: %3 ist jetzt %4, offen %5.</translation>
    </message>
    <message>
        <source>Credit note %1 issued for %2; the invoice is now %3.</source>
        <translation>Gutschrift %1 über %2 ausgestellt; die Rechnung ist jetzt %3.</translation>
    </message>
    <message>
        <source>1 billed record goes to the next billing run.</source>
        <translation>1 abgerechneter Eintrag geht in den nächsten Abrechnungslauf.</translation>
    </message>
    <message>
        <source>%1 billed records go to the next billing run.</source>
        <translation>%1 abgerechnete Einträge gehen in den nächsten Abrechnungslauf.</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoiceDetailPane</name>
    <message>
        <source>Double-click a description to change it (drafts only).</source>
        <translation>Doppelklicken Sie auf eine Beschreibung, um sie zu ändern (nur Entwürfe).</translation>
    </message>
    <message>
        <source>Hold line</source>
        <translation>Position zurückstellen</translation>
    </message>
    <message>
        <source>Takes the line off this invoice; what it billed goes to the next billing run.</source>
        <translation>Nimmt die Position von dieser Rechnung; was sie berechnet hat, geht in den nächsten Abrechnungslauf.</translation>
    </message>
    <message>
        <source>Write down…</source>
        <translation>Abschlag…</translation>
    </message>
    <message>
        <source>Reduce the line&apos;s amount, or write it off, with a reason; the approval policy decides who confirms it.</source>
        <translation>Mindert den Betrag der Position oder schreibt sie ganz ab, mit Begründung; die Genehmigungsregel bestimmt, wer bestätigt.</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>PDF-Vorschau</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Stellen</translation>
    </message>
    <message>
        <source>Gives the invoice its number, freezes it and posts it.</source>
        <translation>Gibt der Rechnung ihre Nummer, friert sie ein und bucht sie.</translation>
    </message>
    <message>
        <source>Pick an invoice to see its lines and what they bill.</source>
        <translation>Wählen Sie eine Rechnung, um ihre Positionen und deren Grundlage zu sehen.</translation>
    </message>
    <message>
        <source>The PDF could not be made: %1</source>
        <translation>Das PDF konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>contract %1</source>
        <translation>Vertrag %1</translation>
    </message>
    <message>
        <source>Dated %1, due %2 · %3</source>
        <translation>Datiert %1, fällig %2 · %3</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Waiting for the approver.</source>
        <translation>Wartet auf den Genehmigenden.</translation>
    </message>
    <message>
        <source>Sends the invoice for approval by policy.</source>
        <translation>Sendet die Rechnung nach Genehmigungsregel zur Genehmigung.</translation>
    </message>
    <message>
        <source>Pick the line to hold.</source>
        <translation>Wählen Sie die zurückzustellende Position.</translation>
    </message>
    <message>
        <source>Rendering the PDF…</source>
        <translation>PDF wird erstellt…</translation>
    </message>
    <message>
        <source>Awaiting approval by %1</source>
        <translation>Wartet auf Genehmigung durch %1</translation>
    </message>
    <message>
        <source>Time detail on the PDF</source>
        <translation>Zeitnachweis im PDF</translation>
    </message>
    <message>
        <source>Adds an appendix of the time entries (date, person, hours, notes) to the invoice PDF.</source>
        <translation>Fügt dem Rechnungs-PDF einen Anhang mit den Zeiteinträgen hinzu (Datum, Person, Stunden, Notizen).</translation>
    </message>
    <message>
        <source>Credit note…</source>
        <translation>Gutschrift…</translation>
    </message>
    <message>
        <source>Credits the issued invoice in full (optionally releasing its time and expenses for re-billing) or in part, line by line.</source>
        <translation>Schreibt die gestellte Rechnung ganz (auf Wunsch mit Freigabe ihrer Zeiten und Auslagen zur erneuten Abrechnung) oder teilweise, Position für Position, gut.</translation>
    </message>
    <message>
        <source>Paid or credited</source>
        <translation>Bezahlt oder gutgeschrieben</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚑ Flagged by the insights&lt;/b&gt; — check before approving:</source>
        <translation>&lt;b&gt;⚑ Von den Insights markiert&lt;/b&gt; – vor der Freigabe prüfen:</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoiceListModel</name>
    <message>
        <source>Tick the invoices first.</source>
        <translation>Haken Sie zuerst die Rechnungen an.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Flagged by the insights:</source>
        <translation>Von den Insights markiert:</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoicePdfDialog</name>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite einpassen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation>Rechnung %1</translation>
    </message>
    <message>
        <source>Invoice %1 · %2</source>
        <translation>Rechnung %1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · 1 page</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 1 Seite</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 pages</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 Seiten</translation>
    </message>
    <message>
        <source>The PDF could not be read.</source>
        <translation>Das PDF konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Save the invoice PDF</source>
        <translation>Rechnungs-PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation>Das PDF konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoicePdfFetch</name>
    <message>
        <source>The server&apos;s answer is not a PDF.</source>
        <translation>Die Antwort des Servers ist kein PDF.</translation>
    </message>
</context>
<context>
    <name>keel::billing::InvoicesPanel</name>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Gestellt</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Search number or client</source>
        <translation>Nummer oder Kunde suchen</translation>
    </message>
    <message>
        <source>All invoices</source>
        <translation>Alle Rechnungen</translation>
    </message>
    <message>
        <source>Leave the run and filter all invoices.</source>
        <translation>Den Lauf verlassen und alle Rechnungen filtern.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Tick all loaded</source>
        <translation>Alle geladenen anhaken</translation>
    </message>
    <message>
        <source>Approve ticked</source>
        <translation>Angehakte genehmigen</translation>
    </message>
    <message>
        <source>Issue ticked</source>
        <translation>Angehakte stellen</translation>
    </message>
    <message>
        <source>Issues the ticked approved invoices: numbers, postings, frozen.</source>
        <translation>Stellt die angehakten genehmigten Rechnungen: Nummern, Buchungen, eingefroren.</translation>
    </message>
    <message>
        <source>No invoices match these filters.</source>
        <translation>Keine Rechnung passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>This run made no invoices, or they were all held.</source>
        <translation>Dieser Lauf hat keine Rechnungen erzeugt, oder alle wurden zurückgestellt.</translation>
    </message>
    <message>
        <source>1 invoice sent for approval.</source>
        <translation>1 Rechnung zur Genehmigung gesendet.</translation>
    </message>
    <message>
        <source>%1 invoices sent for approval.</source>
        <translation>%1 Rechnungen zur Genehmigung gesendet.</translation>
    </message>
    <message>
        <source>1 invoice issued.</source>
        <translation>1 Rechnung gestellt.</translation>
    </message>
    <message>
        <source>%1 invoices issued.</source>
        <translation>%1 Rechnungen gestellt.</translation>
    </message>
    <message>
        <source>1 was refused; its row says why and stays ticked.</source>
        <translation>1 wurde abgelehnt; ihre Zeile sagt warum und bleibt angehakt.</translation>
    </message>
    <message>
        <source>%1 were refused; their rows say why and stay ticked.</source>
        <translation>%1 wurden abgelehnt; ihre Zeilen sagen warum und bleiben angehakt.</translation>
    </message>
    <message>
        <source>Billing run #%1</source>
        <translation>Abrechnungslauf #%1</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird genehmigt…</translation>
    </message>
    <message>
        <source>Issuing…</source>
        <translation>Wird gestellt…</translation>
    </message>
    <message>
        <source>%1+ invoices (more load as you scroll)</source>
        <translation>%1+ Rechnungen (weitere laden beim Scrollen)</translation>
    </message>
    <message>
        <source>%1 · none ticked</source>
        <translation>%1 · keine angehakt</translation>
    </message>
    <message>
        <source>%1 · %2 ticked, %3</source>
        <translation>%1 · %2 angehakt, %3</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Alle abhaken</translation>
    </message>
    <message>
        <source>1 invoice</source>
        <translation>1 Rechnung</translation>
    </message>
    <message>
        <source>%1 invoices</source>
        <translation>%1 Rechnungen</translation>
    </message>
    <message>
        <source>Invoices and credit notes</source>
        <translation>Rechnungen und Gutschriften</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>Gutschriften</translation>
    </message>
</context>
<context>
    <name>keel::billing::WriteDownDialog</name>
    <message>
        <source>Write down a line</source>
        <translation>Position mindern</translation>
    </message>
    <message>
        <source>Line %1: %2&lt;br&gt;Gross amount &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Position %1: %2&lt;br&gt;Bruttobetrag &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>e.g. 150.00</source>
        <translation>z. B. 150.00</translation>
    </message>
    <message>
        <source>Write off the whole line</source>
        <translation>Ganze Position abschreiben</translation>
    </message>
    <message>
        <source>Why? The approver and the audit log read this.</source>
        <translation>Warum? Der Genehmigende und das Audit-Log lesen das.</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Betrag (%1)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>Zur Genehmigung senden</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseChecklistModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht gelaufen</translation>
    </message>
    <message>
        <source>Completed %1</source>
        <translation>Abgeschlossen %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Abgezeichnet</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseChecklistPanel</name>
    <message>
        <source>Soft close</source>
        <translation>Vorabschluss</translation>
    </message>
    <message>
        <source>Stops time entries and expenses dated in the period; finance journals, invoices and runs still post.</source>
        <translation>Sperrt Zeiten und Auslagen mit Datum in der Periode; Buchungen der Buchhaltung, Rechnungen und Läufe buchen weiter.</translation>
    </message>
    <message>
        <source>Hard close</source>
        <translation>Endgültiger Abschluss</translation>
    </message>
    <message>
        <source>Stops every posting dated in the period.</source>
        <translation>Sperrt jede Buchung mit Datum in der Periode.</translation>
    </message>
    <message>
        <source>Request reopen…</source>
        <translation>Wiedereröffnung beantragen…</translation>
    </message>
    <message>
        <source>Asks a controller to reopen the period.</source>
        <translation>Bittet einen Controller, die Periode wieder zu öffnen.</translation>
    </message>
    <message>
        <source>Show records</source>
        <translation>Belege anzeigen</translation>
    </message>
    <message>
        <source>The records behind the selected item.</source>
        <translation>Die Belege hinter dem gewählten Punkt.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Runs the selected item again.</source>
        <translation>Führt den gewählten Punkt erneut aus.</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <source>Revenue recognition, accruals, FX revaluation and intercompany charges, one after the other.</source>
        <translation>Umsatzrealisierung, Abgrenzungen, Fremdwährungsbewertung und konzerninterne Verrechnung, nacheinander.</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Abzeichnen</translation>
    </message>
    <message>
        <source>Accepts an amber item&apos;s warnings as reviewed; red items cannot be signed off.</source>
        <translation>Bestätigt die Warnungen eines gelben Punkts als geprüft; rote Punkte können nicht abgezeichnet werden.</translation>
    </message>
    <message>
        <source>Make me responsible</source>
        <translation>Ich bin verantwortlich</translation>
    </message>
    <message>
        <source>You become the person responsible for the selected item.</source>
        <translation>Sie werden für den gewählten Punkt verantwortlich.</translation>
    </message>
    <message>
        <source>Double-click an item for the records behind it.</source>
        <translation>Doppelklick auf einen Punkt zeigt die Belege dahinter.</translation>
    </message>
    <message>
        <source>The checklist could not be loaded: %1</source>
        <translation>Die Checkliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The run finished.</source>
        <translation>Der Lauf ist fertig.</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 red · %2 amber · %3 green</source>
        <translation>%1 rot · %2 gelb · %3 grün</translation>
    </message>
    <message numerus="yes">
        <source> (%n signed off)</source>
        <translation>
            <numerusform> (%n abgezeichnet)</numerusform>
            <numerusform> (%n abgezeichnet)</numerusform>
        </translation>
    </message>
    <message>
        <source> · the previous period is still open</source>
        <translation> · die vorige Periode ist noch offen</translation>
    </message>
    <message>
        <source>%1 is signed off.</source>
        <translation>%1 ist abgezeichnet.</translation>
    </message>
    <message>
        <source>You are responsible for %1.</source>
        <translation>Sie sind für %1 verantwortlich.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Soft-close %1?

Time entries and expenses dated in the period will be refused; finance journals, invoices and runs still post.</source>
        <translation>Vorabschluss für %1?

Zeiten und Auslagen mit Datum in der Periode werden abgelehnt; Buchungen der Buchhaltung, Rechnungen und Läufe buchen weiter.</translation>
    </message>
    <message>
        <source>%1 is soft-closed.</source>
        <translation>%1 ist vorläufig abgeschlossen.</translation>
    </message>
    <message>
        <source>Hard-close %1?

Every posting dated in the period will be refused. Only an approved reopen request can undo this.</source>
        <translation>%1 endgültig abschließen?

Jede Buchung mit Datum in der Periode wird abgelehnt. Nur ein genehmigter Antrag auf Wiedereröffnung macht das rückgängig.</translation>
    </message>
    <message>
        <source>%1 is closed.</source>
        <translation>%1 ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Reopen request refused: %1</source>
        <translation>Antrag auf Wiedereröffnung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The request to reopen %1 is sent; a controller approves it in the approvals inbox.</source>
        <translation>Der Antrag, %1 wieder zu öffnen, ist gestellt; ein Controller genehmigt ihn im Genehmigungseingang.</translation>
    </message>
    <message>
        <source>Reading the checklist…</source>
        <translation>Die Checkliste wird gelesen…</translation>
    </message>
    <message>
        <source>Only what is left</source>
        <translation>Nur Offenes</translation>
    </message>
    <message>
        <source>Hides the green items and the amber ones signed off.</source>
        <translation>Blendet die grünen und die abgezeichneten gelben Punkte aus.</translation>
    </message>
    <message>
        <source>Red items block the soft close: %1.</source>
        <translation>Rote Punkte verhindern den Vorabschluss: %1.</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseGridModel</name>
    <message>
        <source>%1 red</source>
        <translation>%1 rot</translation>
    </message>
    <message>
        <source>%1 amber</source>
        <translation>%1 gelb</translation>
    </message>
    <message>
        <source>all green</source>
        <translation>alles grün</translation>
    </message>
    <message>
        <source>%1, %2: %3 — %4 red, %5 amber, %6 green</source>
        <translation>%1, %2: %3 — %4 rot, %5 gelb, %6 grün</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseRecordsDialog</name>
    <message>
        <source>The records could not be loaded: %1</source>
        <translation>Die Belege konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 records shown; scroll for more.</source>
        <translation>%1 Belege angezeigt; für weitere blättern.</translation>
    </message>
    <message>
        <source>Nothing behind this item.</source>
        <translation>Hinter diesem Punkt steht nichts.</translation>
    </message>
    <message>
        <source>One record.</source>
        <translation>Ein Beleg.</translation>
    </message>
    <message>
        <source>%1 records.</source>
        <translation>%1 Belege.</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseReopenDialog</name>
    <message>
        <source>Request to reopen %1</source>
        <translation>Wiedereröffnung von %1 beantragen</translation>
    </message>
    <message>
        <source>Why the period must change (at least 3 characters)</source>
        <translation>Warum die Periode geändert werden muss (mindestens 3 Zeichen)</translation>
    </message>
    <message>
        <source>Reopen to</source>
        <translation>Wieder öffnen als</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Antrag senden</translation>
    </message>
    <message>
        <source>A controller other than you approves the request in the approvals inbox; until then the period stays as it is. The request and the decision are audited.</source>
        <translation>Ein anderer Controller als Sie genehmigt den Antrag im Genehmigungseingang; bis dahin bleibt die Periode, wie sie ist. Antrag und Entscheidung werden protokolliert.</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseRunJob</name>
    <message>
        <source>A run is already in progress; wait until it finishes.</source>
        <translation>Ein Lauf ist bereits im Gang; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseTab</name>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Früher</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Später ▶</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Each cell: the period&apos;s state and how many checklist items are red (blocking) or amber (to review). Select a cell for its checklist.</source>
        <translation>Jede Zelle: der Status der Periode und wie viele Punkte der Checkliste rot (blockierend) oder gelb (zu prüfen) sind. Wählen Sie eine Zelle für ihre Checkliste.</translation>
    </message>
    <message>
        <source>Select a cell for that entity&apos;s checklist of the month.</source>
        <translation>Wählen Sie eine Zelle für die Checkliste dieser Gesellschaft im Monat.</translation>
    </message>
    <message>
        <source>The close could not be loaded: %1</source>
        <translation>Der Abschluss konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No legal entity to close: your roles read none.</source>
        <translation>Keine Gesellschaft abzuschließen: Ihre Rollen lesen keine.</translation>
    </message>
</context>
<context>
    <name>keel::closing::CloseText</name>
    <message>
        <source>Missing timesheets</source>
        <translation>Fehlende Stundenzettel</translation>
    </message>
    <message>
        <source>Unapproved time</source>
        <translation>Nicht genehmigte Zeiten</translation>
    </message>
    <message>
        <source>Unapproved expenses</source>
        <translation>Nicht genehmigte Auslagen</translation>
    </message>
    <message>
        <source>Unapproved vendor bills</source>
        <translation>Nicht genehmigte Eingangsrechnungen</translation>
    </message>
    <message>
        <source>Approved time not billed</source>
        <translation>Genehmigte, nicht abgerechnete Zeiten</translation>
    </message>
    <message>
        <source>Draft invoices not issued</source>
        <translation>Nicht ausgestellte Rechnungsentwürfe</translation>
    </message>
    <message>
        <source>Revenue recognition</source>
        <translation>Umsatzrealisierung</translation>
    </message>
    <message>
        <source>Subcontractor accruals</source>
        <translation>Abgrenzung Subunternehmer</translation>
    </message>
    <message>
        <source>FX revaluation</source>
        <translation>Fremdwährungsbewertung</translation>
    </message>
    <message>
        <source>Intercompany charges</source>
        <translation>Konzerninterne Verrechnung</translation>
    </message>
    <message>
        <source>Intercompany balanced</source>
        <translation>Konzernsalden ausgeglichen</translation>
    </message>
    <message>
        <source>Trial balance balanced</source>
        <translation>Summen- und Saldenliste ausgeglichen</translation>
    </message>
    <message>
        <source>Soft-closed</source>
        <translation>Vorläufig abgeschlossen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Abgezeichnet</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Running %1 %</source>
        <translation>Läuft %1 %</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The period cannot be closed while checklist items are red.</source>
        <translation>Die Periode kann nicht abgeschlossen werden, solange Punkte der Checkliste rot sind.</translation>
    </message>
    <message>
        <source>The period cannot be closed while these items are red: %1.</source>
        <translation>Die Periode kann nicht abgeschlossen werden, solange diese Punkte rot sind: %1.</translation>
    </message>
    <message>
        <source>Close the previous period first: a period closes only after the one before it.</source>
        <translation>Schließen Sie zuerst die vorige Periode ab: Eine Periode wird erst nach der vorherigen abgeschlossen.</translation>
    </message>
    <message>
        <source>The period is closed: nothing in it can change any more. A controller can approve a request to reopen it.</source>
        <translation>Die Periode ist abgeschlossen: Nichts darin kann sich mehr ändern. Ein Controller kann einen Antrag auf Wiedereröffnung genehmigen.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: the hard close and approving a reopen need a controller.</source>
        <translation>Das dürfen Sie nicht: Der endgültige Abschluss und die Genehmigung einer Wiedereröffnung brauchen einen Controller.</translation>
    </message>
    <message>
        <source>%1, not signed off</source>
        <translation>%1, nicht abgezeichnet</translation>
    </message>
    <message>
        <source>Every item must be green or signed off before the hard close; still open: %1.</source>
        <translation>Vor dem endgültigen Abschluss muss jeder Punkt grün oder abgezeichnet sein; noch offen: %1.</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::Cards</name>
    <message>
        <source>Bookings</source>
        <translation>Auftragseingang</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Auftragsbestand</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>Bruttomarge</translation>
    </message>
    <message>
        <source>Revenue recognised vs forecast</source>
        <translation>Realisierter Umsatz und Prognose</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Days sales outstanding</source>
        <translation>Forderungslaufzeit (DSO)</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>Project margin: best and worst</source>
        <translation>Projektmarge: beste und schlechteste</translation>
    </message>
    <message>
        <source>Utilisation by practice</source>
        <translation>Auslastung nach Practice</translation>
    </message>
    <message>
        <source>Utilisation by person and month</source>
        <translation>Auslastung nach Person und Monat</translation>
    </message>
    <message>
        <source>Utilisation trend</source>
        <translation>Auslastung im Verlauf</translation>
    </message>
    <message>
        <source>Bench</source>
        <translation>Ohne Einsatz (Bench)</translation>
    </message>
    <message>
        <source>Projects at risk</source>
        <translation>Gefährdete Projekte</translation>
    </message>
    <message>
        <source>Weighted pipeline against capacity</source>
        <translation>Gewichtete Pipeline und Kapazität</translation>
    </message>
    <message>
        <source>Pipeline funnel</source>
        <translation>Pipeline-Trichter</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Gewinnquote</translation>
    </message>
    <message>
        <source>Budget burn and progress</source>
        <translation>Budgetverbrauch und Fortschritt</translation>
    </message>
    <message>
        <source>Milestones due</source>
        <translation>Fällige Meilensteine</translation>
    </message>
    <message>
        <source>Unbilled work</source>
        <translation>Nicht abgerechnete Leistungen</translation>
    </message>
    <message>
        <source>Margin by project</source>
        <translation>Marge nach Projekt</translation>
    </message>
    <message>
        <source>Unbilled (WIP)</source>
        <translation>Nicht abgerechnet (WIP)</translation>
    </message>
    <message>
        <source>Deferred revenue</source>
        <translation>Passive Rechnungsabgrenzung</translation>
    </message>
    <message>
        <source>Receivables aging</source>
        <translation>Altersstruktur der Forderungen</translation>
    </message>
    <message>
        <source>DSO trend</source>
        <translation>DSO im Verlauf</translation>
    </message>
    <message>
        <source>Write-off rate</source>
        <translation>Abschreibungsquote</translation>
    </message>
    <message>
        <source>Realisation</source>
        <translation>Realisierungsgrad</translation>
    </message>
    <message>
        <source>Invoice cycle time</source>
        <translation>Dauer bis zur Rechnung</translation>
    </message>
    <message>
        <source>Revenue forecast against capacity</source>
        <translation>Umsatzprognose gegen Kapazität</translation>
    </message>
    <message>
        <source>Margin at risk (model)</source>
        <translation>Marge gefährdet (Modell)</translation>
    </message>
    <message>
        <source>Deals at risk</source>
        <translation>Gefährdete Chancen</translation>
    </message>
    <message>
        <source>My projects at risk</source>
        <translation>Meine gefährdeten Projekte</translation>
    </message>
    <message>
        <source>Flagged draft invoices</source>
        <translation>Markierte Rechnungsentwürfe</translation>
    </message>
    <message>
        <source>Cash-in forecast (13 weeks)</source>
        <translation>Zahlungseingänge (13 Wochen)</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::ChartCard</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Export this card</source>
        <translation>Diese Karte exportieren</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>No data for these filters</source>
        <translation>Keine Daten für diese Filter</translation>
    </message>
    <message>
        <source>Try a longer period, another entity or all practices.</source>
        <translation>Versuchen Sie einen längeren Zeitraum, eine andere Gesellschaft oder alle Practices.</translation>
    </message>
    <message>
        <source>%1: %2, %3: %4</source>
        <translation>%1: %2, %3: %4</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>Als PNG exportieren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::DrillDialog</name>
    <message>
        <source>the whole figure</source>
        <translation>die ganze Kennzahl</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Records of the numerator</source>
        <translation>Datensätze des Zählers</translation>
    </message>
    <message>
        <source>Records of the denominator</source>
        <translation>Datensätze des Nenners</translation>
    </message>
    <message>
        <source>Loading the records…</source>
        <translation>Die Datensätze werden geladen…</translation>
    </message>
    <message>
        <source> (more records load as you scroll)</source>
        <translation> (weitere Datensätze laden beim Blättern)</translation>
    </message>
    <message>
        <source>Total of the records: &lt;b&gt;%1&lt;/b&gt; — total equals the figure ✓%2</source>
        <translation>Summe der Datensätze: &lt;b&gt;%1&lt;/b&gt; — die Summe entspricht der Kennzahl ✓%2</translation>
    </message>
    <message>
        <source>Total of the records: &lt;b&gt;%1&lt;/b&gt; — &lt;span style=&apos;color:#8c1d18&apos;&gt;differs from the figure %2&lt;/span&gt;%3</source>
        <translation>Summe der Datensätze: &lt;b&gt;%1&lt;/b&gt; — &lt;span style=&apos;color:#8c1d18&apos;&gt;weicht von der Kennzahl %2 ab&lt;/span&gt;%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2: %3</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::FilterBar</name>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Alle Gesellschaften</translation>
    </message>
    <message>
        <source>All practices</source>
        <translation>Alle Practices</translation>
    </message>
    <message>
        <source>Entity currency</source>
        <translation>Währung der Gesellschaft</translation>
    </message>
    <message>
        <source>Group currency</source>
        <translation>Konzernwährung</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 12 full months</source>
        <translation>Letzte 12 volle Monate</translation>
    </message>
    <message>
        <source>Last 12 months incl. current</source>
        <translation>Letzte 12 Monate inkl. aktuellem</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::HeatmapView</name>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::MetricChartView</name>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Budget burn</source>
        <translation>Budgetverbrauch</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>%1 millions</source>
        <translation>Mio. %1</translation>
    </message>
    <message>
        <source>%1 thousands</source>
        <translation>Tsd. %1</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>EAC %1 against a budget of %2, cost to date %3</source>
        <translation>Prognose bei Fertigstellung %1 bei einem Budget von %2, Kosten bisher %3</translation>
    </message>
    <message>
        <source>%1, from -100 %</source>
        <translation>%1, ab -100 %</translation>
    </message>
    <message>
        <source>1 deal</source>
        <translation>1 Chance</translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation>%1 Chancen</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::Roles</name>
    <message>
        <source>Executive</source>
        <translation>Geschäftsleitung</translation>
    </message>
    <message>
        <source>Service leader</source>
        <translation>Leitung Service</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation>Projektleitung</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
</context>
<context>
    <name>keel::dashboards::Units</name>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 Tsd.</translation>
    </message>
</context>
<context>
    <name>keel::delivery::Columns</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Budget h</source>
        <translation>Budget h</translation>
    </message>
    <message>
        <source>Actual h</source>
        <translation>Ist h</translation>
    </message>
    <message>
        <source>ETC h</source>
        <translation>Rest h</translation>
    </message>
    <message>
        <source>EAC h</source>
        <translation>Prognose h</translation>
    </message>
    <message>
        <source>Burn</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>Budget cost</source>
        <translation>Budgetkosten</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>ETC h (edit)</source>
        <translation>Rest h (bearbeiten)</translation>
    </message>
    <message>
        <source>% complete</source>
        <translation>% fertig</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>h / week</source>
        <translation>h / Woche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Δ hours</source>
        <translation>Δ Stunden</translation>
    </message>
    <message>
        <source>Δ value</source>
        <translation>Δ Wert</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Bericht</translation>
    </message>
</context>
<context>
    <name>keel::delivery::DeliveryPage</name>
    <message>
        <source>Delivery</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>No projects in your scope. Projects appear here when a signed contract is handed over to delivery.</source>
        <translation>Keine Projekte in Ihrem Bereich. Projekte erscheinen hier, sobald ein unterschriebener Vertrag an die Projektabwicklung übergeben wird.</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
</context>
<context>
    <name>keel::delivery::ProjectWorkspace</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>Änderungsanträge</translation>
    </message>
    <message>
        <source>Status reports</source>
        <translation>Statusberichte</translation>
    </message>
    <message>
        <source>Select a project</source>
        <translation>Projekt auswählen</translation>
    </message>
    <message>
        <source>Choose a project in the list to see its budget, milestones and team.</source>
        <translation>Wählen Sie ein Projekt in der Liste, um Budget, Meilensteine und Team zu sehen.</translation>
    </message>
    <message>
        <source>Budget burn by role</source>
        <translation>Budgetverbrauch nach Rolle</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>The work of this milestone is done (project manager).</source>
        <translation>Die Arbeit dieses Meilensteins ist erledigt (Projektleitung).</translation>
    </message>
    <message>
        <source>Record acceptance</source>
        <translation>Abnahme erfassen</translation>
    </message>
    <message>
        <source>The client accepted the completed milestone.</source>
        <translation>Der Kunde hat den abgeschlossenen Meilenstein abgenommen.</translation>
    </message>
    <message>
        <source>Release for billing</source>
        <translation>Zur Abrechnung freigeben</translation>
    </message>
    <message>
        <source>Double-click an ETC cell to enter the hours still to go; the estimate at completion follows.</source>
        <translation>Doppelklicken Sie eine Rest-Zelle, um die verbleibenden Stunden einzugeben; die Prognose folgt.</translation>
    </message>
    <message>
        <source>New change request…</source>
        <translation>Neuer Änderungsantrag…</translation>
    </message>
    <message>
        <source>Report this month…</source>
        <translation>Diesen Monat berichten…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>contract %1</source>
        <translation>Vertrag %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>No estimate yet.</source>
        <translation>Noch keine Prognose.</translation>
    </message>
    <message>
        <source>New change request</source>
        <translation>Neuer Änderungsantrag</translation>
    </message>
    <message>
        <source>What changes and why (the approvers read this)</source>
        <translation>Was ändert sich und warum (das lesen die Freigebenden)</translation>
    </message>
    <message>
        <source>e.g. 40 or -8</source>
        <translation>z. B. 40 oder -8</translation>
    </message>
    <message>
        <source>e.g. 6000.00</source>
        <translation>z. B. 6000.00</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Change in hours</source>
        <translation>Änderung in Stunden</translation>
    </message>
    <message>
        <source>Change in value (%1)</source>
        <translation>Änderung im Wert (%1)</translation>
    </message>
    <message>
        <source>Project ends</source>
        <translation>Projektende</translation>
    </message>
    <message>
        <source>The change goes to approval: another project manager, finance from 10,000 and an executive from 50,000.</source>
        <translation>Die Änderung geht in die Freigabe: eine andere Projektleitung, ab 10.000 zusätzlich Finanzen und ab 50.000 die Geschäftsleitung.</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Status report for %1</source>
        <translation>Statusbericht für %1</translation>
    </message>
    <message>
        <source>Progress, risks and what you need from the client</source>
        <translation>Fortschritt, Risiken und was Sie vom Kunden brauchen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Budget&lt;/b&gt; %1 for %2 h. Nothing worked or estimated yet: enter the hours still to go on the Tasks tab to see the estimate at completion.</source>
        <translation>&lt;b&gt;Budget&lt;/b&gt; %1 für %2 h. Noch nichts geleistet oder geschätzt: Geben Sie auf dem Reiter Aufgaben die verbleibenden Stunden ein, um die Prognose bei Fertigstellung zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate at completion&lt;/b&gt; %1 against a budget of %2 — variance &lt;span style=&apos;color:%3&apos;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt;&lt;br&gt;%5 of %6 h worked, %7 h to go.</source>
        <translation>&lt;b&gt;Prognose bei Fertigstellung&lt;/b&gt; %1 bei einem Budget von %2 — Abweichung &lt;span style=&apos;color:%3&apos;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt;&lt;br&gt;%5 von %6 h geleistet, %7 h verbleibend.</translation>
    </message>
    <message>
        <source>%1 % complete by effort, %2 % by cost.</source>
        <translation>%1 % fertig nach Aufwand, %2 % nach Kosten.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>wartet auf Entscheidung</translation>
    </message>
    <message>
        <source>next</source>
        <translation>danach</translation>
    </message>
</context>
<context>
    <name>keel::delivery::State</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation>Vorläufig</translation>
    </message>
</context>
<context>
    <name>keel::expenses::Columns</name>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpenseApprovalPage</name>
    <message>
        <source>Approve expenses</source>
        <translation>Auslagen genehmigen</translation>
    </message>
    <message>
        <source>Expense reports waiting for your step: the employee&apos;s manager decides first, then finance. Breaches of the policy come with the employee&apos;s justification.</source>
        <translation>Spesenabrechnungen, die auf Ihren Schritt warten: zuerst entscheidet die Führungskraft, dann die Finanzabteilung. Richtlinienverstöße kommen mit der Begründung des Mitarbeiters.</translation>
    </message>
    <message>
        <source>Select a report to see its expenses.</source>
        <translation>Wählen Sie eine Abrechnung, um ihre Auslagen zu sehen.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Reject report</source>
        <translation>Abrechnung ablehnen</translation>
    </message>
    <message>
        <source>Tell the employee why (required); the expenses go back to them:</source>
        <translation>Sagen Sie dem Mitarbeiter, warum (Pflicht); die Auslagen gehen an ihn zurück:</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Genehmigt.</translation>
    </message>
    <message>
        <source>Rejected; the employee sees your comment.</source>
        <translation>Abgelehnt; der Mitarbeiter sieht Ihren Kommentar.</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpenseBook</name>
    <message>
        <source>The expense was saved, but its receipt was not: %1</source>
        <translation>Die Auslage wurde gespeichert, ihr Beleg aber nicht: %1</translation>
    </message>
    <message>
        <source>Tick the draft expenses to put in the report.</source>
        <translation>Haken Sie die Entwürfe an, die in die Abrechnung sollen.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the ticked expenses are not on the server yet. They are sent with the next sync; submit the report once they are.</source>
        <translation>
            <numerusform>%n der angehakten Auslagen ist noch nicht auf dem Server. Sie wird mit der nächsten Synchronisation gesendet; reichen Sie die Abrechnung danach ein.</numerusform>
            <numerusform>%n der angehakten Auslagen sind noch nicht auf dem Server. Sie werden mit der nächsten Synchronisation gesendet; reichen Sie die Abrechnung danach ein.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpenseForm</name>
    <message>
        <source>What it was for, e.g. Train London–Leeds, client workshop</source>
        <translation>Wofür, z. B. Zug London–Leeds, Workshop beim Kunden</translation>
    </message>
    <message>
        <source>Billable to the client</source>
        <translation>An den Kunden weiterberechnen</translation>
    </message>
    <message>
        <source>Justification (required to submit)</source>
        <translation>Begründung (Pflicht zum Einreichen)</translation>
    </message>
    <message>
        <source>Why this expense is above the policy, e.g. the only hotel near the client site</source>
        <translation>Warum diese Auslage über der Richtlinie liegt, z. B. das einzige Hotel nahe beim Kunden</translation>
    </message>
    <message>
        <source>Save expense</source>
        <translation>Auslage speichern</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Saved on this computer; it goes to the server with the next sync.</source>
        <translation>Auf diesem Computer gespeichert; sie geht mit der nächsten Synchronisation an den Server.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>No project (internal)</source>
        <translation>Kein Projekt (intern)</translation>
    </message>
    <message>
        <source>No task</source>
        <translation>Keine Aufgabe</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>Neue Auslage</translation>
    </message>
    <message>
        <source>Expense of %1</source>
        <translation>Auslage vom %1</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>Geben Sie den Betrag ein.</translation>
    </message>
    <message>
        <source>%1 is not an amount in %2 (at most %3 decimals).</source>
        <translation>%1 ist kein Betrag in %2 (höchstens %3 Nachkommastellen).</translation>
    </message>
    <message>
        <source>%1 is not a currency code.</source>
        <translation>%1 ist kein Währungscode.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>✓ Within the %1 policy.</source>
        <translation>✓ Innerhalb der Richtlinie für %1.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Wählen Sie eine Kategorie.</translation>
    </message>
    <message>
        <source>Say what the expense was for.</source>
        <translation>Sagen Sie, wofür die Auslage war.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpenseListModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source> · sync problem</source>
        <translation> · Synchronisationsproblem</translation>
    </message>
    <message>
        <source> · waiting to sync</source>
        <translation> · wartet auf Synchronisation</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Receipt: %1</source>
        <translation>Beleg: %1</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Kein Beleg</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpenseReportInbox</name>
    <message>
        <source>Say why you reject the report; the employee sees your comment.</source>
        <translation>Sagen Sie, warum Sie die Abrechnung ablehnen; der Mitarbeiter sieht Ihren Kommentar.</translation>
    </message>
    <message>
        <source>Nothing was decided: someone else decided or changed this report meanwhile. The list was reloaded.</source>
        <translation>Nichts wurde entschieden: jemand anderes hat diese Abrechnung inzwischen entschieden oder geändert. Die Liste wurde neu geladen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source> · receipt</source>
        <translation> · Beleg</translation>
    </message>
    <message>
        <source> · no receipt</source>
        <translation> · kein Beleg</translation>
    </message>
    <message>
        <source>Justification: %1</source>
        <translation>Begründung: %1</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ExpensesPage</name>
    <message>
        <source>My expenses</source>
        <translation>Meine Auslagen</translation>
    </message>
    <message>
        <source>Expenses are saved on this computer at once and go to the server with the next sync. Tick drafts and submit them as a report for approval.</source>
        <translation>Auslagen werden sofort auf diesem Computer gespeichert und gehen mit der nächsten Synchronisation an den Server. Haken Sie Entwürfe an und reichen Sie sie als Abrechnung zur Genehmigung ein.</translation>
    </message>
    <message>
        <source>Tick drafts and submit them as a report: your manager approves it, then finance.</source>
        <translation>Haken Sie Entwürfe an und reichen Sie sie als Abrechnung ein: zuerst genehmigt Ihre Führungskraft, dann die Finanzabteilung.</translation>
    </message>
    <message>
        <source>No expenses yet. Fill in the form on the right and drop the receipt on it.</source>
        <translation>Noch keine Auslagen. Füllen Sie das Formular rechts aus und ziehen Sie den Beleg darauf.</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>Neue Auslage</translation>
    </message>
    <message>
        <source>Submit report…</source>
        <translation>Abrechnung einreichen…</translation>
    </message>
    <message>
        <source>Submit report</source>
        <translation>Abrechnung einreichen</translation>
    </message>
    <message>
        <source>Title of the report:</source>
        <translation>Titel der Abrechnung:</translation>
    </message>
    <message>
        <source>Expenses %1</source>
        <translation>Auslagen %1</translation>
    </message>
    <message>
        <source>Report “%1” submitted: %2. Your manager decides next.</source>
        <translation>Abrechnung „%1“ eingereicht: %2. Als Nächstes entscheidet Ihre Führungskraft.</translation>
    </message>
    <message numerus="yes">
        <source>Submit %n as report…</source>
        <translation>
            <numerusform>%n als Abrechnung einreichen…</numerusform>
            <numerusform>%n als Abrechnung einreichen…</numerusform>
        </translation>
    </message>
    <message>
        <source>A report needs a title.</source>
        <translation>Eine Abrechnung braucht einen Titel.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Not submitted: these expenses break the policy and need a justification first. Open each, say why, and save:
</source>
        <translation>Nicht eingereicht: Diese Auslagen verstoßen gegen die Richtlinie und brauchen zuerst eine Begründung. Öffnen Sie jede, begründen Sie sie und speichern Sie:
</translation>
    </message>
</context>
<context>
    <name>keel::expenses::Policy</name>
    <message>
        <source>Cap %1 per item</source>
        <translation>Obergrenze %1 pro Beleg</translation>
    </message>
    <message>
        <source>Cap %1 per day</source>
        <translation>Obergrenze %1 pro Tag</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <source>receipt required above %1</source>
        <translation>Beleg nötig über %1</translation>
    </message>
    <message>
        <source>receipt always required</source>
        <translation>Beleg immer nötig</translation>
    </message>
    <message>
        <source>Amounts in %1 are checked against the policy (in %2) after conversion at the day&apos;s rate when you save.</source>
        <translation>Beträge in %1 werden beim Speichern nach Umrechnung zum Tageskurs gegen die Richtlinie (in %2) geprüft.</translation>
    </message>
    <message>
        <source>%1 is above the %2 cap of %3 per item.</source>
        <translation>%1 liegt über der Obergrenze für %2 von %3 pro Beleg.</translation>
    </message>
    <message>
        <source>%1 of %2 on %3 (with this expense) is above the daily cap of %4.</source>
        <translation>%1 für %2 am %3 (mit dieser Auslage) liegt über der Tagesobergrenze von %4.</translation>
    </message>
    <message>
        <source>No receipt attached: %1 requires one above %2.</source>
        <translation>Kein Beleg angehängt: %1 verlangt einen über %2.</translation>
    </message>
</context>
<context>
    <name>keel::expenses::Receipt</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is %2 MiB; receipts may be at most 10 MiB. Scan it at a lower resolution or save it as a PDF.</source>
        <translation>%1 ist %2 MiB groß; Belege dürfen höchstens 10 MiB groß sein. Scannen Sie ihn mit geringerer Auflösung oder speichern Sie ihn als PDF.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or PDF file. Receipts must be a photo (JPEG or PNG) or a PDF.</source>
        <translation>%1 ist keine JPEG-, PNG- oder PDF-Datei. Belege müssen ein Foto (JPEG oder PNG) oder ein PDF sein.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>keel::expenses::ReceiptDropZone</name>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Choose a receipt</source>
        <translation>Beleg wählen</translation>
    </message>
    <message>
        <source>Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Belege (*.jpg *.jpeg *.png *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Receipt %1 (%2) will be attached when you save.</source>
        <translation>Beleg %1 (%2) wird beim Speichern angehängt.</translation>
    </message>
    <message>
        <source>Receipt %1 attached. Drop another file to add it.</source>
        <translation>Beleg %1 angehängt. Ziehen Sie eine weitere Datei hierher, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Drop the receipt here: a photo (JPEG, PNG) or a PDF, up to 10 MiB.</source>
        <translation>Beleg hierher ziehen: ein Foto (JPEG, PNG) oder ein PDF, bis 10 MiB.</translation>
    </message>
</context>
<context>
    <name>keel::finance::AgingModel</name>
    <message>
        <source>Current</source>
        <translation>Nicht fällig</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 Tage</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 Tage</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 Tage</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Über 90 Tage</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>1–30</source>
        <translation>1–30</translation>
    </message>
    <message>
        <source>31–60</source>
        <translation>31–60</translation>
    </message>
    <message>
        <source>61–90</source>
        <translation>61–90</translation>
    </message>
    <message>
        <source>90+</source>
        <translation>90+</translation>
    </message>
    <message>
        <source>%1 received from %2 and not yet applied to an invoice</source>
        <translation>%1 von %2 erhalten und noch keiner Rechnung zugeordnet</translation>
    </message>
    <message>
        <source>%1, %2: %3 — double-click for the invoices</source>
        <translation>%1, %2: %3 — Doppelklick zeigt die Rechnungen</translation>
    </message>
    <message>
        <source>Client · amounts in %1</source>
        <translation>Kunde · Beträge in %1</translation>
    </message>
    <message>
        <source>Vendor · amounts in %1</source>
        <translation>Lieferant · Beträge in %1</translation>
    </message>
    <message>
        <source>Unapplied</source>
        <translation>Guthaben</translation>
    </message>
</context>
<context>
    <name>keel::finance::AllocationModel</name>
    <message>
        <source>Enter the amount received.</source>
        <translation>Geben Sie den erhaltenen Betrag ein.</translation>
    </message>
    <message>
        <source>The amount is in %1, the open documents are in %2: a payment settles documents of its own currency.</source>
        <translation>Der Betrag ist in %1, die offenen Belege sind in %2: eine Zahlung begleicht nur Belege ihrer Währung.</translation>
    </message>
    <message>
        <source>%1 is applied, but only %2 was received.</source>
        <translation>%1 ist zugeordnet, aber nur %2 wurde erhalten.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zuordnen</translation>
    </message>
</context>
<context>
    <name>keel::finance::BankAccountDialog</name>
    <message>
        <source>New bank account</source>
        <translation>Neues Bankkonto</translation>
    </message>
    <message>
        <source>e.g. Operating account EUR</source>
        <translation>z. B. Geschäftskonto EUR</translation>
    </message>
    <message>
        <source>IBAN or local account number</source>
        <translation>IBAN oder inländische Kontonummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Give the account a name and its number.</source>
        <translation>Geben Sie dem Konto einen Namen und seine Nummer.</translation>
    </message>
</context>
<context>
    <name>keel::finance::BankTab</name>
    <message>
        <source>Recorded receipt</source>
        <translation>Erfasster Zahlungseingang</translation>
    </message>
    <message>
        <source>Recorded payment</source>
        <translation>Erfasste Zahlung</translation>
    </message>
    <message>
        <source>Open invoice (records the receipt)</source>
        <translation>Offene Rechnung (erfasst den Zahlungseingang)</translation>
    </message>
    <message>
        <source>Open bill (records the payment)</source>
        <translation>Offene Lieferantenrechnung (erfasst die Zahlung)</translation>
    </message>
    <message>
        <source>Same amount, reference names it</source>
        <translation>Gleicher Betrag, Verwendungszweck nennt sie</translation>
    </message>
    <message>
        <source>Same amount within 10 days</source>
        <translation>Gleicher Betrag innerhalb von 10 Tagen</translation>
    </message>
    <message>
        <source>Reference names it</source>
        <translation>Verwendungszweck nennt sie</translation>
    </message>
    <message>
        <source>Matching suggestions</source>
        <translation>Zuordnungsvorschläge</translation>
    </message>
    <message>
        <source>Import statement…</source>
        <translation>Kontoauszug importieren…</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Zuordnen</translation>
    </message>
    <message>
        <source>Ignore line</source>
        <translation>Zeile ignorieren</translation>
    </message>
    <message>
        <source>Undo match</source>
        <translation>Zuordnung aufheben</translation>
    </message>
    <message>
        <source>To reconcile</source>
        <translation>Abzustimmen</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>A CSV file with the header date,amount,reference,counterparty (ISO dates, a dot for decimals, negative amounts going out). Lines already imported are skipped.</source>
        <translation>Eine CSV-Datei mit der Kopfzeile date,amount,reference,counterparty (ISO-Daten, Punkt als Dezimaltrenner, Ausgänge negativ). Bereits importierte Zeilen werden übersprungen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Bankkonto</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Double-click a suggestion to match the line with it.</source>
        <translation>Doppelklick auf einen Vorschlag ordnet ihm die Zeile zu.</translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation>Kontoauszug importieren</translation>
    </message>
    <message>
        <source>Bank statements (*.csv *.txt);;All files (*)</source>
        <translation>Kontoauszüge (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>The statement lines could not be loaded: %1</source>
        <translation>Die Auszugszeilen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The match was undone; the line is to reconcile again.</source>
        <translation>Die Zuordnung wurde aufgehoben; die Zeile ist wieder abzustimmen.</translation>
    </message>
    <message>
        <source>The bank accounts could not be loaded: %1</source>
        <translation>Die Bankkonten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>This entity has no bank account yet.</source>
        <translation>Diese Gesellschaft hat noch kein Bankkonto.</translation>
    </message>
    <message>
        <source>The reconciliation could not be loaded: %1</source>
        <translation>Die Abstimmung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Statement balance &lt;b&gt;%1&lt;/b&gt; · Ledger balance &lt;b&gt;%2&lt;/b&gt; · Difference %3&lt;br&gt;Statement lines to reconcile: %4 · Receipts and payments not on the statement yet: %5</source>
        <translation>Saldo laut Auszug &lt;b&gt;%1&lt;/b&gt; · Saldo laut Hauptbuch &lt;b&gt;%2&lt;/b&gt; · Differenz %3&lt;br&gt;Abzustimmende Auszugszeilen: %4 · Ein- und Auszahlungen noch nicht auf dem Auszug: %5</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;%1 ✓&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;%1 ✓&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Matching suggestions for %1 %2</source>
        <translation>Zuordnungsvorschläge für %1 %2</translation>
    </message>
    <message>
        <source>Line matched.</source>
        <translation>Zeile zugeordnet.</translation>
    </message>
    <message>
        <source>Line ignored: it no longer counts as to reconcile.</source>
        <translation>Zeile ignoriert: sie zählt nicht mehr als abzustimmen.</translation>
    </message>
    <message>
        <source>1 statement line imported</source>
        <translation>1 Auszugszeile importiert</translation>
    </message>
    <message>
        <source>%1 statement lines imported</source>
        <translation>%1 Auszugszeilen importiert</translation>
    </message>
    <message>
        <source>%1; 1 line was already there and was skipped.</source>
        <translation>%1; 1 Zeile war schon vorhanden und wurde übersprungen.</translation>
    </message>
    <message>
        <source>%1; %2 lines were already there and were skipped.</source>
        <translation>%1; %2 Zeilen waren schon vorhanden und wurden übersprungen.</translation>
    </message>
    <message>
        <source>Book to account…</source>
        <translation>Auf Konto buchen…</translation>
    </message>
    <message>
        <source>For a line no receipt or payment explains (bank charges, interest): post it to a ledger account and mark it matched.</source>
        <translation>Für eine Zeile, die kein Zahlungseingang und keine Zahlung erklärt (Bankgebühren, Zinsen): auf ein Sachkonto buchen und als zugeordnet markieren.</translation>
    </message>
    <message>
        <source>Line booked to the account and matched.</source>
        <translation>Zeile auf das Konto gebucht und zugeordnet.</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Neues Konto…</translation>
    </message>
    <message>
        <source>Bank account %1 created; it posts to ledger account %2.</source>
        <translation>Bankkonto %1 angelegt; es bucht auf Sachkonto %2.</translation>
    </message>
</context>
<context>
    <name>keel::finance::BookLineDialog</name>
    <message>
        <source>Book a statement line to an account</source>
        <translation>Auszugszeile auf ein Konto buchen</translation>
    </message>
    <message>
        <source>%1 on %2 · %3 · %4</source>
        <translation>%1 am %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Credit account</source>
        <translation>Habenkonto</translation>
    </message>
    <message>
        <source>Debit account</source>
        <translation>Sollkonto</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Book and match</source>
        <translation>Buchen und zuordnen</translation>
    </message>
    <message>
        <source>Say what the line is, e.g. &quot;Bank charges&quot;.</source>
        <translation>Sagen Sie, was die Zeile ist, z. B. „Bankgebühren“.</translation>
    </message>
</context>
<context>
    <name>keel::finance::CashDialog</name>
    <message>
        <source>Record a receipt from %1</source>
        <translation>Zahlungseingang von %1 erfassen</translation>
    </message>
    <message>
        <source>Record a payment to %1</source>
        <translation>Zahlung an %1 erfassen</translation>
    </message>
    <message>
        <source>As on the bank statement, e.g. the invoice number</source>
        <translation>Wie auf dem Kontoauszug, z. B. die Rechnungsnummer</translation>
    </message>
    <message>
        <source>Payment reference sent to the vendor</source>
        <translation>Verwendungszweck für den Lieferanten</translation>
    </message>
    <message>
        <source>Into bank account</source>
        <translation>Auf Bankkonto</translation>
    </message>
    <message>
        <source>From bank account</source>
        <translation>Von Bankkonto</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Eingegangen am</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>Apply oldest first</source>
        <translation>Älteste zuerst zuordnen</translation>
    </message>
    <message>
        <source>Spreads the amount over the open documents, earliest due date first.</source>
        <translation>Verteilt den Betrag auf die offenen Belege, früheste Fälligkeit zuerst.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Apply to open invoices</source>
        <translation>Offenen Rechnungen zuordnen</translation>
    </message>
    <message>
        <source>Apply to open bills</source>
        <translation>Offenen Lieferantenrechnungen zuordnen</translation>
    </message>
    <message>
        <source>Record receipt</source>
        <translation>Zahlungseingang erfassen</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>The open documents could not be loaded: %1</source>
        <translation>Die offenen Belege konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The client has no open invoices: the whole receipt stays unapplied until you apply it.</source>
        <translation>Der Kunde hat keine offenen Rechnungen: der ganze Eingang bleibt unzugeordnet, bis Sie ihn zuordnen.</translation>
    </message>
    <message>
        <source>The vendor has no open bills.</source>
        <translation>Der Lieferant hat keine offenen Rechnungen.</translation>
    </message>
    <message>
        <source>The bank accounts could not be loaded: %1</source>
        <translation>Die Bankkonten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The entity has no bank account yet: add one in the Bank tab.</source>
        <translation>Die Gesellschaft hat noch kein Bankkonto: legen Sie eines im Reiter Bank an.</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Offen: %1</translation>
    </message>
    <message>
        <source>Applied %1 · Unapplied %2 · Open %3</source>
        <translation>Zugeordnet %1 · Nicht zugeordnet %2 · Offen %3</translation>
    </message>
    <message>
        <source>Choose the bank account.</source>
        <translation>Wählen Sie das Bankkonto.</translation>
    </message>
    <message>
        <source>Apply the payment to at least one bill.</source>
        <translation>Ordnen Sie die Zahlung mindestens einer Rechnung zu.</translation>
    </message>
    <message>
        <source>Type an amount in the Apply column to apply part of the receipt to an invoice; what is not applied stays unapplied cash of the client.</source>
        <translation>Tragen Sie in der Spalte Zuordnen einen Betrag ein, um einer Rechnung einen Teil des Eingangs zuzuordnen; was nicht zugeordnet ist, bleibt nicht zugeordnetes Guthaben des Kunden.</translation>
    </message>
    <message>
        <source>Type an amount in the Apply column to pay part of a bill.</source>
        <translation>Tragen Sie in der Spalte Zuordnen einen Betrag ein, um eine Rechnung teilweise zu bezahlen.</translation>
    </message>
    <message>
        <source>Apply unapplied cash of %1</source>
        <translation>Nicht zugeordnetes Guthaben von %1 zuordnen</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Zahlungseingang</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>Zugeordnet am</translation>
    </message>
    <message>
        <source>Unapplied</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zuordnen</translation>
    </message>
    <message>
        <source>The receipts could not be loaded: %1</source>
        <translation>Die Zahlungseingänge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2 unapplied of %3%4</source>
        <translation>%1 · %2 nicht zugeordnet von %3%4</translation>
    </message>
    <message>
        <source>The client has no unapplied cash.</source>
        <translation>Der Kunde hat kein nicht zugeordnetes Guthaben.</translation>
    </message>
    <message>
        <source>The client has no open invoices.</source>
        <translation>Der Kunde hat keine offenen Rechnungen.</translation>
    </message>
    <message>
        <source>Choose the receipt.</source>
        <translation>Wählen Sie den Zahlungseingang.</translation>
    </message>
    <message>
        <source>Apply the cash to at least one invoice.</source>
        <translation>Ordnen Sie das Guthaben mindestens einer Rechnung zu.</translation>
    </message>
</context>
<context>
    <name>keel::finance::CollectionNoteDialog</name>
    <message>
        <source>Promised to pay on</source>
        <translation>Zahlung zugesagt für</translation>
    </message>
    <message>
        <source>Collection notes · %1</source>
        <translation>Mahnnotizen · %1</translation>
    </message>
    <message>
        <source>Keep level %1</source>
        <translation>Stufe %1 beibehalten</translation>
    </message>
    <message>
        <source>0 · no reminder</source>
        <translation>0 · keine Erinnerung</translation>
    </message>
    <message>
        <source>1 · friendly reminder</source>
        <translation>1 · freundliche Erinnerung</translation>
    </message>
    <message>
        <source>2 · second reminder</source>
        <translation>2 · zweite Mahnung</translation>
    </message>
    <message>
        <source>3 · final notice</source>
        <translation>3 · letzte Mahnung</translation>
    </message>
    <message>
        <source>Raise to %1</source>
        <translation>Erhöhen auf %1</translation>
    </message>
    <message>
        <source>What was said or agreed, e.g. &quot;Spoke to AP, payment run on Friday&quot;</source>
        <translation>Was besprochen oder vereinbart wurde, z. B. „Mit der Kreditorenbuchhaltung gesprochen, Zahllauf am Freitag“</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Dunning level</source>
        <translation>Mahnstufe</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Schreiben Sie zuerst die Notiz.</translation>
    </message>
</context>
<context>
    <name>keel::finance::Columns</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Haben</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Debit (functional)</source>
        <translation>Soll (Hauswährung)</translation>
    </message>
    <message>
        <source>Credit (functional)</source>
        <translation>Haben (Hauswährung)</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Vermerk</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Match with</source>
        <translation>Zuordnen zu</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Client or vendor</source>
        <translation>Kunde oder Lieferant</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>Dunning</source>
        <translation>Mahnstufe</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Tage überfällig</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Last reminder</source>
        <translation>Letzte Mahnung</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Belastungen</translation>
    </message>
    <message>
        <source>Payments and credits</source>
        <translation>Zahlungen und Gutschriften</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Anfangssaldo</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Endsaldo</translation>
    </message>
</context>
<context>
    <name>keel::finance::FinancePage</name>
    <message>
        <source>Finance &amp; Close</source>
        <translation>Finanzen &amp; Abschluss</translation>
    </message>
    <message>
        <source>Every tab shows this legal entity, in its functional currency.</source>
        <translation>Alle Reiter zeigen diese Gesellschaft in ihrer Hauswährung.</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Gesellschaft</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>Forderungen</translation>
    </message>
    <message>
        <source>Payables</source>
        <translation>Verbindlichkeiten</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Hauptbuch</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>The legal entities could not be loaded: %1</source>
        <translation>Die Gesellschaften konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Abschlüsse</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Erlöse</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
</context>
<context>
    <name>keel::finance::FxRateImport</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Nothing was imported: line %1 of the file is not valid.</source>
        <translation>Nichts wurde importiert: Zeile %1 der Datei ist ungültig.</translation>
    </message>
    <message>
        <source>Nothing was imported: line %1, column %2 of the file is not valid.</source>
        <translation>Nichts wurde importiert: Zeile %1, Spalte %2 der Datei ist ungültig.</translation>
    </message>
</context>
<context>
    <name>keel::finance::FxRatesModel</name>
    <message>
        <source>Entered by hand</source>
        <translation>Von Hand erfasst</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
</context>
<context>
    <name>keel::finance::FxRatesTab</name>
    <message>
        <source>Save rate</source>
        <translation>Kurs speichern</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Empty for every currency.</source>
        <translation>Leer für alle Währungen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>From currency</source>
        <translation>Von Währung</translation>
    </message>
    <message>
        <source>to</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>A day without a rate uses the latest rate before it.</source>
        <translation>Ein Tag ohne Kurs verwendet den letzten Kurs davor.</translation>
    </message>
    <message>
        <source>e.g. 1.0834</source>
        <translation>z. B. 1,0834</translation>
    </message>
    <message>
        <source>A text file with the columns date,from,to,rate (e.g. 2026-11-30,EUR,USD,1.0512), a header line optional. All lines are imported or none.</source>
        <translation>Eine Textdatei mit den Spalten date,from,to,rate (z. B. 2026-11-30,EUR,USD,1.0512), Kopfzeile optional. Alle Zeilen werden importiert oder keine.</translation>
    </message>
    <message>
        <source>Set a rate</source>
        <translation>Kurs erfassen</translation>
    </message>
    <message>
        <source>The rates could not be loaded: %1</source>
        <translation>Die Kurse konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Rates imported: %1.</source>
        <translation>Importierte Kurse: %1.</translation>
    </message>
    <message>
        <source>Group currency unknown: %1</source>
        <translation>Konzernwährung unbekannt: %1</translation>
    </message>
    <message>
        <source>Group currency &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Konzernwährung &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Consolidated statements and the firm&apos;s forecast are in this currency; intercompany work is charged at cost plus %1 %.</source>
        <translation>Konzernabschlüsse und die Prognose der Firma sind in dieser Währung; konzerninterne Arbeit wird zu Kosten plus %1 % verrechnet.</translation>
    </message>
    <message>
        <source>Choose two different currencies.</source>
        <translation>Wählen Sie zwei verschiedene Währungen.</translation>
    </message>
    <message>
        <source>The rate is a positive number with at most ten decimal places, e.g. 1.0834.</source>
        <translation>Der Kurs ist eine positive Zahl mit höchstens zehn Nachkommastellen, z. B. 1,0834.</translation>
    </message>
    <message>
        <source>The rate was not saved: %1</source>
        <translation>Der Kurs wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>1 %1 = %2 %3 on %4 saved (it replaces the day&apos;s earlier rate).</source>
        <translation>1 %1 = %2 %3 am %4 gespeichert (ersetzt den bisherigen Kurs des Tages).</translation>
    </message>
    <message>
        <source>1 %1 = %2 %3 on %4 saved.</source>
        <translation>1 %1 = %2 %3 am %4 gespeichert.</translation>
    </message>
    <message>
        <source>Import exchange rates</source>
        <translation>Wechselkurse importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>keel::finance::JournalEntry</name>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Vendor bill</source>
        <translation>Lieferantenrechnung</translation>
    </message>
    <message>
        <source>Vendor payment</source>
        <translation>Lieferantenzahlung</translation>
    </message>
    <message>
        <source>Customer receipt</source>
        <translation>Zahlungseingang</translation>
    </message>
    <message>
        <source>Receipt allocation</source>
        <translation>Zuordnung eines Zahlungseingangs</translation>
    </message>
    <message>
        <source>Expense report</source>
        <translation>Spesenabrechnung</translation>
    </message>
    <message>
        <source>Revenue recognition</source>
        <translation>Umsatzrealisierung</translation>
    </message>
    <message>
        <source>Intercompany charge</source>
        <translation>Konzernverrechnung</translation>
    </message>
    <message>
        <source>Bank statement line</source>
        <translation>Kontoauszugszeile</translation>
    </message>
    <message>
        <source>Manual journal</source>
        <translation>Manuelle Buchung</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Storno</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>keel::finance::JournalEntryDialog</name>
    <message>
        <source>Journal entry %1</source>
        <translation>Buchung %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The entry could not be loaded: %1</source>
        <translation>Die Buchung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Entry %1 · %2 · %3</source>
        <translation>Buchung %1 · %2 · %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reverses entry %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Storniert Buchung %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reversed by entry %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Storniert durch Buchung %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1&lt;br&gt;Source: %2 · entity %3 · functional currency %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1&lt;br&gt;Quelle: %2 · Gesellschaft %3 · Hauswährung %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>keel::finance::LedgerReport</name>
    <message>
        <source>Asset</source>
        <translation>Aktiva</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Passiva</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Eigenkapital</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ertrag</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>Aufwand</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>keel::finance::LedgerTab</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Trial balance</source>
        <translation>Summen- und Saldenliste</translation>
    </message>
    <message>
        <source>Profit and loss</source>
        <translation>Gewinn- und Verlustrechnung</translation>
    </message>
    <message>
        <source>Balance sheet</source>
        <translation>Bilanz</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>Seit Jahresbeginn</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Last two years</source>
        <translation>Letzte zwei Jahre</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Double-click an account for its journal lines.</source>
        <translation>Doppelklick auf ein Konto zeigt seine Buchungszeilen.</translation>
    </message>
    <message>
        <source>Double-click a line for its journal entry.</source>
        <translation>Doppelklick auf eine Zeile zeigt ihre Buchung.</translation>
    </message>
    <message>
        <source>Double-click an account above to see its journal lines.</source>
        <translation>Doppelklicken Sie oben auf ein Konto, um seine Buchungszeilen zu sehen.</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>The report could not be loaded: %1</source>
        <translation>Der Bericht konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The lines could not be loaded: %1</source>
        <translation>Die Zeilen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Debits %1 · Credits %2 · &lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Balanced&lt;/span&gt;</source>
        <translation>Soll %1 · Haben %2 · &lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Ausgeglichen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Debits %1 · Credits %2 · &lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Out of balance&lt;/span&gt;</source>
        <translation>Soll %1 · Haben %2 · &lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Nicht ausgeglichen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Revenue and expenses in %1 · &lt;b&gt;Net income %2&lt;/b&gt;</source>
        <translation>Erträge und Aufwände in %1 · &lt;b&gt;Jahresergebnis %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Assets, liabilities and equity in %1 · current earnings not yet closed %2 · %3</source>
        <translation>Aktiva, Passiva und Eigenkapital in %1 · noch nicht abgeschlossenes Ergebnis %2 · %3</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Balances&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Ausgeglichen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Does not balance&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Nicht ausgeglichen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing was posted in this period.</source>
        <translation>In diesem Zeitraum wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>%1 %2 — lines up to %3</source>
        <translation>%1 %2 — Zeilen bis %3</translation>
    </message>
    <message>
        <source>%1 %2 — lines from %3 to %4</source>
        <translation>%1 %2 — Zeilen vom %3 bis %4</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source> · openings sum to %1, closings to %2</source>
        <translation> · Anfangssalden ergeben %1, Endsalden %2</translation>
    </message>
</context>
<context>
    <name>keel::finance::PayablesTab</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Approved, unpaid</source>
        <translation>Genehmigt, offen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>To reconcile</source>
        <translation>Abzustimmen</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Open (approved, partly paid)</source>
        <translation>Offen (genehmigt, teilweise bezahlt)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Aged at</source>
        <translation>Fälligkeit zum</translation>
    </message>
    <message>
        <source>Double-click a vendor to list only their bills.</source>
        <translation>Doppelklick auf einen Lieferanten zeigt nur seine Rechnungen.</translation>
    </message>
    <message>
        <source>Payables aging</source>
        <translation>Fälligkeitsstruktur der Verbindlichkeiten</translation>
    </message>
    <message>
        <source>The bills could not be loaded: %1</source>
        <translation>Die Rechnungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The payables aging could not be loaded: %1</source>
        <translation>Die Fälligkeitsstruktur der Verbindlichkeiten konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Pay open bills of this vendor.</source>
        <translation>Offene Rechnungen dieses Lieferanten bezahlen.</translation>
    </message>
    <message>
        <source>Select a bill or a vendor first.</source>
        <translation>Wählen Sie zuerst eine Rechnung oder einen Lieferanten.</translation>
    </message>
    <message>
        <source>Payment recorded.</source>
        <translation>Zahlung erfasst.</translation>
    </message>
    <message>
        <source>No bills with this status for this entity.</source>
        <translation>Keine Rechnungen mit diesem Status für diese Gesellschaft.</translation>
    </message>
    <message>
        <source>New vendor bill…</source>
        <translation>Neue Lieferantenrechnung…</translation>
    </message>
    <message>
        <source>Edit draft…</source>
        <translation>Entwurf bearbeiten…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Reject vendor bill</source>
        <translation>Lieferantenrechnung ablehnen</translation>
    </message>
    <message>
        <source>Why is the bill rejected? Whoever entered it reads this.</source>
        <translation>Warum wird die Rechnung abgelehnt? Wer sie erfasst hat, liest diese Begründung.</translation>
    </message>
    <message>
        <source>You entered this bill: someone else approves or rejects it.</source>
        <translation>Sie haben diese Rechnung erfasst: Genehmigen oder ablehnen muss sie jemand anderes.</translation>
    </message>
    <message>
        <source>Bill %1 entered and submitted for approval.</source>
        <translation>Rechnung %1 erfasst und zur Genehmigung eingereicht.</translation>
    </message>
    <message>
        <source>Bill %1 saved as a draft.</source>
        <translation>Rechnung %1 als Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>Bill %1 submitted for approval.</source>
        <translation>Rechnung %1 zur Genehmigung eingereicht.</translation>
    </message>
    <message>
        <source>Bill %1 saved.</source>
        <translation>Rechnung %1 gespeichert.</translation>
    </message>
    <message>
        <source>The bill was not submitted: %1</source>
        <translation>Die Rechnung wurde nicht eingereicht: %1</translation>
    </message>
    <message>
        <source>The bill was not approved: %1</source>
        <translation>Die Rechnung wurde nicht genehmigt: %1</translation>
    </message>
    <message>
        <source>The bill was not rejected: %1</source>
        <translation>Die Rechnung wurde nicht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Bill %1 approved: it is open for payment.</source>
        <translation>Rechnung %1 genehmigt: Sie ist zur Zahlung offen.</translation>
    </message>
    <message>
        <source>Bill %1 rejected.</source>
        <translation>Rechnung %1 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>keel::finance::ReceivablesTab</name>
    <message>
        <source>Record receipt…</source>
        <translation>Zahlungseingang erfassen…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Kontoauszug…</translation>
    </message>
    <message>
        <source>Collection note…</source>
        <translation>Mahnnotiz…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Aged at</source>
        <translation>Fälligkeit zum</translation>
    </message>
    <message>
        <source>Double-click an amount for the invoices behind it.</source>
        <translation>Doppelklick auf einen Betrag zeigt die Rechnungen dahinter.</translation>
    </message>
    <message>
        <source>Double-click an amount above to see its invoices.</source>
        <translation>Doppelklicken Sie oben auf einen Betrag, um seine Rechnungen zu sehen.</translation>
    </message>
    <message>
        <source>The aging could not be loaded: %1</source>
        <translation>Die Fälligkeitsstruktur konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No client owes anything at this date.</source>
        <translation>Zu diesem Datum schuldet kein Kunde etwas.</translation>
    </message>
    <message>
        <source>DSO unavailable</source>
        <translation>DSO nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The invoices could not be loaded: %1</source>
        <translation>Die Rechnungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Select a client in the aging first.</source>
        <translation>Wählen Sie zuerst einen Kunden in der Fälligkeitsstruktur.</translation>
    </message>
    <message>
        <source>Record money received from this client and apply it to open invoices.</source>
        <translation>Geld von diesem Kunden erfassen und offenen Rechnungen zuordnen.</translation>
    </message>
    <message>
        <source>The client&apos;s statement: invoices, credits, receipts and the running balance.</source>
        <translation>Kontoauszug des Kunden: Rechnungen, Gutschriften, Zahlungseingänge und laufender Saldo.</translation>
    </message>
    <message>
        <source>Receipt recorded; the aging is up to date.</source>
        <translation>Zahlungseingang erfasst; die Fälligkeitsstruktur ist aktuell.</translation>
    </message>
    <message>
        <source>Collection note saved.</source>
        <translation>Mahnnotiz gespeichert.</translation>
    </message>
    <message>
        <source>Apply unapplied cash…</source>
        <translation>Guthaben zuordnen…</translation>
    </message>
    <message>
        <source>Apply cash this client paid earlier to open invoices.</source>
        <translation>Früher gezahltes Guthaben dieses Kunden offenen Rechnungen zuordnen.</translation>
    </message>
    <message>
        <source>The selected client has no unapplied cash.</source>
        <translation>Der gewählte Kunde hat kein nicht zugeordnetes Guthaben.</translation>
    </message>
    <message>
        <source>Cash applied; the aging is up to date.</source>
        <translation>Guthaben zugeordnet; die Fälligkeitsstruktur ist aktuell.</translation>
    </message>
    <message>
        <source>&lt;b&gt;DSO %1 days&lt;/b&gt;</source>
        <translation>&lt;b&gt;DSO %1 Tage&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Receivables at the date (%1) divided by the revenue of the 90 days before it (%2), times 90. %3</source>
        <translation>Forderungen zum Stichtag (%1) geteilt durch den Umsatz der 90 Tage davor (%2), mal 90. %3</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueForecastChart</name>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>%1 millions</source>
        <translation>Mio. %1</translation>
    </message>
    <message>
        <source>%1 thousands</source>
        <translation>Tsd. %1</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueForecastPane</name>
    <message>
        <source>Whole firm (group currency)</source>
        <translation>Ganze Firma (Konzernwährung)</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Gesellschaft</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>The forecast could not be loaded: %1</source>
        <translation>Die Prognose konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Actual %1 %2 · forecast %1 %3 · &lt;b&gt;total %1 %4&lt;/b&gt;</source>
        <translation>Ist %1 %2 · Prognose %1 %3 · &lt;b&gt;gesamt %1 %4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Double-click a month for the contracts behind it.</source>
        <translation>Doppelklick auf einen Monat zeigt die Verträge dahinter.</translation>
    </message>
    <message>
        <source>Double-click a contract for its schedule.</source>
        <translation>Doppelklick auf einen Vertrag zeigt seinen Plan.</translation>
    </message>
    <message>
        <source>The contracts of the month could not be loaded: %1</source>
        <translation>Die Verträge des Monats konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — the contracts behind the month</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — die Verträge hinter dem Monat</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — contracts loaded so far: %2, together %3 %4; scroll for more.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — bisher geladene Verträge: %2, zusammen %3 %4; für weitere blättern.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — contracts: %2, together &lt;b&gt;%3 %4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Verträge: %2, zusammen &lt;b&gt;%3 %4&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Left out for want of an exchange rate: %1. Enter the rates on the Exchange rates tab.</source>
        <translation>Mangels Wechselkurs ausgelassen: %1. Erfassen Sie die Kurse im Reiter Wechselkurse.</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueMonthsModel</name>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Kumuliert</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueRunJob</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueSchedule</name>
    <message>
        <source>Time and materials (as delivered)</source>
        <translation>Nach Aufwand (mit Leistungserbringung)</translation>
    </message>
    <message>
        <source>Percentage of completion (cost)</source>
        <translation>Fertigstellungsgrad (Kosten)</translation>
    </message>
    <message>
        <source>Percentage of completion (effort)</source>
        <translation>Fertigstellungsgrad (Aufwand)</translation>
    </message>
    <message>
        <source>Milestones (on acceptance)</source>
        <translation>Meilensteine (bei Abnahme)</translation>
    </message>
    <message>
        <source>Straight-line (by day)</source>
        <translation>Linear (tageweise)</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueSchedulePane</name>
    <message>
        <source>Pick a contract to see its recognition schedule.</source>
        <translation>Wählen Sie einen Vertrag, um seinen Realisierungsplan zu sehen.</translation>
    </message>
    <message>
        <source>Search number, title or client</source>
        <translation>Nummer, Titel oder Kunde suchen</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Vertragswert</translation>
    </message>
    <message>
        <source>Recognised to date</source>
        <translation>Bisher realisiert</translation>
    </message>
    <message>
        <source>Billed to date</source>
        <translation>Bisher fakturiert</translation>
    </message>
    <message>
        <source>Contract asset (unbilled)</source>
        <translation>Vertragsvermögenswert (nicht fakturiert)</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>Fertigstellungsgrad</translation>
    </message>
    <message>
        <source>Estimate at completion</source>
        <translation>Erwartete Gesamtkosten</translation>
    </message>
    <message>
        <source>Loss provision</source>
        <translation>Drohverlustrückstellung</translation>
    </message>
    <message>
        <source>Contract liability (deferred)</source>
        <translation>Vertragsverbindlichkeit (abgegrenzt)</translation>
    </message>
    <message>
        <source>Actual months are posted; forecast months (in blue) come from the plan and the backlog.</source>
        <translation>Ist-Monate sind gebucht; Prognosemonate (blau) stammen aus Planung und Auftragsbestand.</translation>
    </message>
    <message>
        <source>The contracts could not be loaded: %1</source>
        <translation>Die Verträge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The schedule could not be loaded: %1</source>
        <translation>Der Plan konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Recognised by: %1</source>
        <translation>Realisiert nach: %1</translation>
    </message>
</context>
<context>
    <name>keel::finance::RevenueTab</name>
    <message>
        <source>Run recognition</source>
        <translation>Realisierung ausführen</translation>
    </message>
    <message>
        <source>Recognises the entity&apos;s revenue to the end of the month: the cumulative catch-up of every contract and its loss provision. It can be run again until the month is hard-closed.</source>
        <translation>Realisiert die Erlöse der Gesellschaft bis Monatsende: die kumulierte Nachholung je Vertrag und seine Drohverlustrückstellung. Kann wiederholt werden, bis der Monat endgültig abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Recognition for</source>
        <translation>Realisierung für</translation>
    </message>
    <message>
        <source>Schedule by contract</source>
        <translation>Plan je Vertrag</translation>
    </message>
    <message>
        <source>Firm forecast</source>
        <translation>Prognose der Firma</translation>
    </message>
    <message>
        <source>The recognition run was refused: %1</source>
        <translation>Der Realisierungslauf wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>The recognition run failed: %1</source>
        <translation>Der Realisierungslauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Recognition done for %1: revenue recognised %2, journal entries posted: %3.</source>
        <translation>Realisierung für %1 erledigt: realisierte Erlöse %2, gebuchte Buchungssätze: %3.</translation>
    </message>
</context>
<context>
    <name>keel::finance::StatementDialog</name>
    <message>
        <source>Statement of %1</source>
        <translation>Kontoauszug von %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The statement could not be loaded: %1</source>
        <translation>Der Kontoauszug konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Zahlungseingang</translation>
    </message>
    <message>
        <source>Opening balance on %1: %2</source>
        <translation>Anfangssaldo am %1: %2</translation>
    </message>
    <message>
        <source>current</source>
        <translation>nicht fällig</translation>
    </message>
    <message>
        <source>over 90 days</source>
        <translation>über 90 Tage</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>&lt;b&gt;Closing balance on %1: %2&lt;/b&gt;%3</source>
        <translation>&lt;b&gt;Endsaldo am %1: %2&lt;/b&gt;%3</translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation>Offen: %1</translation>
    </message>
</context>
<context>
    <name>keel::finance::StatementImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>This is not a CSV text file.</source>
        <translation>Das ist keine CSV-Textdatei.</translation>
    </message>
    <message>
        <source>The first line must be the header &quot;date,amount,reference,counterparty&quot; (found &quot;%1&quot;).</source>
        <translation>Die erste Zeile muss die Kopfzeile „date,amount,reference,counterparty“ sein (gefunden: „%1“).</translation>
    </message>
    <message>
        <source>The file has a header but no lines.</source>
        <translation>Die Datei hat eine Kopfzeile, aber keine Zeilen.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB; split the statement by month.</source>
        <translation>Die Datei ist größer als 20 MB; teilen Sie den Auszug nach Monaten.</translation>
    </message>
</context>
<context>
    <name>keel::finance::StatementsModel</name>
    <message>
        <source>Revenue</source>
        <translation>Erträge</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Aufwendungen</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Aktiva</translation>
    </message>
    <message>
        <source>Liabilities</source>
        <translation>Verbindlichkeiten</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Eigenkapital</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Net income</source>
        <translation>Jahresergebnis</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>Summe Aktiva</translation>
    </message>
    <message>
        <source>Total liabilities and equity</source>
        <translation>Summe Passiva</translation>
    </message>
    <message>
        <source>Eliminations (intercompany)</source>
        <translation>Eliminierungen (konzernintern)</translation>
    </message>
    <message>
        <source>Double-click for the journal lines behind this figure.</source>
        <translation>Doppelklick zeigt die Buchungszeilen hinter diesem Betrag.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorperiode</translation>
    </message>
    <message>
        <source>Previous period
%1</source>
        <translation>Vorperiode
%1</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Vorjahr</translation>
    </message>
    <message>
        <source>Previous year
%1</source>
        <translation>Vorjahr
%1</translation>
    </message>
    <message>
        <source>Δ previous period</source>
        <translation>Δ Vorperiode</translation>
    </message>
    <message>
        <source>Δ previous year</source>
        <translation>Δ Vorjahr</translation>
    </message>
</context>
<context>
    <name>keel::finance::StatementsTab</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Profit and loss</source>
        <translation>GuV</translation>
    </message>
    <message>
        <source>Balance sheet</source>
        <translation>Bilanz</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Gesellschaft</translation>
    </message>
    <message>
        <source>Group, consolidated</source>
        <translation>Konzern, konsolidiert</translation>
    </message>
    <message>
        <source>The entity chosen at the top, or all entities consolidated in the group currency with intercompany balances eliminated.</source>
        <translation>Die oben gewählte Gesellschaft, oder alle Gesellschaften konsolidiert in der Konzernwährung, konzerninterne Salden eliminiert.</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>Seit Jahresbeginn</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Double-click a figure for the journal lines behind it.</source>
        <translation>Doppelklick auf einen Betrag zeigt die Buchungszeilen dahinter.</translation>
    </message>
    <message>
        <source>Double-click a line for its journal entry.</source>
        <translation>Doppelklick auf eine Zeile zeigt ihre Buchung.</translation>
    </message>
    <message>
        <source>A group figure sums the entities&apos; accounts: pick one to see its lines in that entity&apos;s currency.</source>
        <translation>Ein Konzernbetrag summiert die Konten der Gesellschaften: wählen Sie eines, um seine Zeilen in der Währung der Gesellschaft zu sehen.</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>The statement could not be loaded: %1</source>
        <translation>Der Abschluss konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The lines could not be loaded: %1</source>
        <translation>Die Zeilen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Consolidated in %1, the group currency: the entities&apos; balance sheets at the period end&apos;s rate, their profit and loss at the period&apos;s average rate; intercompany accounts eliminated.</source>
        <translation>Konsolidiert in %1, der Konzernwährung: die Bilanzen der Gesellschaften zum Stichtagskurs, ihre Gewinn- und Verlustrechnungen zum Durchschnittskurs des Zeitraums; konzerninterne Konten eliminiert.</translation>
    </message>
    <message>
        <source>Amounts in %1, the entity&apos;s functional currency.</source>
        <translation>Beträge in %1, der Hauswährung der Gesellschaft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Net income %1 %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jahresergebnis %1 %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Assets equal liabilities and equity&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1F6F43; font-weight:600;&apos;&gt;✓ Aktiva gleich Passiva&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Does not balance&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#B42318; font-weight:600;&apos;&gt;Nicht ausgeglichen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing was posted in this period.</source>
        <translation>In diesem Zeitraum wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>%1 · account %2</source>
        <translation>%1 · Konto %2</translation>
    </message>
    <message>
        <source>%1 %2%3 — lines up to %4</source>
        <translation>%1 %2%3 — Zeilen bis %4</translation>
    </message>
    <message>
        <source>%1 %2%3 — lines from %4 to %5</source>
        <translation>%1 %2%3 — Zeilen vom %4 bis %5</translation>
    </message>
    <message>
        <source>Lines loaded so far: %1, net %2 %3 — scroll for more.</source>
        <translation>Bisher geladene Zeilen: %1, netto %2 %3 — für weitere blättern.</translation>
    </message>
    <message>
        <source>Lines: %1, net &lt;b&gt;%2 %3&lt;/b&gt;.</source>
        <translation>Zeilen: %1, netto &lt;b&gt;%2 %3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Compare with previous period and year</source>
        <translation>Vorperiode und Vorjahr</translation>
    </message>
</context>
<context>
    <name>keel::finance::VendorBillDialog</name>
    <message>
        <source>New vendor bill</source>
        <translation>Neue Lieferantenrechnung</translation>
    </message>
    <message>
        <source>Edit vendor bill</source>
        <translation>Lieferantenrechnung bearbeiten</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Als Entwurf speichern</translation>
    </message>
    <message>
        <source>Save and submit</source>
        <translation>Speichern und einreichen</translation>
    </message>
    <message>
        <source>The number on the vendor&apos;s bill</source>
        <translation>Die Nummer auf der Rechnung des Lieferanten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vereinbarung</translation>
    </message>
    <message>
        <source>Vendor&apos;s reference</source>
        <translation>Rechnungsnr. des Lieferanten</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>Rechnungsdatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Add work line</source>
        <translation>Arbeitszeile hinzufügen</translation>
    </message>
    <message>
        <source>Subcontractor hours on a project: hours × rate.</source>
        <translation>Stunden eines Subunternehmers auf einem Projekt: Stunden × Satz.</translation>
    </message>
    <message>
        <source>Add other cost</source>
        <translation>Sonstige Kosten hinzufügen</translation>
    </message>
    <message>
        <source>A cost without a project, such as rent or software: an amount.</source>
        <translation>Kosten ohne Projekt, etwa Miete oder Software: ein Betrag.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>The vendors could not be loaded: %1</source>
        <translation>Die Lieferanten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The entity has no vendors yet.</source>
        <translation>Die Gesellschaft hat noch keine Lieferanten.</translation>
    </message>
    <message>
        <source>The projects could not be loaded: %1</source>
        <translation>Die Projekte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The bill could not be loaded: %1</source>
        <translation>Die Rechnung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The agreements could not be loaded: %1</source>
        <translation>Die Vereinbarungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 · %2 per hour</source>
        <translation>%1 · %2 pro Stunde</translation>
    </message>
    <message>
        <source>%1 left under the cap of %2</source>
        <translation>%1 frei bis zur Obergrenze von %2</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Ohne Obergrenze</translation>
    </message>
    <message>
        <source>Choose a project</source>
        <translation>Projekt wählen</translation>
    </message>
    <message>
        <source>No task</source>
        <translation>Keine Aufgabe</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Geleistete Arbeit</translation>
    </message>
    <message>
        <source>Other cost (no project)</source>
        <translation>Sonstige Kosten (ohne Projekt)</translation>
    </message>
    <message>
        <source>Rent, software, travel …</source>
        <translation>Miete, Software, Reisen …</translation>
    </message>
    <message>
        <source>Remove this line</source>
        <translation>Diese Zeile entfernen</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>The project&apos;s tasks could not be loaded: %1</source>
        <translation>Die Aufgaben des Projekts konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Summe %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose the vendor.</source>
        <translation>Wählen Sie den Lieferanten.</translation>
    </message>
    <message>
        <source>Type the vendor&apos;s reference (the number on their bill).</source>
        <translation>Geben Sie die Rechnungsnummer des Lieferanten ein.</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>Fügen Sie mindestens eine Zeile hinzu.</translation>
    </message>
    <message>
        <source>Line %1: the agreement covers its project only; enter other costs on a bill without the agreement.</source>
        <translation>Zeile %1: Die Vereinbarung gilt nur für ihr Projekt; erfassen Sie sonstige Kosten auf einer Rechnung ohne Vereinbarung.</translation>
    </message>
    <message>
        <source>Line %1: choose the project.</source>
        <translation>Zeile %1: Wählen Sie das Projekt.</translation>
    </message>
    <message>
        <source>Line %1: describe what is billed.</source>
        <translation>Zeile %1: Beschreiben Sie, was berechnet wird.</translation>
    </message>
    <message>
        <source>Line %1: type hours and rate as numbers.</source>
        <translation>Zeile %1: Geben Sie Stunden und Satz als Zahlen ein.</translation>
    </message>
    <message>
        <source>Line %1: type the amount as a number.</source>
        <translation>Zeile %1: Geben Sie den Betrag als Zahl ein.</translation>
    </message>
    <message>
        <source>Saved as a draft, but not submitted: %1</source>
        <translation>Als Entwurf gespeichert, aber nicht eingereicht: %1</translation>
    </message>
</context>
<context>
    <name>keel::insights::CashInTab</name>
    <message>
        <source>Expected cash-in</source>
        <translation>Erwarteter Zahlungseingang</translation>
    </message>
    <message>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message numerus="yes">
        <source>Week of %1: %2 expected (P10 %3, P90 %4) from %n invoice(s)</source>
        <translation>
            <numerusform>Woche ab %1: %2 erwartet (P10 %3, P90 %4) aus %n Rechnung</numerusform>
            <numerusform>Woche ab %1: %2 erwartet (P10 %3, P90 %4) aus %n Rechnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; open in total; expected over the next 13 weeks as below. Click a week for its invoices.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; insgesamt offen; erwartete Eingänge der nächsten 13 Wochen unten. Eine Woche anklicken zeigt ihre Rechnungen.</translation>
    </message>
    <message>
        <source>No open invoices.</source>
        <translation>Keine offenen Rechnungen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every open invoice&lt;/b&gt; by its expected payment</source>
        <translation>&lt;b&gt;Alle offenen Rechnungen&lt;/b&gt; mit ihrer erwarteten Zahlung</translation>
    </message>
    <message>
        <source>Loading the week&apos;s invoices…</source>
        <translation>Rechnungen der Woche werden geladen …</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Week of %1&lt;/b&gt;: %n invoice(s) with a share, together %2 — the bar: %3</source>
        <translation>
            <numerusform>&lt;b&gt;Woche ab %1&lt;/b&gt;: %n Rechnung mit Anteil, zusammen %2 – der Balken: %3</numerusform>
            <numerusform>&lt;b&gt;Woche ab %1&lt;/b&gt;: %n Rechnungen mit Anteil, zusammen %2 – der Balken: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keel::insights::Columns</name>
    <message>
        <source>Share in the week</source>
        <translation>Anteil in der Woche</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Weighted (rep)</source>
        <translation>Gewichtet (Vertrieb)</translation>
    </message>
    <message>
        <source>Weighted (model)</source>
        <translation>Gewichtet (Modell)</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Projektleitung</translation>
    </message>
    <message>
        <source>Target margin</source>
        <translation>Zielmarge</translation>
    </message>
    <message>
        <source>Forecast margin</source>
        <translation>Prognosemarge</translation>
    </message>
    <message>
        <source>Expected margin</source>
        <translation>Erwartete Marge</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget verbraucht</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Expected payment</source>
        <translation>Erwartete Zahlung</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Tage verspätet</translation>
    </message>
    <message>
        <source>P(&gt; 30 days late)</source>
        <translation>P(&gt; 30 Tage verspätet)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
</context>
<context>
    <name>keel::insights::ForecastRecordsDialog</name>
    <message>
        <source>Forecast for %1</source>
        <translation>Prognose für %1</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Auftragsbestand</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Run-rate</source>
        <translation>Laufende Leistung</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total %1&lt;/b&gt; — the month&apos;s figure: %2</source>
        <translation>&lt;b&gt;Summe %1&lt;/b&gt; – Wert des Monats: %2</translation>
    </message>
</context>
<context>
    <name>keel::insights::ForecastTab</name>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Auftragsbestand</translation>
    </message>
    <message>
        <source>Pipeline (model-weighted)</source>
        <translation>Pipeline (nach Modell gewichtet)</translation>
    </message>
    <message>
        <source>Run-rate</source>
        <translation>Laufende Leistung</translation>
    </message>
    <message>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message>
        <source>Hours required</source>
        <translation>Benötigte Stunden</translation>
    </message>
    <message>
        <source>Hours available</source>
        <translation>Verfügbare Stunden</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Benötigt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>&lt;b&gt;Capacity shortfalls&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kapazitätsengpässe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: %2 expected (P10 %3, P90 %4)
Backlog %5 · pipeline %6 · run-rate %7</source>
        <translation>%1: %2 erwartet (P10 %3, P90 %4)
Auftragsbestand %5 · Pipeline %6 · laufende Leistung %7</translation>
    </message>
    <message>
        <source>%1: %2 required, %3 available</source>
        <translation>%1: %2 benötigt, %3 verfügbar</translation>
    </message>
    <message>
        <source>Revenue by month for the next 12 months with its P10–P90 range. The firm can staff every month.</source>
        <translation>Umsatz je Monat für die nächsten 12 Monate mit Spanne P10–P90. Die Firma kann jeden Monat besetzen.</translation>
    </message>
    <message numerus="yes">
        <source>Revenue by month for the next 12 months with its P10–P90 range. &lt;span style=&apos;color:#b42318&apos;&gt;%n month(s) need more hours than the firm has.&lt;/span&gt;</source>
        <translation>
            <numerusform>Umsatz je Monat für die nächsten 12 Monate mit Spanne P10–P90. &lt;span style=&apos;color:#b42318&apos;&gt;%n Monat braucht mehr Stunden, als die Firma hat.&lt;/span&gt;</numerusform>
            <numerusform>Umsatz je Monat für die nächsten 12 Monate mit Spanne P10–P90. &lt;span style=&apos;color:#b42318&apos;&gt;%n Monate brauchen mehr Stunden, als die Firma hat.&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source> Click a month for its records.</source>
        <translation> Ein Monat anklicken zeigt seine Datensätze.</translation>
    </message>
    <message>
        <source>No forecast for these entities.</source>
        <translation>Keine Prognose für diese Gesellschaften.</translation>
    </message>
    <message>
        <source>No role needs more hours than it has in any of the 12 months.</source>
        <translation>Keine Rolle braucht in einem der 12 Monate mehr Stunden, als sie hat.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the forecast rests on&lt;/b&gt;</source>
        <translation>&lt;b&gt;Worauf die Prognose beruht&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>keel::insights::InsightsCard</name>
    <message>
        <source>Insight · explained and backtested</source>
        <translation>Insight · erklärt und rückgetestet</translation>
    </message>
    <message>
        <source>Expected cash-in</source>
        <translation>Erwarteter Zahlungseingang</translation>
    </message>
    <message>
        <source>P10–P90</source>
        <translation>P10–P90</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Auftragsbestand</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Run-rate</source>
        <translation>Laufende Leistung</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) at risk</source>
        <translation>
            <numerusform>%n Chance gefährdet</numerusform>
            <numerusform>%n Chancen gefährdet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) at risk</source>
        <translation>
            <numerusform>%n Projekt gefährdet</numerusform>
            <numerusform>%n Projekte gefährdet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) flagged</source>
        <translation>
            <numerusform>%n Entwurf markiert</numerusform>
            <numerusform>%n Entwürfe markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>No draft invoice is flagged.</source>
        <translation>Kein Rechnungsentwurf ist markiert.</translation>
    </message>
    <message>
        <source>Nothing at risk.</source>
        <translation>Nichts gefährdet.</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>Capacity covers every month</source>
        <translation>Kapazität reicht in jedem Monat</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) short of capacity</source>
        <translation>
            <numerusform>%n Monat mit Kapazitätsengpass</numerusform>
            <numerusform>%n Monate mit Kapazitätsengpass</numerusform>
        </translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>Noch keine Daten.</translation>
    </message>
</context>
<context>
    <name>keel::insights::InsightsPage</name>
    <message>
        <source>%1 · %2 · expected close %3&lt;br&gt;Rep: &lt;b&gt;%4&lt;/b&gt; · Model: &lt;b&gt;%5&lt;/b&gt;%6</source>
        <translation>%1 · %2 · erwarteter Abschluss %3&lt;br&gt;Vertrieb: &lt;b&gt;%4&lt;/b&gt; · Modell: &lt;b&gt;%5&lt;/b&gt;%6</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#b42318&apos;&gt;at risk: the model sees far less chance than the rep&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#b42318&apos;&gt;gefährdet: das Modell sieht deutlich weniger Chance als der Vertrieb&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 · managed by %2&lt;br&gt;Severity &lt;b&gt;%3&lt;/b&gt; · margin forecast &lt;b&gt;%4&lt;/b&gt; against a target of %5 · expected margin at completion &lt;b&gt;%6&lt;/b&gt; of %7&lt;br&gt;Budget spent %8 · complete %9</source>
        <translation>%1 · geleitet von %2&lt;br&gt;Schwere &lt;b&gt;%3&lt;/b&gt; · Prognosemarge &lt;b&gt;%4&lt;/b&gt; gegen Ziel %5 · erwartete Marge bei Abschluss &lt;b&gt;%6&lt;/b&gt; von %7&lt;br&gt;Budget verbraucht %8 · fertig %9</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 · %n flag(s) · double-click to open the draft</source>
        <translation>
            <numerusform>Summe %1 · %n Hinweis · Doppelklick öffnet den Entwurf</numerusform>
            <numerusform>Summe %1 · %n Hinweise · Doppelklick öffnet den Entwurf</numerusform>
        </translation>
    </message>
    <message>
        <source>No open opportunities.</source>
        <translation>Keine offenen Chancen.</translation>
    </message>
    <message>
        <source>No project&apos;s margin is at risk.</source>
        <translation>Bei keinem Projekt ist die Marge gefährdet.</translation>
    </message>
    <message>
        <source>No draft invoice is flagged.</source>
        <translation>Kein Rechnungsentwurf ist markiert.</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Projects at risk</source>
        <translation>Gefährdete Projekte</translation>
    </message>
    <message>
        <source>Flagged invoices</source>
        <translation>Markierte Rechnungen</translation>
    </message>
    <message>
        <source>Cash-in</source>
        <translation>Zahlungseingänge</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Weighted pipeline — by the reps: &lt;b&gt;%1&lt;/b&gt; · by the model: &lt;b&gt;%2&lt;/b&gt;. Deals in red are at risk: the model sees far less chance than the rep.</source>
        <translation>Gewichtete Pipeline – nach Vertrieb: &lt;b&gt;%1&lt;/b&gt; · nach Modell: &lt;b&gt;%2&lt;/b&gt;. Rote Chancen sind gefährdet: das Modell sieht deutlich weniger Chance als der Vertrieb.</translation>
    </message>
</context>
<context>
    <name>keel::insights::InsightsStatePanel</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retrain models</source>
        <translation>Modelle neu trainieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No model trained yet</source>
        <translation>Noch kein Modell trainiert</translation>
    </message>
</context>
<context>
    <name>keel::insights::ModelsTab</name>
    <message>
        <source>Retrain models</source>
        <translation>Modelle neu trainieren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>Trainingsdauer</translation>
    </message>
    <message>
        <source>Backtest against the targets</source>
        <translation>Rücktest gegen die Ziele</translation>
    </message>
    <message>
        <source> (target %1)</source>
        <translation> (Ziel %1)</translation>
    </message>
    <message>
        <source>not trained</source>
        <translation>nicht trainiert</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>no figures</source>
        <translation>keine Kennzahlen</translation>
    </message>
    <message>
        <source>No model trained yet</source>
        <translation>Noch kein Modell trainiert</translation>
    </message>
    <message>
        <source>The server offers no models.</source>
        <translation>Der Server bietet keine Modelle an.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: no model trained yet. %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: noch kein Modell trainiert. %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, version %2, fitted on the history up to %3. &lt;br&gt;Backtest: fitted before %4 (%5 cases), scored after it (%6 cases).&lt;br&gt;%7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, Version %2, angepasst an die Historie bis %3.&lt;br&gt;Rücktest: angepasst vor %4 (%5 Fälle), bewertet danach (%6 Fälle).&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>Starting a training run…</source>
        <translation>Training wird gestartet …</translation>
    </message>
    <message>
        <source>Trained: every model has a new version.</source>
        <translation>Trainiert: jedes Modell hat eine neue Version.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>keel::insights::Text</name>
    <message>
        <source>Draft %1</source>
        <translation>Entwurf %1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>Dauer in der Phase</translation>
    </message>
    <message>
        <source>Deal size</source>
        <translation>Auftragsgröße</translation>
    </message>
    <message>
        <source>Client&apos;s past win rate</source>
        <translation>Bisherige Gewinnquote des Kunden</translation>
    </message>
    <message>
        <source>Service line</source>
        <translation>Leistungsbereich</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Capacity in the start window</source>
        <translation>Kapazität im Startfenster</translation>
    </message>
    <message>
        <source>Firm&apos;s base rate</source>
        <translation>Grundquote der Firma</translation>
    </message>
    <message>
        <source>Burn ahead of progress</source>
        <translation>Verbrauch vor Fortschritt</translation>
    </message>
    <message>
        <source>Milestones slipping</source>
        <translation>Meilensteine verzögert</translation>
    </message>
    <message>
        <source>Change requests pending</source>
        <translation>Offene Änderungsanträge</translation>
    </message>
    <message>
        <source>Rate mix worse than planned</source>
        <translation>Satzmix schlechter als geplant</translation>
    </message>
    <message>
        <source>Unbilled work growing</source>
        <translation>Unfakturierte Leistung wächst</translation>
    </message>
    <message>
        <source>Unusual amount</source>
        <translation>Ungewöhnlicher Betrag</translation>
    </message>
    <message>
        <source>Unusual hours</source>
        <translation>Ungewöhnliche Stunden</translation>
    </message>
    <message>
        <source>Unusual rate</source>
        <translation>Ungewöhnlicher Satz</translation>
    </message>
    <message>
        <source>Unusual number of lines</source>
        <translation>Ungewöhnliche Anzahl Positionen</translation>
    </message>
    <message>
        <source>Duplicate line</source>
        <translation>Doppelte Position</translation>
    </message>
    <message>
        <source>Time after the project closed</source>
        <translation>Zeit nach Projektabschluss</translation>
    </message>
    <message>
        <source>Rate differs from the rate card</source>
        <translation>Satz weicht von der Preisliste ab</translation>
    </message>
    <message>
        <source>Client&apos;s payment history</source>
        <translation>Zahlungsverhalten des Kunden</translation>
    </message>
    <message>
        <source>Invoice amount</source>
        <translation>Rechnungsbetrag</translation>
    </message>
    <message>
        <source>Already overdue</source>
        <translation>Bereits überfällig</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Calibration error</source>
        <translation>Kalibrierungsfehler</translation>
    </message>
    <message>
        <source>Overruns flagged before half the budget</source>
        <translation>Überschreitungen vor halbem Budget erkannt</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Mean error of the payment date</source>
        <translation>Mittlerer Fehler des Zahlungsdatums</translation>
    </message>
    <message>
        <source>AUC of late payment</source>
        <translation>AUC verspäteter Zahlung</translation>
    </message>
    <message>
        <source>Error 3 months ahead (MAPE)</source>
        <translation>Fehler 3 Monate voraus (MAPE)</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>this contract</source>
        <translation>diesem Vertrag</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>diesem Kunden</translation>
    </message>
    <message>
        <source>the firm</source>
        <translation>der Firma</translation>
    </message>
    <message>
        <source>the rate card</source>
        <translation>der Preisliste</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>dem Projekt</translation>
    </message>
    <message>
        <source>Stage %1 (the firm wins %2 overall)</source>
        <translation>Phase %1 (die Firma gewinnt insgesamt %2)</translation>
    </message>
    <message>
        <source>%1 days in this stage, where deals stayed %2 days on average</source>
        <translation>%1 Tage in dieser Phase, Chancen blieben dort im Schnitt %2 Tage</translation>
    </message>
    <message>
        <source>Deal size in the firm&apos;s quarter %1 by value</source>
        <translation>Auftragsgröße im %1. Viertel der Firma nach Wert</translation>
    </message>
    <message>
        <source>The client won %1 of its earlier deals (the firm %2)</source>
        <translation>Bei diesem Kunden gewann die Firma %1 der früheren Chancen (insgesamt %2)</translation>
    </message>
    <message>
        <source>No service line recorded</source>
        <translation>Kein Leistungsbereich erfasst</translation>
    </message>
    <message>
        <source>Service line %1</source>
        <translation>Leistungsbereich %1</translation>
    </message>
    <message>
        <source>No discount quoted</source>
        <translation>Kein Rabatt angeboten</translation>
    </message>
    <message>
        <source>A discount of %1 %</source>
        <translation>Ein Rabatt von %1 %</translation>
    </message>
    <message>
        <source>The most needed role would take %1 of its free hours in the start window (typically %2)</source>
        <translation>Die meistgefragte Rolle bräuchte %1 ihrer freien Stunden im Startfenster (üblich %2)</translation>
    </message>
    <message>
        <source>%1: raises the chance to win (%2).</source>
        <translation>%1: erhöht die Gewinnchance (%2).</translation>
    </message>
    <message>
        <source>%1: lowers the chance to win (%2).</source>
        <translation>%1: senkt die Gewinnchance (%2).</translation>
    </message>
    <message numerus="yes">
        <source>Net amount %1 against a median of %2 over %n invoice(s) of %3.</source>
        <translation>
            <numerusform>Nettobetrag %1 gegenüber einem Median von %2 über %n Rechnung von %3.</numerusform>
            <numerusform>Nettobetrag %1 gegenüber einem Median von %2 über %n Rechnungen von %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 lines, where %n invoice(s) of %3 had a median of %2.</source>
        <translation>
            <numerusform>%1 Positionen, wo %n Rechnung von %3 im Median %2 hatte.</numerusform>
            <numerusform>%1 Positionen, wo %n Rechnungen von %3 im Median %2 hatten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A line bills %1 h, where %n line(s) of %3 for this role had a median of %2 h.</source>
        <translation>
            <numerusform>Eine Position berechnet %1 h, wo %n Position von %3 für diese Rolle im Median %2 h hatte.</numerusform>
            <numerusform>Eine Position berechnet %1 h, wo %n Positionen von %3 für diese Rolle im Median %2 h hatten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A line bills %1 an hour, where %n line(s) of %3 for this role had a median rate of %2.</source>
        <translation>
            <numerusform>Eine Position berechnet %1 je Stunde, wo %n Position von %3 für diese Rolle im Median %2 hatte.</numerusform>
            <numerusform>Eine Position berechnet %1 je Stunde, wo %n Positionen von %3 für diese Rolle im Median %2 hatten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the records behind this line are already billed on another draft or line.</source>
        <translation>
            <numerusform>%n Buchung hinter dieser Position ist bereits auf einem anderen Entwurf oder einer anderen Position berechnet.</numerusform>
            <numerusform>%n Buchungen hinter dieser Position sind bereits auf einem anderen Entwurf oder einer anderen Position berechnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the records behind this line are already billed on %1.</source>
        <translation>
            <numerusform>%n Buchung hinter dieser Position ist bereits auf %1 berechnet.</numerusform>
            <numerusform>%n Buchungen hinter dieser Position sind bereits auf %1 berechnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Same description, quantity %1 and price %2 as line %3 of this invoice.</source>
        <translation>Gleiche Beschreibung, Menge %1 und Preis %2 wie Position %3 dieser Rechnung.</translation>
    </message>
    <message>
        <source>Same description, quantity %1 and price %2 as on invoice %3 of this contract.</source>
        <translation>Gleiche Beschreibung, Menge %1 und Preis %2 wie auf Rechnung %3 dieses Vertrags.</translation>
    </message>
    <message numerus="yes">
        <source>%n time entries (%1 h) worked up to %2, after the project closed on %3.</source>
        <translation>
            <numerusform>%n Zeiteintrag (%1 h) bis %2 geleistet, nachdem das Projekt am %3 abgeschlossen wurde.</numerusform>
            <numerusform>%n Zeiteinträge (%1 h) bis %2 geleistet, nachdem das Projekt am %3 abgeschlossen wurde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Billed at %1 an hour; the contract&apos;s rate chain gives %2 for this role on %3.</source>
        <translation>Berechnet mit %1 je Stunde; die Satzkette des Vertrags ergibt %2 für diese Rolle am %3.</translation>
    </message>
    <message>
        <source>%1 of the cost budget is spent at %2 of the schedule.</source>
        <translation>%1 des Kostenbudgets sind bei %2 der Laufzeit verbraucht.</translation>
    </message>
    <message>
        <source>%1 of %2 milestones due by now are not accepted.</source>
        <translation>%1 von %2 bis heute fälligen Meilensteinen sind nicht abgenommen.</translation>
    </message>
    <message numerus="yes">
        <source>%n change request(s) worth %1 await a decision.</source>
        <translation>
            <numerusform>%n Änderungsantrag über %1 wartet auf eine Entscheidung.</numerusform>
            <numerusform>%n Änderungsanträge über %1 warten auf eine Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <source>An hour costs %1 so far against %2 in the budget: the staffing mix is more senior than planned.</source>
        <translation>Eine Stunde kostet bisher %1 gegenüber %2 im Budget: die Besetzung ist erfahrener als geplant.</translation>
    </message>
    <message>
        <source>Approved time not yet invoiced grew from %2 h to %1 h over four weeks.</source>
        <translation>Freigegebene, noch nicht fakturierte Zeit wuchs in vier Wochen von %2 h auf %1 h.</translation>
    </message>
    <message>
        <source>The client has no paid invoice yet: the firm&apos;s history stands in (a median of %1 days after the due date).</source>
        <translation>Der Kunde hat noch keine Rechnung bezahlt: es gilt die Historie der Firma (Median %1 Tage nach Fälligkeit).</translation>
    </message>
    <message>
        <source>The client paid a median of %1 days after the due date (the firm: %2).</source>
        <translation>Der Kunde zahlte im Median %1 Tage nach Fälligkeit (die Firma: %2).</translation>
    </message>
    <message>
        <source>Invoices of this size (%1) were paid a median of %2 days after the due date (all invoices: %3).</source>
        <translation>Rechnungen dieser Größe (%1) wurden im Median %2 Tage nach Fälligkeit bezahlt (alle Rechnungen: %3).</translation>
    </message>
    <message>
        <source>Already %1 days overdue: invoices still unpaid this late were paid a median of %2 days after the due date.</source>
        <translation>Bereits %1 Tage überfällig: so spät noch offene Rechnungen wurden im Median %2 Tage nach Fälligkeit bezahlt.</translation>
    </message>
    <message>
        <source>Due today.</source>
        <translation>Heute fällig.</translation>
    </message>
    <message>
        <source>Not due yet: due in %1 days.</source>
        <translation>Noch nicht fällig: fällig in %1 Tagen.</translation>
    </message>
    <message>
        <source>Part of it is paid; %1 is left.</source>
        <translation>Teilweise bezahlt; %1 sind offen.</translation>
    </message>
    <message>
        <source>Dunning level %1 reached.</source>
        <translation>Mahnstufe %1 erreicht.</translation>
    </message>
    <message>
        <source>No invoice in the history was paid this late: a week from today is assumed.</source>
        <translation>Keine Rechnung der Historie wurde so spät bezahlt: angenommen wird eine Woche ab heute.</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Opportunity scoring</source>
        <translation>Chancenbewertung</translation>
    </message>
    <message>
        <source>Margin risk</source>
        <translation>Margenrisiko</translation>
    </message>
    <message>
        <source>Invoice anomalies</source>
        <translation>Rechnungsauffälligkeiten</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Zahlungseingänge</translation>
    </message>
    <message>
        <source>Revenue forecast</source>
        <translation>Umsatzprognose</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Waiting for a server</source>
        <translation>Wartet auf einen Server</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Erkundung</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>T&amp;M work has been recognised at %1 times what the schedules planned; the run-rate adds the difference.</source>
        <translation>Aufwandsbezogene Leistung wurde mit dem %1-Fachen des Geplanten realisiert; die laufende Leistung ergänzt die Differenz.</translation>
    </message>
    <message>
        <source>Contracts start %1 days after signature (median): a deal&apos;s revenue begins that long after its expected close.</source>
        <translation>Verträge beginnen %1 Tage nach Unterschrift (Median): der Umsatz einer Chance beginnt so lange nach ihrem erwarteten Abschluss.</translation>
    </message>
    <message>
        <source>Won work runs %1 months (the median contract), spread evenly.</source>
        <translation>Gewonnene Aufträge laufen %1 Monate (Median der Verträge), gleichmäßig verteilt.</translation>
    </message>
    <message>
        <source>Of the weighted pipeline placed three months ahead, %1 arrived as revenue in the latest forecasts; the pipeline counts at that share.</source>
        <translation>Von der drei Monate voraus eingeplanten gewichteten Pipeline kamen in den letzten Prognosen %1 als Umsatz an; die Pipeline zählt mit diesem Anteil.</translation>
    </message>
    <message>
        <source>Deals are weighted with the scoring model&apos;s probability.</source>
        <translation>Chancen werden mit der Wahrscheinlichkeit des Bewertungsmodells gewichtet.</translation>
    </message>
    <message>
        <source>No scoring model yet: deals are weighted with the rep&apos;s probability.</source>
        <translation>Noch kein Bewertungsmodell: Chancen werden mit der Wahrscheinlichkeit des Vertriebs gewichtet.</translation>
    </message>
    <message>
        <source>In the backtest, recognised revenue came within %1 to %2 of 8 in 10 three-month forecasts.</source>
        <translation>Im Rücktest lag der realisierte Umsatz bei 8 von 10 Drei-Monats-Prognosen zwischen %1 und %2.</translation>
    </message>
</context>
<context>
    <name>keel::offline::LocalStore</name>
    <message>
        <source>The local store is not open.</source>
        <translation>Der lokale Speicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the local store %1: %2</source>
        <translation>Der lokale Speicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The local store was written by a newer Keel (schema %1).</source>
        <translation>Der lokale Speicher stammt von einer neueren Keel-Version (Schema %1).</translation>
    </message>
    <message>
        <source>Cannot create the local store: %1</source>
        <translation>Der lokale Speicher kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>%1 is not a number of hours (at most two decimals).</source>
        <translation>%1 ist keine gültige Stundenzahl (höchstens zwei Nachkommastellen).</translation>
    </message>
    <message>
        <source>A time entry needs a date and a project.</source>
        <translation>Ein Zeiteintrag braucht ein Datum und ein Projekt.</translation>
    </message>
    <message>
        <source>The local store is busy.</source>
        <translation>Der lokale Speicher ist gerade belegt.</translation>
    </message>
    <message>
        <source>This entry is %1 and can no longer be changed.</source>
        <translation>Dieser Eintrag hat den Status „%1“ und kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Cannot save the entry locally.</source>
        <translation>Der Eintrag kann nicht lokal gespeichert werden.</translation>
    </message>
    <message>
        <source>No such entry.</source>
        <translation>Diesen Eintrag gibt es nicht.</translation>
    </message>
    <message>
        <source>This entry is %1 and can no longer be deleted.</source>
        <translation>Dieser Eintrag hat den Status „%1“ und kann nicht mehr gelöscht werden.</translation>
    </message>
    <message>
        <source>Cannot delete the entry locally.</source>
        <translation>Der Eintrag kann nicht lokal gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 is not an amount.</source>
        <translation>%1 ist kein gültiger Betrag.</translation>
    </message>
    <message>
        <source>An expense needs a date and a currency.</source>
        <translation>Eine Auslage braucht ein Datum und eine Währung.</translation>
    </message>
    <message>
        <source>This expense is %1 and can no longer be changed.</source>
        <translation>Diese Auslage hat den Status „%1“ und kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Cannot save the expense locally.</source>
        <translation>Die Auslage kann nicht lokal gespeichert werden.</translation>
    </message>
    <message>
        <source>No such expense.</source>
        <translation>Diese Auslage gibt es nicht.</translation>
    </message>
    <message>
        <source>This expense is %1 and can no longer be deleted.</source>
        <translation>Diese Auslage hat den Status „%1“ und kann nicht mehr gelöscht werden.</translation>
    </message>
    <message>
        <source>Cannot delete the expense locally.</source>
        <translation>Die Auslage kann nicht lokal gelöscht werden.</translation>
    </message>
    <message>
        <source>Receipts must be JPEG, PNG or PDF files.</source>
        <translation>Belege müssen JPEG-, PNG- oder PDF-Dateien sein.</translation>
    </message>
    <message>
        <source>A receipt must be between 1 byte and 10 MiB.</source>
        <translation>Ein Beleg muss zwischen 1 Byte und 10 MiB groß sein.</translation>
    </message>
    <message>
        <source>The receipt is already on the server.</source>
        <translation>Der Beleg ist bereits auf dem Server.</translation>
    </message>
    <message>
        <source>Cannot record the server&apos;s answer.</source>
        <translation>Die Antwort des Servers kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Cannot keep the entry as a new one.</source>
        <translation>Der Eintrag kann nicht als neuer Eintrag behalten werden.</translation>
    </message>
    <message>
        <source>Kept your %1 h on %2 as a new entry.</source>
        <translation>Ihre %1 h am %2 wurden als neuer Eintrag behalten.</translation>
    </message>
    <message>
        <source>Cannot take the server&apos;s version.</source>
        <translation>Die Serverversion kann nicht übernommen werden.</translation>
    </message>
    <message>
        <source>Dropped your change of %1 h on %2; the server&apos;s version stands.</source>
        <translation>Ihre Änderung über %1 h am %2 wurde verworfen; die Serverversion gilt.</translation>
    </message>
    <message>
        <source>Cannot keep the expense as a new one.</source>
        <translation>Die Auslage kann nicht als neue Auslage behalten werden.</translation>
    </message>
    <message>
        <source>Cannot store the reference data.</source>
        <translation>Die Stammdaten können nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>keel::offline::SyncEngine</name>
    <message>
        <source>%1 h on %2</source>
        <translation>%1 h am %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The server can be reached again.</source>
        <translation>Der Server ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>The server cannot be reached; changes are kept on this computer.</source>
        <translation>Der Server ist nicht erreichbar; Änderungen bleiben auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>deleting the expense %1 (%2 %3)</source>
        <translation>Löschen der Auslage „%1“ (%2 %3)</translation>
    </message>
    <message>
        <source>a deletion</source>
        <translation>eine Löschung</translation>
    </message>
    <message>
        <source>the expense %1 of %2 (%3 %4)</source>
        <translation>Auslage „%1“ vom %2 (%3 %4)</translation>
    </message>
    <message>
        <source>Sending changes failed: %1</source>
        <translation>Senden der Änderungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Refused: %1. %2</source>
        <translation>Zurückgewiesen: %1. %2</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>Saved on the server: %1.</source>
        <translation>Auf dem Server gespeichert: %1.</translation>
    </message>
    <message>
        <source>Someone changed it on the server meanwhile (it is now %1).</source>
        <translation>Jemand hat den Eintrag inzwischen auf dem Server geändert (jetzt: %1).</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Conflict: %1. %2 Choose “Keep mine as a new entry” or “Take the server&apos;s”.</source>
        <translation>Konflikt: %1. %2 Wählen Sie „Meine als neuen Eintrag behalten“ oder „Serverversion übernehmen“.</translation>
    </message>
    <message>
        <source>Not saved yet (the server had a problem): %1. Keel will try again.</source>
        <translation>Noch nicht gespeichert (Problem auf dem Server): %1. Keel versucht es erneut.</translation>
    </message>
    <message>
        <source>Receipt %1 uploaded.</source>
        <translation>Beleg %1 hochgeladen.</translation>
    </message>
    <message>
        <source>Receipt %1 refused: %2</source>
        <translation>Beleg %1 zurückgewiesen: %2</translation>
    </message>
    <message>
        <source>Submitting the week of %1.</source>
        <translation>Die Woche vom %1 wird eingereicht.</translation>
    </message>
    <message>
        <source>The week of %1 will be submitted when the server can be reached.</source>
        <translation>Die Woche vom %1 wird eingereicht, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>The week of %1 was submitted for approval.</source>
        <translation>Die Woche vom %1 wurde zur Genehmigung eingereicht.</translation>
    </message>
    <message>
        <source>The week of %1 was not submitted: %2</source>
        <translation>Die Woche vom %1 wurde nicht eingereicht: %2</translation>
    </message>
    <message>
        <source>Fetching changes failed: %1</source>
        <translation>Abrufen der Änderungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Genehmigt: %1.</translation>
    </message>
    <message>
        <source>Rejected by the approver: %1. %2</source>
        <translation>Bei der Genehmigung abgelehnt: %1. %2</translation>
    </message>
    <message>
        <source>Fetching projects failed: %1</source>
        <translation>Abrufen der Projekte fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>keel::offline::TimesheetModel</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>submitted, waiting for approval</source>
        <translation>eingereicht, wartet auf Genehmigung</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>abgerechnet</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>“%1” is not a number of hours (for example 7.5 or 7:30).</source>
        <translation>„%1“ ist keine gültige Stundenzahl (zum Beispiel 7,5 oder 7:30).</translation>
    </message>
    <message>
        <source>A day has at most 24 hours.</source>
        <translation>Ein Tag hat höchstens 24 Stunden.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Rejected by the approver: %1</source>
        <translation>Bei der Genehmigung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Type hours (7.5 or 7:30). Alt+N: note.</source>
        <translation>Stunden eingeben (7,5 oder 7:30). Alt+N: Notiz.</translation>
    </message>
    <message>
        <source>%1 h, %2</source>
        <translation>%1 h, %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Not yet on the server.</source>
        <translation>Noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>Project / task</source>
        <translation>Projekt / Aufgabe</translation>
    </message>
    <message>
        <source>These hours are submitted or approved and cannot be changed here.</source>
        <translation>Diese Stunden sind eingereicht oder genehmigt und können hier nicht geändert werden.</translation>
    </message>
    <message>
        <source>That would make more than 24 hours on %1.</source>
        <translation>Damit wären es am %1 mehr als 24 Stunden.</translation>
    </message>
    <message>
        <source>Enter hours first; the note belongs to them.</source>
        <translation>Geben Sie zuerst Stunden ein; die Notiz gehört zu ihnen.</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::AssignmentDialog</name>
    <message>
        <source>Book %1</source>
        <translation>%1 einplanen</translation>
    </message>
    <message>
        <source>Hard (confirmed)</source>
        <translation>Fest (bestätigt)</translation>
    </message>
    <message>
        <source>Soft (tentative)</source>
        <translation>Vorläufig (weich)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Stunden pro Woche</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Einplanen</translation>
    </message>
    <message>
        <source>Over-allocation</source>
        <translation>Überbuchung</translation>
    </message>
    <message>
        <source>%1

Book anyway? As resource manager you confirm the over-allocation.</source>
        <translation>%1

Trotzdem einplanen? Als Ressourcenmanager bestätigen Sie die Überbuchung.</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::CapacityModel</name>
    <message>
        <source>(none)</source>
        <translation>(ohne)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1, week of %2
Available: %3 h
Hard demand: %4 h
Weighted soft demand: %5 h
Gap: %6 h</source>
        <translation>%1, Woche vom %2
Verfügbar: %3 h
Fester Bedarf: %4 h
Gewichteter weicher Bedarf: %5 h
Lücke: %6 h</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::Columns</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Free h</source>
        <translation>Frei h</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>h / week</source>
        <translation>h / Woche</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::PlannerModel</name>
    <message>
        <source>%1, week of %2</source>
        <translation>%1, Woche vom %2</translation>
    </message>
    <message>
        <source>Available: %1 h</source>
        <translation>Verfügbar: %1 h</translation>
    </message>
    <message>
        <source>Hard: %1 h, soft: %2 h (%3 %)</source>
        <translation>Fest: %1 h, vorläufig: %2 h (%3 %)</translation>
    </message>
    <message>
        <source>Public holiday in this week</source>
        <translation>Feiertag in dieser Woche</translation>
    </message>
    <message>
        <source>On leave in this week</source>
        <translation>Urlaub in dieser Woche</translation>
    </message>
    <message>
        <source>Over-allocated</source>
        <translation>Überbucht</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>Holiday or leave: %1 h</source>
        <translation>Feiertag oder Urlaub: %1 h</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::ResourcingPage</name>
    <message>
        <source>under 50 %</source>
        <translation>unter 50 %</translation>
    </message>
    <message>
        <source>50–79 %</source>
        <translation>50–79 %</translation>
    </message>
    <message>
        <source>80–100 %</source>
        <translation>80–100 %</translation>
    </message>
    <message>
        <source>over 100 %</source>
        <translation>über 100 %</translation>
    </message>
    <message>
        <source>soft (pipeline)</source>
        <translation>vorläufig (Pipeline)</translation>
    </message>
    <message>
        <source>holiday / leave</source>
        <translation>Feiertag / Urlaub</translation>
    </message>
    <message>
        <source>Resourcing</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Capacity vs demand</source>
        <translation>Kapazität und Bedarf</translation>
    </message>
    <message>
        <source>All practices</source>
        <translation>Alle Practices</translation>
    </message>
    <message>
        <source>All skills</source>
        <translation>Alle Skills</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Alle Länder</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Book selected weeks…</source>
        <translation>Ausgewählte Wochen einplanen…</translation>
    </message>
    <message>
        <source>Select weeks of one person (or drag across them) to book them.</source>
        <translation>Wählen Sie Wochen einer Person aus (oder ziehen Sie darüber), um sie einzuplanen.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>Loading the planner…</source>
        <translation>Planung wird geladen…</translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation>Niemand passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Book weeks</source>
        <translation>Wochen einplanen</translation>
    </message>
    <message>
        <source>Select one or more weeks of a person in the planner.</source>
        <translation>Wählen Sie eine oder mehrere Wochen einer Person in der Planung aus.</translation>
    </message>
    <message>
        <source>No open resource requests. Projects and likely opportunities ask for people here.</source>
        <translation>Keine offenen Ressourcenanfragen. Projekte und aussichtsreiche Opportunities fragen hier nach Personal.</translation>
    </message>
    <message>
        <source>Suggestions…</source>
        <translation>Vorschläge…</translation>
    </message>
    <message>
        <source>Staffing suggestions</source>
        <translation>Besetzungsvorschläge</translation>
    </message>
    <message>
        <source>Select a request in the list first.</source>
        <translation>Wählen Sie zuerst eine Anfrage in der Liste.</translation>
    </message>
    <message>
        <source>By role</source>
        <translation>Nach Rolle</translation>
    </message>
    <message>
        <source>By skill</source>
        <translation>Nach Skill</translation>
    </message>
    <message>
        <source>By practice</source>
        <translation>Nach Practice</translation>
    </message>
    <message>
        <source>By country</source>
        <translation>Nach Land</translation>
    </message>
    <message>
        <source>Loading capacity and demand…</source>
        <translation>Kapazität und Bedarf werden geladen…</translation>
    </message>
    <message>
        <source>part of the week away</source>
        <translation>Teil der Woche abwesend</translation>
    </message>
    <message>
        <source>Free hours per week: available hours after holidays and leave, less hard demand from projects and probability-weighted soft demand from the pipeline. Red: demand exceeds capacity. Hover a cell for the figures.</source>
        <translation>Freie Stunden pro Woche: verfügbare Stunden nach Feiertagen und Urlaub, abzüglich festem Bedarf aus Projekten und wahrscheinlichkeitsgewichtetem Bedarf aus der Pipeline. Rot: Bedarf übersteigt die Kapazität. Zeigen Sie auf eine Zelle für die Zahlen.</translation>
    </message>
    <message>
        <source>Stretch booking</source>
        <translation>Buchung verlängern</translation>
    </message>
    <message>
        <source>Stretch %1&apos;s booking on %2 (%3 h/week) from %4 to %5?</source>
        <translation>Die Buchung von %1 auf %2 (%3 h/Woche) vom %4 bis %5 verlängern?</translation>
    </message>
    <message>
        <source>Over-allocation</source>
        <translation>Überbuchung</translation>
    </message>
    <message>
        <source>%1

Stretch anyway? As resource manager you confirm the over-allocation.</source>
        <translation>%1

Trotzdem verlängern? Als Ressourcenmanager bestätigen Sie die Überbuchung.</translation>
    </message>
    <message numerus="yes">
        <source>%n people, %1 weeks from %2. Hover a cell for hours; drag across weeks to book them, or from a booking to stretch it.</source>
        <translation>
            <numerusform>%n Person, %1 Wochen ab %2. Zeigen Sie auf eine Zelle für die Stunden; ziehen Sie über Wochen, um sie einzuplanen, oder von einer Buchung aus, um sie zu verlängern.</numerusform>
            <numerusform>%n Personen, %1 Wochen ab %2. Zeigen Sie auf eine Zelle für die Stunden; ziehen Sie über Wochen, um sie einzuplanen, oder von einer Buchung aus, um sie zu verlängern.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keel::resourcing::Staffing</name>
    <message>
        <source> (weight %1)</source>
        <translation> (Gewicht %1)</translation>
    </message>
    <message>
        <source>Skill match</source>
        <translation>Skill-Passung</translation>
    </message>
    <message>
        <source>Free capacity</source>
        <translation>Freie Kapazität</translation>
    </message>
    <message>
        <source>Utilisation vs target</source>
        <translation>Auslastung gegenüber Ziel</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source> (match %1)</source>
        <translation> (Passung %1)</translation>
    </message>
</context>
<context>
    <name>keel::resourcing::SuggestionsDialog</name>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Staffing suggestions</source>
        <translation>Besetzungsvorschläge</translation>
    </message>
    <message>
        <source>%1 h/week</source>
        <translation>%1 h/Woche</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Loading candidates for: %1</source>
        <translation>Kandidaten werden geladen für: %1</translation>
    </message>
    <message>
        <source>Nobody fits: %1</source>
        <translation>Niemand passt: %1</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>1 candidate for: %1</source>
        <translation>1 Kandidat für: %1</translation>
    </message>
    <message>
        <source>%1 candidates for: %2</source>
        <translation>%1 Kandidaten für: %2</translation>
    </message>
</context>
<context>
    <name>keel::sales</name>
    <message>
        <source>The quote has no currency.</source>
        <translation>Das Angebot hat keine Währung.</translation>
    </message>
    <message>
        <source>The discount must be between 0 and 100 %.</source>
        <translation>Der Rabatt muss zwischen 0 und 100 % liegen.</translation>
    </message>
    <message>
        <source>The discount has at most 4 decimal places.</source>
        <translation>Der Rabatt hat höchstens 4 Nachkommastellen.</translation>
    </message>
    <message>
        <source>The quote&apos;s total is too large.</source>
        <translation>Die Angebotssumme ist zu groß.</translation>
    </message>
</context>
<context>
    <name>keel::sales::AccountView</name>
    <message>
        <source>Loading the account…</source>
        <translation>Kunde wird geladen…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No contacts yet. Add the people you deal with at this client.</source>
        <translation>Noch keine Kontakte. Legen Sie die Ansprechpartner bei diesem Kunden an.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>No notes, calls, meetings or tasks recorded for this account yet.</source>
        <translation>Für diesen Kunden sind noch keine Notizen, Anrufe, Termine oder Aufgaben erfasst.</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>No opportunities with this account. Create one from the pipeline.</source>
        <translation>Keine Verkaufschancen mit diesem Kunden. Legen Sie eine in der Pipeline an.</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>No contracts yet. An accepted quote becomes a contract.</source>
        <translation>Noch keine Verträge. Aus einem angenommenen Angebot wird ein Vertrag.</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>No projects yet. Signing a contract creates its project.</source>
        <translation>Noch keine Projekte. Die Vertragsunterzeichnung legt das Projekt an.</translation>
    </message>
    <message>
        <source>%1 days to pay</source>
        <translation>Zahlungsziel %1 Tage</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>Betreuer %1</translation>
    </message>
    <message>
        <source>part of %1</source>
        <translation>gehört zu %1</translation>
    </message>
</context>
<context>
    <name>keel::sales::CardDelegate</name>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>keel::sales::Columns</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Why you</source>
        <translation>Warum Sie</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Eingereicht von</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterzeichnet</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Haben</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Bill date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
</context>
<context>
    <name>keel::sales::ContractForm</name>
    <message>
        <source>Sign contract</source>
        <translation>Vertrag unterzeichnen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Billing model</source>
        <translation>Abrechnungsmodell</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Konditionen</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Unterzeichnet am</translation>
    </message>
    <message>
        <source>Time and materials</source>
        <translation>Nach Aufwand</translation>
    </message>
    <message>
        <source>Fixed fee</source>
        <translation>Festpreis</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Retainer</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>not to exceed %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>ohne Obergrenze</translation>
    </message>
    <message numerus="yes">
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n Rate</numerusform>
            <numerusform>%n Raten</numerusform>
        </translation>
    </message>
    <message>
        <source>first on %1</source>
        <translation>erste am %1</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 im Monat</translation>
    </message>
    <message>
        <source>%1 h drawdown</source>
        <translation>%1 h Abruf</translation>
    </message>
    <message>
        <source>rollover: %1</source>
        <translation>Übertrag: %1</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>%1 pro %2</translation>
    </message>
    <message>
        <source>Contract (draft) — %1</source>
        <translation>Vertrag (Entwurf) — %1</translation>
    </message>
    <message>
        <source>Contract %1 — %2</source>
        <translation>Vertrag %1 — %2</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterzeichnet</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · payment terms %3 · %4 to %5 · total &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Zahlungsziel %3 · %4 bis %5 · Summe &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signing hands the contract over to delivery: its project is created at once.</source>
        <translation>Mit der Unterzeichnung geht der Vertrag an die Projektabwicklung: Das Projekt wird sofort angelegt.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Wird unterzeichnet…</translation>
    </message>
    <message>
        <source>Looking up the project…</source>
        <translation>Projekt wird gesucht…</translation>
    </message>
    <message>
        <source>No project has been created for this contract yet.</source>
        <translation>Für diesen Vertrag wurde noch kein Projekt angelegt.</translation>
    </message>
    <message>
        <source>Handed over to delivery: project %1</source>
        <translation>An die Projektabwicklung übergeben: Projekt %1</translation>
    </message>
</context>
<context>
    <name>keel::sales::ListPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Die Liste konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>keel::sales::OpportunityDialog</name>
    <message>
        <source>Opportunity — %1</source>
        <translation>Verkaufschance — %1</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <source>e.g. 120000.00</source>
        <translation>z. B. 120000.00</translation>
    </message>
    <message>
        <source>e.g. 30 (percent)</source>
        <translation>z. B. 30 (Prozent)</translation>
    </message>
    <message>
        <source>No practice</source>
        <translation>Keine Practice</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Expected value</source>
        <translation>Erwarteter Wert</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Expected start</source>
        <translation>Erwarteter Beginn</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Practice</translation>
    </message>
    <message>
        <source>Target margin %</source>
        <translation>Zielmarge %</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>There are no accounts yet: create an account (or convert a lead) first.</source>
        <translation>Es gibt noch keine Kunden: Legen Sie zuerst einen Kunden an (oder wandeln Sie einen Lead um).</translation>
    </message>
</context>
<context>
    <name>keel::sales::PipelineView</name>
    <message>
        <source>No opportunities match these filters. Widen the filters, or create an opportunity with “New opportunity”.</source>
        <translation>Keine Verkaufschance passt zu diesen Filtern. Erweitern Sie die Filter oder legen Sie mit „Neue Verkaufschance“ eine an.</translation>
    </message>
    <message>
        <source>Opportunity lost</source>
        <translation>Verkaufschance verloren</translation>
    </message>
    <message>
        <source>Why was “%1” lost? (price, competitor, timing, no decision …)</source>
        <translation>Warum wurde „%1“ verloren? (Preis, Wettbewerber, Zeitpunkt, keine Entscheidung …)</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <source>My opportunities</source>
        <translation>Meine Verkaufschancen</translation>
    </message>
    <message>
        <source>All practices</source>
        <translation>Alle Practices</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>Beliebiger Abschluss</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>Abschluss in diesem Quartal</translation>
    </message>
    <message>
        <source>Closing next 90 days</source>
        <translation>Abschluss in den nächsten 90 Tagen</translation>
    </message>
    <message>
        <source>Closing this year</source>
        <translation>Abschluss in diesem Jahr</translation>
    </message>
    <message>
        <source>Overdue (close date passed)</source>
        <translation>Überfällig (Abschlussdatum verstrichen)</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <source>Loading the pipeline…</source>
        <translation>Pipeline wird geladen…</translation>
    </message>
    <message>
        <source>The stage was not changed: %1</source>
        <translation>Die Phase wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>The pipeline has no stages yet. An administrator sets them up in the catalogue.</source>
        <translation>Die Pipeline hat noch keine Phasen. Eine Administratorin richtet sie im Katalog ein.</translation>
    </message>
    <message>
        <source>No opportunities match these filters. Drag cards between columns to move them through the pipeline; start with “New opportunity” or convert a qualified lead.</source>
        <translation>Keine Verkaufschance passt zu diesen Filtern. Ziehen Sie Karten zwischen den Spalten, um sie durch die Pipeline zu bewegen; beginnen Sie mit „Neue Verkaufschance“ oder wandeln Sie einen qualifizierten Lead um.</translation>
    </message>
</context>
<context>
    <name>keel::sales::QuoteCalculator</name>
    <message>
        <source>%1 is not in the quote&apos;s currency %2.</source>
        <translation>%1 ist nicht in der Angebotswährung %2.</translation>
    </message>
    <message>
        <source>Line %1: hours and rates cannot be negative.</source>
        <translation>Zeile %1: Stunden und Sätze dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>keel::sales::QuoteEditor</name>
    <message>
        <source>Add role line</source>
        <translation>Rollenzeile hinzufügen</translation>
    </message>
    <message>
        <source>Add fixed item</source>
        <translation>Festpreisposition hinzufügen</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Zur Freigabe einreichen</translation>
    </message>
    <message>
        <source>Mark accepted</source>
        <translation>Als angenommen markieren</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>Überarbeiten</translation>
    </message>
    <message>
        <source>Create contract</source>
        <translation>Vertrag erstellen</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>Rabatt %</translation>
    </message>
    <message>
        <source>List value</source>
        <translation>Listenwert</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Quote total</source>
        <translation>Angebotssumme</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>Marge %</translation>
    </message>
    <message>
        <source>Export quote as PDF</source>
        <translation>Angebot als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>Das PDF konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>New quote — %1</source>
        <translation>Neues Angebot — %1</translation>
    </message>
    <message>
        <source>Quote %1 — %2</source>
        <translation>Angebot %1 — %2</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Save the draft to see which approvals this quote will need.</source>
        <translation>Speichern Sie den Entwurf, um zu sehen, welche Freigaben dieses Angebot braucht.</translation>
    </message>
    <message>
        <source>Checking which approvals this quote needs…</source>
        <translation>Benötigte Freigaben werden geprüft…</translation>
    </message>
    <message>
        <source>The approvals could not be checked: %1</source>
        <translation>Die Freigaben konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>No approval needed: this quote is approved as soon as it is submitted.</source>
        <translation>Keine Freigabe nötig: Das Angebot ist mit dem Einreichen freigegeben.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This quote will need approval by: %1</source>
        <translation>Dieses Angebot braucht die Freigabe durch: %1</translation>
    </message>
    <message>
        <source>The contract takes the quote&apos;s lines. When does the work run?</source>
        <translation>Der Vertrag übernimmt die Zeilen des Angebots. Wann läuft die Arbeit?</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>Für %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate / price</source>
        <translation>Satz / Preis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Discount %1 %</source>
        <translation>Rabatt %1 %</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>keel::sales::QuoteLinesModel</name>
    <message>
        <source>Hours must be a number like 12 or 7.5.</source>
        <translation>Stunden müssen eine Zahl wie 12 oder 7,5 sein.</translation>
    </message>
    <message>
        <source>Enter an hourly rate in %1, like 145.50.</source>
        <translation>Geben Sie einen Stundensatz in %1 ein, z. B. 145,50.</translation>
    </message>
    <message>
        <source>Enter an amount in %1 with at most %2 decimals.</source>
        <translation>Geben Sie einen Betrag in %1 mit höchstens %2 Nachkommastellen ein.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The discount must be a percentage like 5 or 12.5.</source>
        <translation>Der Rabatt muss ein Prozentsatz wie 5 oder 12,5 sein.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Festpreis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Role / item</source>
        <translation>Rolle / Position</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Rate / price</source>
        <translation>Satz / Preis</translation>
    </message>
    <message>
        <source>Cost rate / cost</source>
        <translation>Kostensatz / Kosten</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>keel::sales::SalesPage</name>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>No leads yet. Leads from the web, events and referrals appear here; qualify them and convert them into an account and an opportunity.</source>
        <translation>Noch keine Leads. Leads aus dem Web, von Veranstaltungen und Empfehlungen erscheinen hier; qualifizieren Sie sie und wandeln Sie sie in Kunde und Verkaufschance um.</translation>
    </message>
    <message>
        <source>Convert to account and opportunity</source>
        <translation>In Kunde und Verkaufschance umwandeln</translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation>Lead umwandeln</translation>
    </message>
    <message>
        <source>Select a qualified lead in the list first.</source>
        <translation>Wählen Sie zuerst einen qualifizierten Lead in der Liste aus.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>No accounts yet. Convert a lead or create an account to start selling.</source>
        <translation>Noch keine Kunden. Wandeln Sie einen Lead um oder legen Sie einen Kunden an, um zu verkaufen.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>No contracts yet. An accepted quote becomes a contract; sign it to hand the work over to delivery.</source>
        <translation>Noch keine Verträge. Aus einem angenommenen Angebot wird ein Vertrag; mit der Unterzeichnung geht die Arbeit an die Projektabwicklung.</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Quote…</source>
        <translation>Angebot…</translation>
    </message>
    <message>
        <source>Open the opportunity&apos;s latest quote, or start one</source>
        <translation>Das neueste Angebot der Verkaufschance öffnen oder eines beginnen</translation>
    </message>
    <message>
        <source>Account 360°</source>
        <translation>Kunde 360°</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Tax profile of the new account “%1”:</source>
        <translation>Steuerprofil des neuen Kunden „%1“:</translation>
    </message>
</context>
<context>
    <name>keel::sales::StageColumn</name>
    <message>
        <source>Default probability %1 %</source>
        <translation>Standardwahrscheinlichkeit %1 %</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#6b7685&apos;&gt;No value yet&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#6b7685&apos;&gt;Noch kein Wert&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Drop an opportunity here to move it to %1.</source>
        <translation>Verkaufschance hier ablegen, um sie nach %1 zu verschieben.</translation>
    </message>
</context>
<context>
    <name>keel::timeapproval::MissingTimeModel</name>
    <message>
        <source>week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>%1 of %2 h entered</source>
        <translation>%1 von %2 h erfasst</translation>
    </message>
    <message>
        <source>submitted short</source>
        <translation>mit zu wenig Stunden eingereicht</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>nicht eingereicht</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Submitted (short)</source>
        <translation>Eingereicht (zu wenig)</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Nicht eingereicht</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche vom</translation>
    </message>
    <message>
        <source>Expected h</source>
        <translation>Soll h</translation>
    </message>
    <message>
        <source>Entered h</source>
        <translation>Erfasst h</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>keel::timeapproval::MissingTimePage</name>
    <message>
        <source>Missing time</source>
        <translation>Fehlende Zeiten</translation>
    </message>
    <message>
        <source>Weeks that were not submitted, or submitted with fewer hours than the person&apos;s contract expects.</source>
        <translation>Wochen, die nicht eingereicht wurden oder mit weniger Stunden, als der Vertrag der Person vorsieht.</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Copy reminder list</source>
        <translation>Erinnerungsliste kopieren</translation>
    </message>
    <message>
        <source>One line per person with their missing weeks, ready to paste into a mail or chat.</source>
        <translation>Eine Zeile pro Person mit ihren fehlenden Wochen, bereit zum Einfügen in eine Mail oder einen Chat.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Reminder list for %n person(s) copied to the clipboard.</source>
        <translation>
            <numerusform>Erinnerungsliste für %n Person in die Zwischenablage kopiert.</numerusform>
            <numerusform>Erinnerungsliste für %n Personen in die Zwischenablage kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone submitted their weeks in this period.</source>
        <translation>Alle haben ihre Wochen in diesem Zeitraum eingereicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) missing or short.</source>
        <translation>
            <numerusform>%n Woche fehlt oder hat zu wenig Stunden.</numerusform>
            <numerusform>%n Wochen fehlen oder haben zu wenig Stunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keel::timeapproval::TimeApprovalModel</name>
    <message>
        <source>Say why you reject these lines; the consultant sees your comment.</source>
        <translation>Sagen Sie, warum Sie diese Zeilen ablehnen; der Berater sieht Ihren Kommentar.</translation>
    </message>
    <message>
        <source>Tick the lines to decide first.</source>
        <translation>Haken Sie zuerst die Zeilen an, über die Sie entscheiden.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was decided: at least one of the %n line(s) is no longer waiting for approval. Someone else (another project manager, or the consultant withdrawing it) decided it meanwhile. The list now shows what is still open.</source>
        <translation>
            <numerusform>Nichts wurde entschieden: die Zeile wartet nicht mehr auf Genehmigung. Jemand anderes (ein anderer Projektleiter oder der Berater, der sie zurückgezogen hat) hat inzwischen entschieden. Die Liste zeigt jetzt, was noch offen ist.</numerusform>
            <numerusform>Nichts wurde entschieden: mindestens eine der %n Zeilen wartet nicht mehr auf Genehmigung. Jemand anderes (ein anderer Projektleiter oder der Berater, der sie zurückgezogen hat) hat inzwischen entschieden. Die Liste zeigt jetzt, was noch offen ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was decided: at least one of the %n line(s) changed since you loaded the list (someone else decided or edited it). The list was reloaded; check the lines and decide again.</source>
        <translation>
            <numerusform>Nichts wurde entschieden: die Zeile hat sich geändert, seit Sie die Liste geladen haben (jemand anderes hat entschieden oder sie bearbeitet). Die Liste wurde neu geladen; prüfen Sie die Zeilen und entscheiden Sie erneut.</numerusform>
            <numerusform>Nichts wurde entschieden: mindestens eine der %n Zeilen hat sich geändert, seit Sie die Liste geladen haben (jemand anderes hat entschieden oder sie bearbeitet). Die Liste wurde neu geladen; prüfen Sie die Zeilen und entscheiden Sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Outside the assignment: %1 has no assignment to %2 covering %3. The time was accepted but needs your judgement before you approve it.</source>
        <translation>Außerhalb der Zuordnung: %1 hat keine Zuordnung zu %2 am %3. Die Zeit wurde angenommen, braucht aber Ihr Urteil, bevor Sie sie genehmigen.</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>diese Person</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>keel::timeapproval::TimeApprovalPage</name>
    <message>
        <source>Approve time</source>
        <translation>Zeiten genehmigen</translation>
    </message>
    <message>
        <source>Submitted hours on the projects you manage. Tick lines, or select rows and press Space, then approve or reject them. Amber lines are outside the person&apos;s assignment.</source>
        <translation>Eingereichte Stunden auf Ihren Projekten. Haken Sie Zeilen an oder markieren Sie Zeilen und drücken Sie die Leertaste, dann genehmigen oder lehnen Sie sie ab. Gelbe Zeilen liegen außerhalb der Zuordnung der Person.</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>Alle Personen</translation>
    </message>
    <message>
        <source>All weeks</source>
        <translation>Alle Wochen</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Tick all matching</source>
        <translation>Alle passenden anhaken</translation>
    </message>
    <message>
        <source>Ticks every line the filters match, including those not loaded yet.</source>
        <translation>Hakt jede Zeile an, die den Filtern entspricht, auch noch nicht geladene.</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>Auswahl genehmigen</translation>
    </message>
    <message>
        <source>Reject selected…</source>
        <translation>Auswahl ablehnen…</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n line(s)</source>
        <translation>
            <numerusform>%n Zeile ablehnen</numerusform>
            <numerusform>%n Zeilen ablehnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tell the consultant why (required). The lines go back to them as drafts with this comment:</source>
        <translation>Sagen Sie dem Berater, warum (Pflicht). Die Zeilen gehen mit diesem Kommentar als Entwürfe an ihn zurück:</translation>
    </message>
    <message>
        <source>Nothing was rejected: a rejection needs a comment.</source>
        <translation>Nichts wurde abgelehnt: eine Ablehnung braucht einen Kommentar.</translation>
    </message>
    <message>
        <source>No submitted time waits for you with these filters. Lines appear here when consultants submit their week.</source>
        <translation>Mit diesen Filtern wartet keine eingereichte Zeit auf Sie. Zeilen erscheinen hier, wenn Berater ihre Woche einreichen.</translation>
    </message>
    <message>
        <source>1 line approved.</source>
        <translation>1 Zeile genehmigt.</translation>
    </message>
    <message>
        <source>%1 lines approved.</source>
        <translation>%1 Zeilen genehmigt.</translation>
    </message>
    <message>
        <source>1 line rejected; it is back with the consultant with your comment.</source>
        <translation>1 Zeile abgelehnt; sie ist mit Ihrem Kommentar zurück beim Berater.</translation>
    </message>
    <message>
        <source>%1 lines rejected; they are back with the consultant with your comment.</source>
        <translation>%1 Zeilen abgelehnt; sie sind mit Ihrem Kommentar zurück beim Berater.</translation>
    </message>
    <message>
        <source>No lines ticked.</source>
        <translation>Keine Zeilen angehakt.</translation>
    </message>
    <message>
        <source>1 line ticked · %1 h</source>
        <translation>1 Zeile angehakt · %1 h</translation>
    </message>
    <message>
        <source>%1 lines ticked · %2 h</source>
        <translation>%1 Zeilen angehakt · %2 h</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Alle abhaken</translation>
    </message>
    <message>
        <source>Approve time (%1)</source>
        <translation>Zeiten genehmigen (%1)</translation>
    </message>
</context>
<context>
    <name>keel::timesheet::SyncLogDialog</name>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Zurückgewiesen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Synchronisationsprotokoll</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Everything is on the server.</source>
        <translation>Alles ist auf dem Server.</translation>
    </message>
    <message>
        <source>1 change is not yet on the server.</source>
        <translation>1 Änderung ist noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>%1 changes are not yet on the server.</source>
        <translation>%1 Änderungen sind noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>Last successful sync: %1.</source>
        <translation>Letzte erfolgreiche Synchronisation: %1.</translation>
    </message>
</context>
<context>
    <name>keel::timesheet::TimePage</name>
    <message>
        <source>Time &amp; Expenses</source>
        <translation>Zeit &amp; Spesen</translation>
    </message>
    <message>
        <source>My timesheet</source>
        <translation>Mein Stundenzettel</translation>
    </message>
</context>
<context>
    <name>keel::timesheet::TimesheetPage</name>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Vorige Woche (Alt+Links)</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Nächste Woche (Alt+Rechts)</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Copy last week</source>
        <translation>Vorwoche kopieren</translation>
    </message>
    <message>
        <source>Fill the empty cells with last week&apos;s hours and notes</source>
        <translation>Leere Zellen mit den Stunden und Notizen der Vorwoche füllen</translation>
    </message>
    <message>
        <source>Add row…</source>
        <translation>Zeile hinzufügen…</translation>
    </message>
    <message>
        <source>Add a project or task from your assignments (Ctrl+R)</source>
        <translation>Projekt oder Aufgabe aus Ihren Zuordnungen hinzufügen (Strg+R)</translation>
    </message>
    <message>
        <source>Submit week</source>
        <translation>Woche einreichen</translation>
    </message>
    <message>
        <source>Send this week&apos;s draft hours for approval (Ctrl+Shift+S)</source>
        <translation>Die Entwurfsstunden dieser Woche zur Genehmigung einreichen (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Keep mine as a new entry</source>
        <translation>Meine als neuen Eintrag behalten</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Serverversion übernehmen</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>A note for the selected day&apos;s hours (Enter saves)</source>
        <translation>Notiz zu den Stunden des gewählten Tages (Eingabetaste speichert)</translation>
    </message>
    <message>
        <source>Your hours were kept as a new entry; they will be sent again.</source>
        <translation>Ihre Stunden wurden als neuer Eintrag behalten; sie werden erneut gesendet.</translation>
    </message>
    <message>
        <source>Your change was dropped; the server&apos;s version stands.</source>
        <translation>Ihre Änderung wurde verworfen; die Serverversion gilt.</translation>
    </message>
    <message>
        <source>The week of %1 was submitted for approval.</source>
        <translation>Die Woche vom %1 wurde zur Genehmigung eingereicht.</translation>
    </message>
    <message>
        <source>The week of %1 was not submitted: %2</source>
        <translation>Die Woche vom %1 wurde nicht eingereicht: %2</translation>
    </message>
    <message>
        <source>Nothing to copy: last week has no hours for the empty cells.</source>
        <translation>Nichts zu kopieren: Die Vorwoche hat keine Stunden für die leeren Zellen.</translation>
    </message>
    <message>
        <source>Copied 1 entry from last week.</source>
        <translation>1 Eintrag aus der Vorwoche kopiert.</translation>
    </message>
    <message>
        <source>Copied %1 entries from last week.</source>
        <translation>%1 Einträge aus der Vorwoche kopiert.</translation>
    </message>
    <message>
        <source>Nothing to submit: this week has no draft or rejected hours.</source>
        <translation>Nichts einzureichen: Diese Woche enthält keine Entwürfe und keine abgelehnten Stunden.</translation>
    </message>
    <message>
        <source>Submitting the week of %1…</source>
        <translation>Die Woche vom %1 wird eingereicht…</translation>
    </message>
    <message>
        <source>You are offline: the week of %1 will be submitted as soon as Keel reaches the server.</source>
        <translation>Sie sind offline: Die Woche vom %1 wird eingereicht, sobald Keel den Server erreicht.</translation>
    </message>
    <message>
        <source>My assignments</source>
        <translation>Meine Zuordnungen</translation>
    </message>
    <message>
        <source>(no assignments)</source>
        <translation>(keine Zuordnungen)</translation>
    </message>
    <message>
        <source>Other projects</source>
        <translation>Andere Projekte</translation>
    </message>
    <message>
        <source>No projects yet: connect once to fetch them.</source>
        <translation>Noch keine Projekte: Verbinden Sie sich einmal mit dem Server, um sie abzurufen.</translation>
    </message>
    <message>
        <source>Week %1 · %2 – %3</source>
        <translation>KW %1 · %2 – %3</translation>
    </message>
    <message>
        <source>%1 of %2 hours entered</source>
        <translation>%1 von %2 Stunden erfasst</translation>
    </message>
    <message>
        <source>1 entry needs your attention (red or amber)</source>
        <translation>1 Eintrag braucht Ihre Aufmerksamkeit (rot oder gelb)</translation>
    </message>
    <message>
        <source>%1 entries need your attention (red or amber)</source>
        <translation>%1 Einträge brauchen Ihre Aufmerksamkeit (rot oder gelb)</translation>
    </message>
    <message>
        <source>It is the end of the week and %1 hours are still missing from your timesheet. Please complete and submit it.</source>
        <translation>Die Woche geht zu Ende und auf Ihrem Stundenzettel fehlen noch %1 Stunden. Bitte vervollständigen Sie ihn und reichen Sie ihn ein.</translation>
    </message>
    <message>
        <source>You are working offline. Your hours are saved on this computer and sent when Keel reaches the server.</source>
        <translation>Sie arbeiten offline. Ihre Stunden werden auf diesem Computer gespeichert und gesendet, sobald Keel den Server erreicht.</translation>
    </message>
    <message>
        <source>This week will be submitted as soon as Keel reaches the server.</source>
        <translation>Diese Woche wird eingereicht, sobald Keel den Server erreicht.</translation>
    </message>
    <message>
        <source>Saved on this computer, not yet on the server.</source>
        <translation>Auf diesem Computer gespeichert, noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>Meine Änderung verwerfen</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Notiz gespeichert.</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
