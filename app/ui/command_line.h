#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace keel {

// Options of the keel executable. --server/--user/--password sign in without the dialog
// (demo, tests, screenshots); --screenshot grabs the first window shown and quits.
struct CommandLine
{
    QUrl server;
    QString user;
    QString password;
    QString screenshotFile;
    QString language; // "en", "de" or empty for the saved choice
    // --workspace ID[:TAB]: the workspace opened after sign-in (e.g. "billing:2", the second
    // tab of its page), for screenshots and demos.
    QString workspace;
    int workspaceTab = 0; // 1-based; 0 = the page's default
    // --size WIDTHxHEIGHT: the main window's size (screenshots of a whole dashboard); invalid =
    // the window's own default.
    QSize windowSize;

    bool autoSignIn() const { return server.isValid() && !user.isEmpty() && !password.isEmpty(); }

    // Parses QCoreApplication::arguments(); exits the process on --help/--version or errors.
    static CommandLine parse(const QStringList &arguments);
};

} // namespace keel
