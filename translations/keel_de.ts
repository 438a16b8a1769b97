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
        <source>The server cannot be reached. Keel keeps trying.</source>
        <translation>Der Server ist nicht erreichbar. Keel versucht es weiter.</translation>
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
        <source>Forecasts, trends and what-if analyses across the firm.</source>
        <translation>Prognosen, Trends und Was-wäre-wenn-Analysen für das ganze Unternehmen.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Users, roles, legal entities and the audit log.</source>
        <translation>Benutzer, Rollen, Gesellschaften und das Audit-Protokoll.</translation>
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
</TS>
