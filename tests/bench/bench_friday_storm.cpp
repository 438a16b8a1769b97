// bench_friday_storm: Friday afternoon. 600 consultants' clients each push last week's
// timesheet (40 entries: 8 one-hour entries a day, Monday to Friday, in one POST
// /api/v1/sync/push) and then submit the week (POST /api/v1/time/weeks/{monday}/submit), all at
// once, on loopback, against a keel-server process with the server's default number of worker
// threads (one per core, as `./dev run` and the systemd unit start it) on a fresh database.
// On 2 cores, 8 threads spent the time switching between them (storm ~15 s instead of ~10 s).
// Each client is its own keep-alive TCP connection speaking plain HTTP/1.1 from one event loop
// (so the clients cost next to nothing next to the server). Every push must apply all 40 ops and
// every submit succeed; afterwards the database must hold 24,000 submitted entries and 600
// submitted weeks.
// Run twice, each time on a fresh database:
// - friday_storm_s and friday_p99_ms: the 600 clients start evenly spread over 10 s (Friday
//   afternoon, compressed), so each request meets the load the others make without waiting for
//   all of them; storm = first connect to last answer (target < 15 s), p99 = 99th percentile of
//   the 1,200 requests, each from the moment it was issued (for the push, from the connect) to its
//   full answer (target < 1 s).
// - friday_burst_s and friday_burst_p99_ms: all 600 start in the same instant. Here the p99 is
//   the queue: the last request waits for nearly all the others' work, so it tracks the storm.
#include "bench_support.h"
#include "bench_time_seed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace keel::bench;

namespace {

constexpr int kClients = 600;
constexpr int kTimeoutMs = 180000;

struct Client
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray push;   // the whole request
    QByteArray submit; // the whole request
    int stage = 0;     // 0: push in flight, 1: submit in flight, 2: done
    QByteArray in;
    QElapsedTimer timer;
    QString failure;
};

QByteArray request(const QByteArray &path, const QByteArray &token, const QByteArray &body,
                   quint16 port)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A complete answer in `in`: its status and body; false while more bytes are due.
bool parseAnswer(const QByteArray &in, int *status, QByteArray *body, bool *close)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = in.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    *status = statusLine.value(1).toInt();
    qsizetype length = 0;
    *close = false;
    for (const QByteArray &line : lines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection" && value.toLower() == "close")
            *close = true;
    }
    if (in.size() < end + 4 + length)
        return false;
    *body = in.mid(end + 4, length);
    return true;
}

struct StormFigures
{
    double seconds = 0;
    double p99Ms = 0;
};

// One storm on a fresh database; client c starts at c × spreadMs / kClients.
StormFigures storm(int spreadMs)
{
    auto database =
        keel::test::TestDatabase::create(QStringLiteral("bench_friday_storm_%1").arg(spreadMs));
    const TimeFirm firm = seedTimeFirm(database, kClients);

    const quint16 port = freePort();
    ServerProcess server;
    // KEEL_BENCH_THREADS tries another number of worker threads.
    const int threads = qEnvironmentVariableIntValue("KEEL_BENCH_THREADS");
    server.spawn(database.url(), port, threads > 0 ? threads : QThread::idealThreadCount());
    server.waitHealthy();

    const QDate monday = benchMonday();
    const QByteArray submitPath =
        "/api/v1/time/weeks/" + monday.toString(Qt::ISODate).toLatin1() + "/submit";
    std::vector<Client> clients(kClients);
    for (int c = 0; c < kClients; ++c) {
        const qint64 project = firm.projects[firm.projectOf[c]];
        const qint64 task = firm.tasks[firm.projectOf[c] * 2 + c % 2];
        QJsonArray ops;
        for (int day = 0; day < 5; ++day)
            for (int k = 0; k < 8; ++k)
                ops.append(benchSaveOp(project, task, monday.addDays(day), QStringLiteral("1.00"),
                                       QStringLiteral("Friday entry %1").arg(k)));
        clients[std::size_t(c)].push =
            request("/api/v1/sync/push", firm.tokens[c],
                    QJsonDocument(QJsonObject{{"ops", ops}}).toJson(QJsonDocument::Compact), port);
        clients[std::size_t(c)].submit = request(submitPath, firm.tokens[c], "{}", port);
    }

    QEventLoop loop;
    QList<double> latencies;
    int done = 0;
    QStringList failures;
    QElapsedTimer wall;

    const auto connectAndSend = [port](Client &client, const QByteArray &req) {
        client.in.clear();
        if (client.socket->state() == QAbstractSocket::ConnectedState) {
            client.socket->write(req);
            return;
        }
        client.socket->abort();
        client.socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    };
    const auto finish = [&](Client &client, const QString &failure) {
        client.stage = 2;
        if (!failure.isEmpty())
            failures << failure;
        if (++done == kClients)
            loop.quit();
    };

    for (int c = 0; c < kClients; ++c) {
        Client &client = clients[std::size_t(c)];
        client.socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = client.socket.get();
        QObject::connect(socket, &QTcpSocket::connected, socket, [&client] {
            client.socket->write(client.stage == 0 ? client.push : client.submit);
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                         [&client, &finish](QAbstractSocket::SocketError) {
                             if (client.stage < 2 &&
                                 client.socket->error() != QAbstractSocket::RemoteHostClosedError)
                                 finish(client, client.socket->errorString());
                         });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [&, c] {
            Client &cl = clients[std::size_t(c)];
            cl.in += cl.socket->readAll();
            int status = 0;
            QByteArray body;
            bool close = false;
            if (!parseAnswer(cl.in, &status, &body, &close))
                return;
            latencies.append(double(cl.timer.nsecsElapsed()) / 1e6);
            if (close)
                cl.socket->disconnectFromHost();
            if (cl.stage == 0) {
                const QJsonArray results =
                    QJsonDocument::fromJson(body).object().value("results").toArray();
                int applied = 0;
                for (const QJsonValue &v : results)
                    applied += v.toObject().value("outcome").toString() == QLatin1String("applied");
                if (status != 200 || applied != 40) {
                    finish(cl, QStringLiteral("push %1 (%2 applied): %3")
                                   .arg(status)
                                   .arg(applied)
                                   .arg(QString::fromUtf8(body.left(200))));
                    return;
                }
                cl.stage = 1;
                cl.timer.start();
                connectAndSend(cl, cl.submit);
            } else if (cl.stage == 1) {
                finish(cl, status / 100 == 2 ? QString()
                                             : QStringLiteral("submit %1: %2")
                                                   .arg(status)
                                                   .arg(QString::fromUtf8(body.left(200))));
            }
        });
    }

    QTimer::singleShot(kTimeoutMs, &loop, [&] {
        failures << QStringLiteral("timed out with %1 of %2 clients done").arg(done).arg(kClients);
        loop.quit();
    });
    wall.start();
    for (int c = 0; c < kClients; ++c) {
        Client &client = clients[std::size_t(c)];
        QTimer::singleShot(int(qint64(spreadMs) * c / kClients), &loop, [&client, &connectAndSend] {
            client.timer.start();
            connectAndSend(client, client.push);
        });
    }
    loop.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    for (Client &client : clients)
        client.socket->abort();
    if (!failures.isEmpty())
        throw BenchError(QStringLiteral("%1 client(s) failed, first: %2")
                             .arg(failures.size())
                             .arg(failures.first()));

    QSqlQuery q =
        keel::db::query(database.sql(),
                        QStringLiteral("SELECT (SELECT count(*) FROM time_entries WHERE status = "
                                       "'submitted'), (SELECT count(*) FROM timesheet_weeks WHERE "
                                       "week_start = ?::date)"),
                        {monday.toString(Qt::ISODate)});
    q.next();
    if (q.value(0).toInt() != kClients * 40 || q.value(1).toInt() != kClients)
        throw BenchError(QStringLiteral("%1 submitted entries and %2 weeks stored")
                             .arg(q.value(0).toInt())
                             .arg(q.value(1).toInt()));

    server.stop();
    return StormFigures{seconds, percentile(latencies, 0.99)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench(
        {"friday_storm_s", "friday_p99_ms", "friday_burst_s", "friday_burst_p99_ms"}, [] {
            const StormFigures spread = storm(10000);
            emitValue(QStringLiteral("friday_storm_s"), spread.seconds, QStringLiteral("s"));
            emitValue(QStringLiteral("friday_p99_ms"), spread.p99Ms, QStringLiteral("ms"));
            const StormFigures burst = storm(0);
            emitValue(QStringLiteral("friday_burst_s"), burst.seconds, QStringLiteral("s"));
            emitValue(QStringLiteral("friday_burst_p99_ms"), burst.p99Ms, QStringLiteral("ms"));
        });
}
