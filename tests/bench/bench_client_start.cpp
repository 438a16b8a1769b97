// bench_client_start: the keel client from process start until its login window has been
// painted and flushed to the (offscreen) screen, median of 5 runs. Figure: client_start_ms.
//
// The client has no "quit once the login window shows" switch (--screenshot waits 1.2 s before
// grabbing), so the end point is observed from outside: with the Qt logging category
// qt.widgets.painting enabled, QWidgetRepaintManager logs "Flushing … of keel::LoginDialog" when
// the first frame of the dialog reaches the backing store's window; the process is then killed.
#include "bench_support.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace keel::bench;

namespace {

double timeToLoginWindow(const QString &client, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    // An address nothing listens on: the login window must not depend on a server.
    p.start(client, {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")});
    QByteArray pending;
    double elapsedMs = -1;
    while (elapsedMs < 0 && timer.elapsed() < 30000) {
        if (!p.waitForReadyRead(1000)) {
            if (p.state() == QProcess::NotRunning)
                break;
            continue;
        }
        const qint64 at = timer.nsecsElapsed();
        pending += p.readAll();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.contains("Flushing QRegion") && line.contains("LoginDialog")) {
                elapsedMs = double(at) / 1e6;
                break;
            }
        }
    }
    const bool exited = p.state() == QProcess::NotRunning;
    p.kill();
    p.waitForFinished(5000);
    if (elapsedMs < 0)
        throw BenchError(exited ? QStringLiteral("keel exited before showing its login window: ") +
                                      QString::fromLocal8Bit(pending.right(300))
                                : QStringLiteral("no login window within 30 s"));
    return elapsedMs;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"client_start_ms"}, [] {
        const QString client = clientBinary();
        QTemporaryDir home;
        if (!home.isValid())
            throw BenchError(QStringLiteral("no temporary directory"));
        // A home of its own: no remembered session, so the login window is the first window.
        QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.widgets.painting=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        QList<double> runs;
        for (int i = 0; i < 5; ++i)
            runs.append(timeToLoginWindow(client, env));
        emitValue(QStringLiteral("client_start_ms"), median(runs), QStringLiteral("ms"));
    });
}
