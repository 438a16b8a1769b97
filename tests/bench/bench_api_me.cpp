// bench_api_me: GET /api/v1/me under wrk (2 threads, 64 connections, 10 s) against keel-server
// with 2 worker threads on a fresh database. Figures: api_me_rps, api_me_p50_ms, api_me_p99_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace keel::bench;

namespace {

// "1.23ms", "850.00us", "1.02s" -> milliseconds; negative when unparsable.
double toMilliseconds(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s|m)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("us"))
        return v / 1000;
    if (unit == QLatin1String("ms"))
        return v;
    if (unit == QLatin1String("s"))
        return v * 1000;
    return v * 60000;
}

struct WrkResult
{
    double rps = -1, p50 = -1, p99 = -1;
    qint64 non2xx = 0, socketErrors = 0;
};

WrkResult parseWrk(const QString &output)
{
    WrkResult r;
    static const QRegularExpression rps(QStringLiteral("Requests/sec:\\s*([0-9.]+)"));
    static const QRegularExpression p50(QStringLiteral("^\\s*50(?:\\.000)?%\\s+(\\S+)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression p99(QStringLiteral("^\\s*99(?:\\.000)?%\\s+(\\S+)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses:\\s*(\\d+)"));
    static const QRegularExpression errors(
        QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"));
    if (const auto m = rps.match(output); m.hasMatch())
        r.rps = m.captured(1).toDouble();
    if (const auto m = p50.match(output); m.hasMatch())
        r.p50 = toMilliseconds(m.captured(1));
    if (const auto m = p99.match(output); m.hasMatch())
        r.p99 = toMilliseconds(m.captured(1));
    if (const auto m = non2xx.match(output); m.hasMatch())
        r.non2xx = m.captured(1).toLongLong();
    if (const auto m = errors.match(output); m.hasMatch())
        for (int i = 1; i <= 4; ++i)
            r.socketErrors += m.captured(i).toLongLong();
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"api_me_rps", "api_me_p50_ms", "api_me_p99_ms"}, [] {
        const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
        if (wrk.isEmpty())
            throw BenchError(QStringLiteral("wrk is not installed"));

        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_api_me"));
        keel::test::seedLegalEntities(database);
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK")},
                   60000);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();

        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));
        const QByteArray token = login.json().value("access_token").toString().toLatin1();
        const QByteArray authorization = "Bearer " + token;
        const QUrl me = server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/me")));
        if (const int status = httpStatus(me, authorization, 5000); status != 200)
            throw BenchError(QStringLiteral("GET /api/v1/me answered %1").arg(status));

        const QString duration = qEnvironmentVariable("KEEL_BENCH_WRK_DURATION", "10s");
        const QString output = QString::fromLocal8Bit(runProgram(
            wrk,
            {QStringLiteral("-t2"), QStringLiteral("-c64"), QStringLiteral("-d") + duration,
             QStringLiteral("--latency"), QStringLiteral("-H"),
             QStringLiteral("Authorization: ") + QString::fromLatin1(authorization), me.toString()},
            120000));
        const WrkResult r = parseWrk(output);
        if (r.rps < 0 || r.p50 < 0 || r.p99 < 0)
            throw BenchError(QStringLiteral("cannot parse wrk output: ") + output.left(400));
        if (r.non2xx > 0 || r.socketErrors > 0)
            throw BenchError(QStringLiteral("wrk saw %1 non-2xx responses and %2 socket errors")
                                 .arg(r.non2xx)
                                 .arg(r.socketErrors));
        emitValue(QStringLiteral("api_me_rps"), qRound(r.rps), QStringLiteral("req/s"), 1);
        emitValue(QStringLiteral("api_me_p50_ms"), r.p50, QStringLiteral("ms"), 1);
        emitValue(QStringLiteral("api_me_p99_ms"), r.p99, QStringLiteral("ms"), 1);
        server.stop();
    });
}
