<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>keel::ApiClient</name>
    <message>
        <source>Unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::AppController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::CommandLine</name>
    <message>
        <source>Keel, a professional-services ERP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for --user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the first window shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: en or de.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::LoginDialog</name>
    <message>
        <source>Please enter the server address, for example https://keel.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in – Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the account your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://keel.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Remember me” is unavailable: this computer has no secure password storage (secret service). You will be asked for your password each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::MainWindow</name>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Keel keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keel %1&lt;/h3&gt;&lt;p&gt;A professional-services ERP: from the first lead to the last cent collected.&lt;/p&gt;&lt;p&gt;Connected to %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WORKSPACES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Keel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::ProblemText</name>
    <message>
        <source>The server cannot be reached. Check the server address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not understand the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested item does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done in the item&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this item meanwhile. Reload it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some entries are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into an error (%1). Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the server address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::Role</name>
    <message>
        <source>Consultant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales director</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::Session</name>
    <message>
        <source>Unexpected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer to the sign-in did not contain a session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::SettingsDialog</name>
    <message>
        <source>Settings – Keel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://keel.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new server address is used the next time you sign in. The language changes at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::TokenStore</name>
    <message>
        <source>No secure password storage (secret service) is available on this computer, so Keel cannot remember your sign-in. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure password storage refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::Workspace</name>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads, opportunities and the pipeline; quotes, rate cards and contracts through to signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects, budgets, milestones and change requests, with burn and forecast at a glance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resourcing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staffing requests, skills, availability and utilisation across practices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp; Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your week&apos;s timesheet and expenses, also offline; submission and approvals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing runs, invoice drafts and approval, credit notes and payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance &amp; Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger, revenue recognition, intercompany and the month-end close checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation, margin, backlog and cash figures for your scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecasts, trends and what-if analyses across the firm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users, roles, legal entities and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keel::WorkspacePage</name>
    <message>
        <source>IN PREPARATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is on its way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account already has access to %1. Its views arrive with the next releases of Keel; until then, this page marks its place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
