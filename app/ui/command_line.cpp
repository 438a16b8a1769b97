#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace keel {

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("keel::CommandLine", "Keel, a professional-services ERP"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        "server", QCoreApplication::translate("keel::CommandLine", "Server address."), "url");
    const QCommandLineOption user(
        "user", QCoreApplication::translate("keel::CommandLine", "User name to sign in with."),
        "name");
    const QCommandLineOption password(
        "password", QCoreApplication::translate("keel::CommandLine", "Password for --user."),
        "password");
    const QCommandLineOption screenshot(
        "screenshot",
        QCoreApplication::translate("keel::CommandLine",
                                    "Save a picture of the first window shown, then quit."),
        "file");
    const QCommandLineOption lang(
        "lang", QCoreApplication::translate("keel::CommandLine", "Language: en or de."), "code");
    const QCommandLineOption workspace(
        "workspace",
        QCoreApplication::translate("keel::CommandLine",
                                    "Workspace to open after signing in, optionally with the "
                                    "number of its tab: billing or billing:2."),
        "id[:tab]");
    parser.addOptions({server, user, password, screenshot, lang, workspace});
    parser.process(arguments);

    CommandLine cl;
    if (parser.isSet(server))
        cl.server = QUrl::fromUserInput(parser.value(server));
    cl.user = parser.value(user);
    cl.password = parser.value(password);
    cl.screenshotFile = parser.value(screenshot);
    cl.language = parser.value(lang);
    const QStringList ws = parser.value(workspace).split(u':');
    cl.workspace = ws.value(0);
    cl.workspaceTab = ws.value(1).toInt();
    return cl;
}

} // namespace keel
