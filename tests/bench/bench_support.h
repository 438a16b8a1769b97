#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace keel::bench {

// A reason a benchmark cannot produce its figures; reported as {"name":…,"error":…}.
class BenchError : public std::runtime_error
{
public:
    explicit BenchError(const QString &why) : std::runtime_error(why.toStdString()) {}
};

// One JSON line on stdout per figure, the value rounded to two decimals.
void emitValue(const QString &name, double value, const QString &unit,
               std::optional<int> scale = std::nullopt);
void emitError(const QString &name, const QString &why);

// Runs body; on any exception reports the error for every figure name and returns 0.
int runBench(const QStringList &figureNames, const std::function<void()> &body);

double median(QList<double> values);
// The p-quantile (0..1) by the nearest-rank method.
double percentile(QList<double> values, double p);

// $KEEL_BUILD_DIR, or the build tree this executable lives in.
QString buildDir();
QString serverBinary();
QString adminBinary();
QString clientBinary();

// Runs a program to completion; throws BenchError when it fails or times out. Returns its
// merged output.
QByteArray runProgram(const QString &program, const QStringList &arguments, int timeoutMs,
                      const QProcessEnvironment &environment = QProcessEnvironment());

// A TCP port on 127.0.0.1 that was free a moment ago.
quint16 freePort();

// GET url over a fresh connection; the HTTP status, or 0 when nothing answered.
int httpStatus(const QUrl &url, const QByteArray &authorization = {}, int timeoutMs = 1000);

// keel-server as a child process on 127.0.0.1; stopped (SIGTERM, then SIGKILL) on destruction.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the process and returns at once.
    void spawn(const QString &databaseUrl, quint16 port, int threads);
    // Polls /api/v1/health until it answers 200; throws after timeoutMs.
    void waitHealthy(int timeoutMs = 20000);
    void stop();
    QUrl baseUrl() const { return m_base; }
    QString logTail() const; // the end of its output so far

private:
    QProcess m_process;
    std::unique_ptr<QTemporaryFile> m_log;
    QUrl m_base;
};

} // namespace keel::bench
