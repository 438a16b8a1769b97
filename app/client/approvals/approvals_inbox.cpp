#include "approvals_inbox.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QTimer>

namespace keel::approvals {

InboxCounter::InboxCounter(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_timer(new QTimer(this))
{
    m_timer->setInterval(30000);
    connect(m_timer, &QTimer::timeout, this, &InboxCounter::refresh);
}

void InboxCounter::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void InboxCounter::start()
{
    m_timer->start();
    refresh();
}

void InboxCounter::stop()
{
    m_timer->stop();
    if (m_count != -1) {
        m_count = -1;
        emit countChanged(m_count);
    }
}

void InboxCounter::refresh()
{
    if (!m_api || m_inFlight)
        return;
    m_inFlight = true;
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/approvals/inbox/count"));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_inFlight = false;
        if (!reply->ok()) {
            if (reply->status() == 404 || reply->status() == 403) {
                if (m_count != -1) {
                    m_count = -1;
                    emit countChanged(m_count);
                }
            }
            return; // offline: keep the last figure
        }
        const QJsonValue v = reply->object().value("count");
        const int count = v.isString() ? v.toString().toInt() : v.toInt();
        if (count != m_count) {
            m_count = count;
            emit countChanged(m_count);
        }
    });
}

namespace {
using sales::ListColumn;
QList<ListColumn> inboxColumns()
{
    using F = ListColumn::Format;
    return {
        {"document_type", QT_TRANSLATE_NOOP("keel::sales::Columns", "Document"), F::Text, {}},
        {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
        {"facts", QT_TRANSLATE_NOOP("keel::sales::Columns", "Facts"), F::Text, {}},
        {"reason", QT_TRANSLATE_NOOP("keel::sales::Columns", "Why you"), F::Text, {}},
        {"submitter", QT_TRANSLATE_NOOP("keel::sales::Columns", "Submitted by"), F::Text, {}},
        {"submitted_at", QT_TRANSLATE_NOOP("keel::sales::Columns", "Submitted"), F::Date, {}},
    };
}

QString trInbox(const char *s)
{
    return QCoreApplication::translate("keel::approvals::InboxModel", s);
}
} // namespace

InboxModel::InboxModel(ApiClient *api, QObject *parent)
    : sales::PagedListModel(api, QStringLiteral("/api/v1/approvals/inbox"), inboxColumns(), parent),
      m_api(api)
{}

QString InboxModel::documentTypeName(const QString &type)
{
    if (type == QLatin1String("quote"))
        return QCoreApplication::translate("keel::approvals::InboxModel", "Quote");
    if (type == QLatin1String("contract_change_order"))
        return QCoreApplication::translate("keel::approvals::InboxModel", "Contract change order");
    if (type == QLatin1String("contract"))
        return QCoreApplication::translate("keel::approvals::InboxModel", "Contract");
    QString t = type;
    t.replace(u'_', u' ');
    if (!t.isEmpty())
        t[0] = t.at(0).toUpper();
    return t;
}

QString InboxModel::factsText(const QJsonObject &facts)
{
    QStringList parts;
    const auto pct = [&](const char *key, const char *label) {
        const QJsonValue v = facts.value(key);
        if (!v.isUndefined() && !v.isNull())
            parts.append(trInbox(label).arg(sales::formatDecimalText(v.toVariant().toString(), 1)));
    };
    pct("discount_pct", QT_TRANSLATE_NOOP("keel::approvals::InboxModel", "discount %1 %"));
    pct("margin_pct", QT_TRANSLATE_NOOP("keel::approvals::InboxModel", "margin %1 %"));
    pct("target_margin_pct",
        QT_TRANSLATE_NOOP("keel::approvals::InboxModel", "target margin %1 %"));
    for (const char *key : {"total", "amount", "value"}) {
        const QJsonValue v = facts.value(key);
        if (v.isObject())
            parts.append(sales::formatMoneyJson(v));
        else if (v.isString())
            parts.append(sales::formatDecimalText(v.toString()));
    }
    return parts.join(QStringLiteral(", "));
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const QJsonObject row = rowObject(index.row());
        switch (index.column()) {
        case 0:
            return documentTypeName(row.value("document_type").toString());
        case 2:
            return factsText(row.value("facts").toObject());
        case 3: {
            const QJsonValue reason = row.value("reason");
            if (reason.isString())
                return reason.toString();
            return row.value("current_step").toObject().value("reason").toString();
        }
        case 4: {
            const QJsonValue s = row.value("submitter");
            if (s.isObject()) {
                const QJsonObject o = s.toObject();
                const QString name = o.value("display_name").toString();
                return name.isEmpty() ? o.value("username").toString() : name;
            }
            if (s.isString())
                return s.toString();
            return row.value("submitter_name").toString();
        }
        default:
            break;
        }
    }
    return sales::PagedListModel::data(index, role);
}

void InboxModel::approve(int row, const QString &comment)
{
    decide(row, true, comment);
}

void InboxModel::reject(int row, const QString &comment)
{
    decide(row, false, comment);
}

void InboxModel::decide(int row, bool approve, const QString &comment)
{
    const QString id = rowId(row);
    if (id.isEmpty() || !m_api)
        return;
    QJsonObject body;
    if (!comment.isEmpty())
        body.insert("comment", comment);
    const QString path =
        QStringLiteral("/api/v1/approvals/%1/%2")
            .arg(id, approve ? QStringLiteral("approve") : QStringLiteral("reject"));
    ApiReply *reply = m_api->post(path, body);
    connect(reply, &ApiReply::finished, this, [this, reply, id, approve] {
        if (!reply->ok()) {
            emit decisionFailed(id, humanMessage(reply->problem()));
            return;
        }
        emit decided(id, approve);
    });
}

} // namespace keel::approvals
