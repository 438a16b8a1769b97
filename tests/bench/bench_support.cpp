#include "bench_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace keel::bench {

namespace {
void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}
} // namespace

void emitValue(const QString &name, double value, const QString &unit, std::optional<int> scale)
{
    // Two decimals are more than these measurements can tell apart.
    QJsonObject o{{"name", name}, {"value", std::round(value * 100) / 100}, {"unit", unit}};
    if (scale)
        o.insert(QStringLiteral("scale"), *scale);
    printLine(o);
}

void emitError(const QString &name, const QString &why)
{
    printLine(QJsonObject{{"name", name}, {"error", why.simplified()}});
}

int runBench(const QStringList &figureNames, const std::function<void()> &body)
{
    QString why;
    try {
        body();
        return 0;
    } catch (const std::exception &e) {
        why = QString::fromLocal8Bit(e.what());
    } catch (...) {
        why = QStringLiteral("unknown exception");
    }
    for (const QString &name : figureNames)
        emitError(name, why);
    return 0;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(i, 0, values.size() - 1));
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString buildDir()
{
    const QString env = qEnvironmentVariable("KEEL_BUILD_DIR");
    if (!env.isEmpty())
        return env;
    // <build>/tests/bench/bench_x
    return QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../..")).absolutePath();
}

namespace {
QString existing(const QString &path)
{
    if (!QFileInfo(path).isExecutable())
        throw BenchError(QStringLiteral("%1 is not built").arg(path));
    return path;
}
} // namespace

QString serverBinary()
{
    return existing(buildDir() + QStringLiteral("/server/keel-server"));
}

QString adminBinary()
{
    return existing(buildDir() + QStringLiteral("/server/keel-admin"));
}

QString clientBinary()
{
    return existing(buildDir() + QStringLiteral("/app/ui/keel"));
}

QByteArray runProgram(const QString &program, const QStringList &arguments, int timeoutMs,
                      const QProcessEnvironment &environment)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        p.setProcessEnvironment(environment);
    p.start(program, arguments);
    if (!p.waitForStarted(10000))
        throw BenchError(QStringLiteral("cannot start %1: %2").arg(program, p.errorString()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        throw BenchError(QStringLiteral("%1 timed out after %2 ms")
                             .arg(QFileInfo(program).fileName())
                             .arg(timeoutMs));
    }
    const QByteArray output = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw BenchError(QStringLiteral("%1 failed (exit %2): %3")
                             .arg(QFileInfo(program).fileName())
                             .arg(p.exitCode())
                             .arg(QString::fromLocal8Bit(output.right(400))));
    return output;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        throw BenchError(QStringLiteral("no free port: %1").arg(probe.errorString()));
    return probe.serverPort();
}

int httpStatus(const QUrl &url, const QByteArray &authorization, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port(80)));
    if (!socket.waitForConnected(timeoutMs))
        return 0;
    QByteArray request = "GET " + url.path(QUrl::FullyEncoded).toLatin1() +
                         " HTTP/1.1\r\nHost: " + url.authority().toLatin1() +
                         "\r\nConnection: close\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    request += "\r\n";
    socket.write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (!response.contains("\r\n") && timer.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
        response += socket.readAll();
    }
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = response.left(response.indexOf("\r\n")).split(' ');
    return parts.size() >= 2 ? parts[1].toInt() : 0;
}

ServerProcess::~ServerProcess()
{
    stop();
}

void ServerProcess::spawn(const QString &databaseUrl, quint16 port, int threads)
{
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    // Its log goes to a file, quoted when it fails; stdout carries only the figures.
    m_log = std::make_unique<QTemporaryFile>();
    if (!m_log->open())
        throw BenchError(QStringLiteral("cannot create a log file for keel-server"));
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_log->fileName());
    m_process.start(serverBinary(),
                    {QStringLiteral("-d"), databaseUrl, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--threads"),
                     QString::number(threads), QStringLiteral("--quiet")});
    if (!m_process.waitForStarted(10000))
        throw BenchError(
            QStringLiteral("cannot start keel-server: %1").arg(m_process.errorString()));
}

void ServerProcess::waitHealthy(int timeoutMs)
{
    const QUrl health = m_base.resolved(QUrl(QStringLiteral("/api/v1/health")));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (httpStatus(health, {}, 1000) == 200)
            return;
        if (m_process.state() == QProcess::NotRunning)
            throw BenchError(QStringLiteral("keel-server exited with %1: %2")
                                 .arg(m_process.exitCode())
                                 .arg(logTail()));
        QThread::msleep(2);
    }
    throw BenchError(QStringLiteral("keel-server did not become healthy in %1 ms").arg(timeoutMs));
}

QString ServerProcess::logTail() const
{
    if (!m_log)
        return {};
    QFile f(m_log->fileName());
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll().right(400)) : QString();
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace keel::bench
