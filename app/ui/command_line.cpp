#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

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
    const QCommandLineOption size(
        "size",
        QCoreApplication::translate("keel::CommandLine",
                                    "Size of the main window in pixels, e.g. 1600x1200."),
        "WIDTHxHEIGHT");
    parser.addOptions({server, user, password, screenshot, lang, workspace, size});
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
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        const QSize sz(wh.value(0).toInt(), wh.value(1).toInt());
        if (wh.size() != 2 || sz.width() < 200 || sz.height() < 200) {
            std::fprintf(stderr, "keel: --size expects WIDTHxHEIGHT, e.g. 1600x1200\n");
            std::exit(2);
        }
        cl.windowSize = sz;
    }
    return cl;
}

} // namespace keel
