#include "db/migrator.h"
#include "http/request_log.h"
#include "keel_server.h"
#include "unix_signals.h"

#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>

#include <cstdio>

using namespace keel;

int main(int argc, char *argv[])
{
    // Qt's own Unix event loop is measurably cheaper per request than the GLib one.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // Invoice PDFs are rendered with QtGui (QTextDocument, QPdfWriter), which needs a
    // QGuiApplication; the server has no display, so the offscreen platform unless told otherwise.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keel-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEEL_VERSION));

    QString error;
    const auto config = ServerConfig::fromArguments(app.arguments(), &error);
    if (!config) {
        std::fprintf(stderr, "keel-server: %s\n", qPrintable(error));
        return 2;
    }
    if (config->migrate) {
        try {
            QSqlDatabase db = db::open(config->database, QStringLiteral("migrate"));
            const int applied = Migrator::migrate(db);
            db.close();
            logInfo(QStringLiteral("applied %1 migrations").arg(applied));
        } catch (const DbError &e) {
            std::fprintf(stderr, "keel-server: migration failed: %s\n", e.what());
            return 1;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("migrate"));
    }

    KeelServer server(*config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "keel-server: %s\n", qPrintable(error));
        return 1;
    }
    logInfo(QStringLiteral("listening on %1 with %2 threads")
                .arg(server.baseUrl())
                .arg(config->threads));
    if (!config->urlFile.isEmpty()) {
        QSaveFile f(config->urlFile);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(server.baseUrl().toUtf8() + '\n');
            f.commit();
        }
    }

    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminate, &app, [&] {
        logInfo(QStringLiteral("shutting down"));
        server.stop();
        app.quit();
    });
    return app.exec();
}
