// Helper of tst_time_killed: a client that saves a week of time in its local store and then
// waits to be killed. Mode "saved" stops right after the local save; mode "sent" also sends
// the queued operations to the server (as the sync engine would, ops marked sent first) and
// stops once the answer arrived but before it was recorded locally.
//   time_killed_helper <store> <project_id> <task_id> <monday> <saved|sent> [server user pw]
#include "api_client.h"
#include "api_reply.h"
#include "local_store.h"
#include "session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace keel;
using namespace keel::offline;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6)
        return 2;
    LocalStore store;
    if (!store.open(args[1]))
        return 3;
    const QDate monday = QDate::fromString(args[4], Qt::ISODate);
    const char *hours[] = {"8", "7.5", "8", "6.25", "4"};
    for (int d = 0; d < 5; ++d) {
        TimeEntry e;
        e.workDate = monday.addDays(d);
        e.projectId = args[2].toLongLong();
        e.taskId = args[3].toLongLong();
        e.hours = QString::fromLatin1(hours[d]);
        e.notes = QStringLiteral("day %1").arg(d + 1);
        if (!store.saveTimeEntry(e))
            return 4;
    }
    auto say = [](const char *line) {
        std::fputs(line, stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    };
    say("saved");
    if (args[5] != QLatin1String("sent"))
        return app.exec(); // wait for SIGKILL

    Session session;
    QObject::connect(&session, &Session::signInFailed, &app, [] { std::exit(5); });
    QObject::connect(&session, &Session::signedIn, &app, [&] {
        QJsonArray ops;
        QList<QUuid> ids;
        for (const PendingOp &op : store.pendingOps()) {
            ops.append(op.toJson());
            ids.append(op.opId);
        }
        store.markSent(ids);
        ApiReply *reply = session.api()->post(QStringLiteral("/api/v1/sync/push"), {{"ops", ops}});
        QObject::connect(reply, &ApiReply::finished, &app, [reply, say] {
            // The server has applied the batch; this client dies before writing that down.
            say(reply->ok() ? "answered" : "failed");
        });
    });
    session.signIn(QUrl(args[6]), args[7], args[8]);
    return app.exec();
}
