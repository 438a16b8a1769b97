#include "sync_engine.h"

#include "api_client.h"
#include "api_reply.h"
#include "local_store.h"
#include "problem.h"
#include "problem_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace keel::offline {

namespace {

constexpr auto PendingSubmitsKey = "pending_submits";

QString dayText(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("ddd d MMM yyyy"));
}

// "7.50 h on Mon 23 Nov 2026, Apollo rollout / Build"
QString entryText(const QString &hours, const QDate &date, const QString &project,
                  const QString &task)
{
    QString where = project.isEmpty() ? QString() : project;
    if (!task.isEmpty())
        where += QStringLiteral(" / ") + task;
    const QString what = SyncEngine::tr("%1 h on %2").arg(hours, dayText(date));
    return where.isEmpty() ? what : SyncEngine::tr("%1, %2").arg(what, where);
}

bool isNetworkFailure(const ApiReply *reply)
{
    return reply->status() == 0 || reply->status() >= 500 || reply->status() == 429;
}

} // namespace

SyncEngine::SyncEngine(LocalStore *store, ApiClient *api, QObject *parent)
    : QObject(parent), m_store(store), m_api(api), m_nam(new QNetworkAccessManager(this)),
      m_timer(new QTimer(this)), m_soon(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    // Saving a cell starts a round shortly after typing stops.
    m_soon->setSingleShot(true);
    m_soon->setInterval(1500);
    connect(m_soon, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(m_store, &LocalStore::changed, this, [this] {
        noteCount();
        if (m_enabled && m_online && !m_syncing)
            m_soon->start();
    });
    connect(m_api, &ApiClient::serverReached, this, [this] { setOnline(true); });
    connect(m_api, &ApiClient::serverUnreachable, this, [this] { setOnline(false); });
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (enabled) {
        m_retryDelay = 0;
        syncNow();
    } else {
        m_timer->stop();
        m_soon->stop();
    }
}

void SyncEngine::setInterval(int milliseconds)
{
    m_interval = milliseconds;
}

void SyncEngine::setBackoff(int firstMs, int maxMs)
{
    m_firstRetry = firstMs;
    m_maxRetry = maxMs;
}

int SyncEngine::unsyncedCount() const
{
    return m_store->unsyncedCount();
}

void SyncEngine::noteCount()
{
    const int count = m_store->unsyncedCount();
    if (count != m_lastCount) {
        m_lastCount = count;
        emit unsyncedCountChanged(count);
    }
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    m_store->appendLog(QStringLiteral("info"), online ? tr("The server can be reached again.")
                                                      : tr("The server cannot be reached; "
                                                           "changes are kept on this computer."));
    emit onlineChanged(online);
    // Back online: do not wait for the backoff to run out.
    if (online && m_enabled && !m_syncing)
        m_soon->start();
}

void SyncEngine::setSyncing(bool syncing)
{
    if (m_syncing == syncing)
        return;
    m_syncing = syncing;
    emit syncingChanged(syncing);
}

void SyncEngine::scheduleNext(bool failed)
{
    if (!m_enabled)
        return;
    if (failed)
        m_retryDelay = m_retryDelay == 0 ? m_firstRetry : std::min(m_retryDelay * 2, m_maxRetry);
    else
        m_retryDelay = 0;
    m_timer->start(failed ? m_retryDelay : m_interval);
}

void SyncEngine::syncNow()
{
    if (!m_enabled)
        return;
    if (m_syncing) {
        m_again = true; // one more round after this one
        return;
    }
    m_timer->stop();
    m_soon->stop();
    setSyncing(true);
    m_roundDone = 0;
    m_roundTotal = m_store->pendingOpCount();
    emit progress(0, m_roundTotal);
    pushNext();
}

void SyncEngine::finishRound(bool ok, const QString &error)
{
    if (ok) {
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        m_lastError.clear();
    } else if (!error.isEmpty() && error != m_lastError) {
        // Once per distinct problem: a retry every few minutes must not flood the log.
        m_store->appendLog(QStringLiteral("error"), error);
        m_lastError = error;
    }
    noteCount();
    setSyncing(false);
    emit roundFinished(ok);
    if (ok && m_again) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
        return;
    }
    m_again = false;
    scheduleNext(!ok);
}

QString SyncEngine::describe(const PendingOp &op) const
{
    const bool time = op.kind.startsWith(QLatin1String("time_entry."));
    if (op.kind.endsWith(QLatin1String(".delete"))) {
        if (time) {
            if (const auto e = m_store->timeEntry(op.id))
                return tr("deleting %1")
                    .arg(entryText(e->hours, e->workDate, e->projectName, e->taskName));
        } else if (const auto x = m_store->expense(op.id)) {
            return tr("deleting the expense %1 (%2 %3)")
                .arg(x->description, x->amount, x->currency);
        }
        return tr("a deletion");
    }
    if (time) {
        const qint64 project = op.fields.value("project_id").toString().toLongLong();
        const qint64 task = op.fields.value("task_id").toString().toLongLong();
        QString projectName = m_store->projectName(project);
        QString taskName = task ? m_store->taskName(task) : QString();
        if (const auto e = m_store->timeEntry(op.id)) {
            if (projectName.isEmpty())
                projectName = e->projectName;
            if (taskName.isEmpty())
                taskName = e->taskName;
        }
        return entryText(op.fields.value("hours").toString(),
                         QDate::fromString(op.fields.value("work_date").toString(), Qt::ISODate),
                         projectName, taskName);
    }
    const QJsonObject amount = op.fields.value("amount").toObject();
    return tr("the expense %1 of %2 (%3 %4)")
        .arg(op.fields.value("description").toString(),
             dayText(QDate::fromString(op.fields.value("expense_date").toString(), Qt::ISODate)),
             amount.value("amount").toString(), amount.value("currency").toString());
}

// ---------------------------------------------------------------- push

void SyncEngine::pushNext()
{
    const QList<PendingOp> ops = m_store->pendingOps(m_batchSize);
    if (ops.isEmpty()) {
        uploadReceipts();
        return;
    }
    QList<QUuid> ids;
    QJsonArray body;
    for (const PendingOp &op : ops) {
        ids.append(op.opId);
        body.append(op.toJson());
    }
    // Recorded before sending: if we die waiting, the same op_ids are replayed, never rewritten.
    m_store->markSent(ids);
    ApiReply *reply = m_api->post(QStringLiteral("/api/v1/sync/push"), {{"ops", body}});
    connect(reply, &ApiReply::finished, this, [this, reply, ops] {
        if (!m_enabled) {
            finishRound(false);
            return;
        }
        if (!reply->ok()) {
            if (isNetworkFailure(reply) || reply->status() == 401) {
                finishRound(
                    false,
                    reply->status() == 0
                        ? QString()
                        : tr("Sending changes failed: %1").arg(humanMessage(reply->problem())));
                return;
            }
            // The batch as a whole was refused (a client bug or an old server): every op is
            // refused with the reason, kept locally and shown, so the queue cannot jam.
            const QString reason = humanMessage(reply->problem());
            for (const PendingOp &op : ops) {
                m_store->appendLog(QStringLiteral("rejected"),
                                   tr("Refused: %1. %2").arg(describe(op), reason));
                m_store->applyRejected(op.opId, reason);
            }
            finishRound(false);
            return;
        }
        const bool retryLater = handlePushResults(ops, reply->object());
        m_roundDone += int(ops.size());
        emit progress(std::min(m_roundDone, m_roundTotal), m_roundTotal);
        if (retryLater) {
            // Some ops were not decided (a server fault): they go again after the backoff.
            finishRound(false);
            return;
        }
        pushNext();
    });
}

bool SyncEngine::handlePushResults(const QList<PendingOp> &ops, const QJsonObject &answer)
{
    bool retryLater = false;
    QHash<QString, QJsonObject> results;
    for (const QJsonValue &v : answer.value("results").toArray()) {
        const QJsonObject r = v.toObject();
        results.insert(r.value("op_id").toString(), r);
    }
    for (const PendingOp &op : ops) {
        const QString key = op.opId.toString(QUuid::WithoutBraces);
        if (!results.contains(key)) {
            retryLater = true; // no answer for it: stays queued and goes again
            continue;
        }
        const QJsonObject r = results.value(key);
        const QString outcome = r.value("outcome").toString();
        const QString what = describe(op);
        const Problem problem = Problem::fromJson(r.value("problem").toObject());
        if (outcome == QLatin1String("applied")) {
            QJsonObject server = r.value("server").toObject();
            if (r.contains("status"))
                server.insert("status", r.value("status"));
            m_store->applyApplied(op.opId, r.value("version").toInt(), server);
            m_store->appendLog(QStringLiteral("applied"),
                               op.kind.endsWith(QLatin1String(".delete"))
                                   ? tr("Done: %1.").arg(what)
                                   : tr("Saved on the server: %1.").arg(what));
        } else if (outcome == QLatin1String("conflict")) {
            const QJsonObject server = r.value("server").toObject();
            QString reason = problem.detail.isEmpty() && problem.title.isEmpty()
                                 ? QString()
                                 : humanMessage(problem);
            if (reason.isEmpty())
                reason = tr("Someone changed it on the server meanwhile (it is now %1).")
                             .arg(server.value("status").toString(tr("changed")));
            m_store->applyConflict(op.opId, server, reason);
            m_store->appendLog(QStringLiteral("conflict"),
                               tr("Conflict: %1. %2 Choose \u201cKeep mine as a new entry\u201d "
                                  "or \u201cTake the server's\u201d.")
                                   .arg(what, reason));
        } else if (op.kind.endsWith(QLatin1String(".delete")) && problem.status == 404) {
            // The server never had it: deleted either way.
            m_store->applyApplied(op.opId, op.baseVersion, {});
            m_store->appendLog(QStringLiteral("applied"), tr("Done: %1.").arg(what));
        } else if (r.value("problem").toObject().value("status").toInt() >= 500) {
            // Not a rule but a fault; the server did not record it, so the same op goes again.
            retryLater = true;
            m_store->appendLog(QStringLiteral("error"),
                               tr("Not saved yet (the server had a problem): %1. Keel will try "
                                  "again.")
                                   .arg(what));
        } else {
            const QString reason = humanMessage(problem);
            m_store->applyRejected(op.opId, reason);
            m_store->appendLog(QStringLiteral("rejected"), tr("Refused: %1. %2").arg(what, reason));
        }
    }
    return retryLater;
}

// ---------------------------------------------------------------- receipts

void SyncEngine::uploadReceipts()
{
    const QList<Receipt> pending = m_store->pendingReceipts();
    if (pending.isEmpty()) {
        submitPending();
        return;
    }
    const Receipt r = pending.first();
    QUrl url(
        m_api->baseUrl().toString(QUrl::StripTrailingSlash) +
        QStringLiteral("/api/v1/expenses/%1/receipts/%2")
            .arg(r.expenseId.toString(QUuid::WithoutBraces), r.id.toString(QUuid::WithoutBraces)));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("file_name"), r.fileName);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, r.mimeType);
    request.setRawHeader("Authorization", "Bearer " + m_api->accessToken().toUtf8());
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_nam->put(request, m_store->receiptContent(r.id));
    connect(reply, &QNetworkReply::finished, this, [this, reply, r] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            m_store->markReceiptUploaded(r.id);
            m_store->appendLog(QStringLiteral("applied"),
                               tr("Receipt %1 uploaded.").arg(r.fileName));
            uploadReceipts();
            return;
        }
        if (status == 0 || status >= 500 || status == 401 || status == 429) {
            // The access token may just have expired: the next JSON request refreshes it.
            finishRound(false);
            return;
        }
        const Problem p = Problem::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
        m_store->appendLog(QStringLiteral("rejected"),
                           tr("Receipt %1 refused: %2").arg(r.fileName, humanMessage(p)));
        // Not retried in this round; the next round tries again.
        submitPending();
    });
}

// ---------------------------------------------------------------- week submission

QList<QDate> SyncEngine::pendingSubmissions() const
{
    QList<QDate> out;
    for (const QString &s :
         m_store->value(QLatin1String(PendingSubmitsKey)).split(',', Qt::SkipEmptyParts))
        out.append(QDate::fromString(s, Qt::ISODate));
    return out;
}

void SyncEngine::submitWeek(const QDate &monday)
{
    QStringList weeks =
        m_store->value(QLatin1String(PendingSubmitsKey)).split(',', Qt::SkipEmptyParts);
    const QString key = monday.toString(Qt::ISODate);
    if (!weeks.contains(key))
        weeks.append(key);
    m_store->setValue(QLatin1String(PendingSubmitsKey), weeks.join(','));
    m_store->appendLog(QStringLiteral("info"),
                       m_online && m_enabled
                           ? tr("Submitting the week of %1.").arg(dayText(monday))
                           : tr("The week of %1 will be submitted when the server can be "
                                "reached.")
                                 .arg(dayText(monday)));
    syncNow();
}

void SyncEngine::submitPending()
{
    const QList<QDate> weeks = pendingSubmissions();
    if (weeks.isEmpty() || m_store->pendingOpCount() > 0) {
        pull();
        return;
    }
    const QDate monday = weeks.first();
    ApiReply *reply = m_api->post(
        QStringLiteral("/api/v1/time/weeks/%1/submit").arg(monday.toString(Qt::ISODate)));
    connect(reply, &ApiReply::finished, this, [this, reply, monday] {
        if (!reply->ok() && isNetworkFailure(reply)) {
            finishRound(false);
            return;
        }
        QStringList rest =
            m_store->value(QLatin1String(PendingSubmitsKey)).split(',', Qt::SkipEmptyParts);
        rest.removeAll(monday.toString(Qt::ISODate));
        m_store->setValue(QLatin1String(PendingSubmitsKey), rest.join(','));
        if (reply->ok()) {
            m_store->appendLog(
                QStringLiteral("applied"),
                tr("The week of %1 was submitted for approval.").arg(dayText(monday)));
            emit weekSubmitted(monday, true, {});
        } else {
            const QString why = humanMessage(reply->problem());
            m_store->appendLog(
                QStringLiteral("rejected"),
                tr("The week of %1 was not submitted: %2").arg(dayText(monday), why));
            emit weekSubmitted(monday, false, why);
        }
        submitPending();
    });
}

// ---------------------------------------------------------------- pull

void SyncEngine::pull()
{
    QUrlQuery query;
    const QString cursor = m_store->syncCursor();
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    const QString q = query.toString(QUrl::FullyEncoded);
    ApiReply *reply =
        m_api->get(QStringLiteral("/api/v1/sync/pull") + (q.isEmpty() ? QString() : "?" + q));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            finishRound(
                false, isNetworkFailure(reply)
                           ? QString()
                           : tr("Fetching changes failed: %1").arg(humanMessage(reply->problem())));
            return;
        }
        const QJsonObject answer = reply->object();
        int changes = 0;
        for (const QJsonValue &v : answer.value("time_entries").toArray()) {
            const QJsonObject j = v.toObject();
            const auto before = m_store->timeEntry(QUuid::fromString(j.value("id").toString()));
            m_store->mergeServerTimeEntry(j);
            ++changes;
            const QString status = j.value("status").toString();
            if (before && before->status != status) {
                const QString what =
                    entryText(j.value("hours").toString(),
                              QDate::fromString(j.value("work_date").toString(), Qt::ISODate),
                              j.value("project_name").toString(), j.value("task_name").toString());
                if (status == QLatin1String("approved"))
                    m_store->appendLog(QStringLiteral("applied"), tr("Approved: %1.").arg(what));
                else if (status == QLatin1String("rejected"))
                    m_store->appendLog(QStringLiteral("rejected"),
                                       tr("Rejected by the approver: %1. %2")
                                           .arg(what, j.value("rejection_reason").toString()));
            }
        }
        for (const QJsonValue &v : answer.value("expenses").toArray()) {
            m_store->mergeServerExpense(v.toObject());
            ++changes;
        }
        if (answer.contains("cursor"))
            m_store->setSyncCursor(answer.value("cursor").toString());
        if (changes > 0) {
            m_store->announceChanges();
            emit pulled(changes);
        }
        if (answer.value("more").toBool()) {
            pull();
            return;
        }
        if (answer.value("reference_changed").toBool() || m_store->projects().isEmpty() ||
            m_lastSuccess.isNull())
            fetchReference();
        else
            finishRound(true);
    });
}

void SyncEngine::fetchReference()
{
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/sync/reference"));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            finishRound(
                false,
                isNetworkFailure(reply)
                    ? QString()
                    : tr("Fetching projects failed: %1").arg(humanMessage(reply->problem())));
            return;
        }
        m_store->setReference(reply->object());
        emit pulled(0);
        finishRound(true);
    });
}

} // namespace keel::offline
