#include "billing_exceptions_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "decimal.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>
#include <QUrl>

namespace keel::billing {

using sales::idText;

BillingExceptionsModel::BillingExceptionsModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void BillingExceptionsModel::reload()
{
    if (!m_api)
        return;
    const int generation = ++m_generation;
    m_loading = true;
    QString path = QStringLiteral("/api/v1/billing/exceptions?limit=500");
    if (!m_entity.isEmpty())
        path += QStringLiteral("&legal_entity_id=") + m_entity;
    if (!m_status.isEmpty())
        path += QStringLiteral("&status=") + m_status;
    ApiReply *r = m_api->get(path);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        m_loading = false;
        beginResetModel();
        m_rows.clear();
        if (r->ok()) {
            m_lastError.clear();
            for (const QJsonValue &v : r->object().value("items").toArray())
                m_rows.append(v.toObject());
        } else {
            m_lastError = humanMessage(r->problem());
        }
        endResetModel();
        emit loaded();
    });
}

QJsonObject BillingExceptionsModel::exception(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

QString BillingExceptionsModel::idAt(int row) const
{
    return idText(exception(row).value("id"));
}

int BillingExceptionsModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (idText(m_rows.at(i).value("id")) == id)
            return i;
    return -1;
}

void BillingExceptionsModel::writeOff(const QString &id, const QString &note)
{
    resolve(id, QStringLiteral("write-off"), note,
            tr("Written off: those hours stay unbilled for good."));
}

void BillingExceptionsModel::release(const QString &id, const QString &note)
{
    resolve(id, QStringLiteral("release"), note,
            tr("Released: the next billing run bills those hours."));
}

void BillingExceptionsModel::resolve(const QString &id, const QString &action, const QString &note,
                                     const QString &doneMessage)
{
    if (!m_api || id.isEmpty())
        return;
    if (note.trimmed().isEmpty()) {
        emit actionFailed(tr("Add a note saying why; it stays with the exception."));
        return;
    }
    ApiReply *r = m_api->post(QStringLiteral("/api/v1/billing/exceptions/%1/%2").arg(id, action),
                              QJsonObject{{"note", note.trimmed()}});
    connect(r, &ApiReply::finished, this, [this, r, id, doneMessage] {
        if (!r->ok()) {
            emit actionFailed(humanMessage(r->problem()));
            return;
        }
        emit resolved(id, doneMessage);
        reload();
    });
}

int BillingExceptionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BillingExceptionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BillingExceptionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KindColumn:
            return exceptionKindText(e.value("kind").toString());
        case ContractColumn: {
            const QString number = e.value("contract_number").toString();
            const QString client = e.value("account_name").toString();
            if (!number.isEmpty() && !client.isEmpty())
                return QStringLiteral("%1 · %2").arg(client, number);
            return number.isEmpty() ? client : number;
        }
        case DetailColumn:
            return e.value("detail").toString();
        case HoursColumn: {
            const auto h = Decimal::parse(e.value("hours").toString());
            return h ? sales::groupDigits(h->toString(2)) : e.value("hours").toString();
        }
        case AmountColumn: {
            const QJsonValue a = e.value("amount");
            if (a.isObject())
                return moneyText(a);
            return e.value("currency").toString() + u' ' + sales::groupDigits(a.toString());
        }
        case StatusColumn:
            return exceptionStatusText(e.value("status").toString());
        case CreatedColumn:
            return instantText(e.value("created_at").toString());
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == HoursColumn || index.column() == AmountColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == IdRole)
        return idText(e.value("id"));
    if (role == ObjectRole)
        return e;
    return {};
}

QVariant BillingExceptionsModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == HoursColumn || section == AmountColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case ContractColumn:
        return tr("Client · contract");
    case DetailColumn:
        return tr("What");
    case HoursColumn:
        return tr("Hours");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Found");
    default:
        return {};
    }
}

} // namespace keel::billing
