// bench_time_inbox: a project manager opens the time approvals inbox (GET
// /api/v1/time/approvals?limit=200, the page the desktop client asks for) with 2,000 submitted
// lines of 100 consultants waiting on ten projects. keel-server (2 worker threads) on a fresh
// database; 10 warm-up requests, then 100 measured ones, each must answer a full first page and
// a cursor to the next. Figure: inbox_ms (median; target < 100 ms).
#include "bench_support.h"
#include "bench_time_seed.h"
#include "http_client.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

using namespace keel::bench;

namespace {

constexpr int kConsultants = 100;
constexpr int kPending = 2000;
constexpr int kPage = 200;
constexpr int kWarmUp = 10;
constexpr int kRequests = 100;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"inbox_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_time_inbox"));
        const TimeFirm firm = seedTimeFirm(database, kConsultants);
        seedSubmittedLines(database, kPending);

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        client.setToken(firm.pmToken);

        const QString path = QStringLiteral("/api/v1/time/approvals?limit=%1").arg(kPage);
        QList<double> times;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r = client.get(path);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (r.status != 200)
                throw BenchError(QStringLiteral("inbox answered %1: %2")
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(300))));
            const QJsonObject page = r.json();
            if (page.value("items").toArray().size() != kPage ||
                page.value("next_after").toString().isEmpty())
                throw BenchError(QStringLiteral("the first page has %1 lines and %2 cursor")
                                     .arg(page.value("items").toArray().size())
                                     .arg(page.contains("next_after") ? "a" : "no"));
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("inbox_ms"), median(times), QStringLiteral("ms"));
        server.stop();
    });
}
