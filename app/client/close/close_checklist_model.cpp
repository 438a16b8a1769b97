#include "close_checklist_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "close_api.h"
#include "close_text.h"
#include "problem_text.h"

#include <QJsonArray>
#include <QLocale>

namespace keel::closing {

CloseChecklistModel::CloseChecklistModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void CloseChecklistModel::load(const QString &entity, const QString &period)
{
    if (!m_api || entity.isEmpty() || period.isEmpty())
        return;
    if (entity != m_entity || period != m_period)
        clear(); // another cell: never show the previous one's items under its title
    m_entity = entity;
    m_period = period;
    const int generation = ++m_generation;
    ApiReply *r = CloseApi(m_api).checklist(entity, period);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        if (!r->ok()) {
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        beginResetModel();
        m_head = r->object();
        m_items.clear();
        for (const QJsonValue &v : m_head.value("items").toArray())
            m_items.append(v.toObject());
        m_head.remove(QStringLiteral("items"));
        m_loaded = true;
        endResetModel();
        emit loaded();
    });
}

void CloseChecklistModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_head = {};
    m_items.clear();
    m_loaded = false;
    endResetModel();
}

QString CloseChecklistModel::task(int row) const
{
    return m_items.value(row).value("task").toString();
}

int CloseChecklistModel::rowOfTask(const QString &task) const
{
    for (int r = 0; r < m_items.size(); ++r)
        if (m_items[r].value("task").toString() == task)
            return r;
    return -1;
}

bool CloseChecklistModel::isSignedOff(const QJsonObject &item)
{
    const QJsonValue by = item.value("signed_off_by");
    return !(by.isNull() || by.isUndefined());
}

int CloseChecklistModel::count(const QString &state) const
{
    int n = 0;
    for (const QJsonObject &i : m_items)
        n += i.value("state").toString() == state;
    return n;
}

int CloseChecklistModel::signedOffCount() const
{
    int n = 0;
    for (const QJsonObject &i : m_items)
        n += isSignedOff(i);
    return n;
}

QStringList CloseChecklistModel::redItems() const
{
    QStringList out;
    for (const QJsonObject &i : m_items)
        if (i.value("state").toString() == QLatin1String("red")) {
            const QString name = taskText(i.value("task").toString(), i.value("label").toString());
            const QJsonValue c = i.value("count");
            out.append(c.isDouble() && c.toInt() > 0
                           ? QStringLiteral("%1 (%2)").arg(name).arg(c.toInt())
                           : name);
        }
    return out;
}

int CloseChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int CloseChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CloseChecklistModel::displayText(const QJsonObject &item, int column) const
{
    switch (column) {
    case ItemColumn:
        return taskText(item.value("task").toString(), item.value("label").toString());
    case StateColumn:
        return signalText(item.value("state").toString(), isSignedOff(item));
    case CountColumn: {
        const QJsonValue c = item.value("count");
        return c.isDouble() ? QLocale().toString(c.toInt()) : QString();
    }
    case AmountColumn:
        return billing::moneyText(item.value("amount"));
    case ResponsibleColumn:
        return item.value("responsible").toObject().value("name").toString();
    case SignedOffColumn: {
        if (!isSignedOff(item))
            return {};
        const QJsonValue by = item.value("signed_off_by");
        const QString who = by.isObject() ? by.toObject().value("name").toString() : QString();
        const QString when = billing::instantText(item.value("signed_off_at").toString());
        return who.isEmpty() ? when : tr("%1, %2").arg(who, when);
    }
    case RunColumn: {
        const QJsonObject run = item.value("run").toObject();
        if (item.value("kind").toString() != QLatin1String("run"))
            return {};
        if (run.isEmpty())
            return tr("Not run");
        const QString status = run.value("status").toString();
        const QString finished = billing::instantText(run.value("finished_at").toString());
        if (status == QLatin1String("completed") && !finished.isEmpty())
            return tr("Completed %1").arg(finished);
        return runStatusText(status, run.value("progress").toInt());
    }
    default:
        return {};
    }
}

QVariant CloseChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(item, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn || index.column() == AmountColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn || index.column() == StateColumn) {
            const QString note = item.value("note").toString();
            return note.isEmpty() ? item.value("label").toString() : note;
        }
        return {};
    case TaskRole:
        return item.value("task").toString();
    case StateRole:
        return item.value("state").toString();
    case SignedOffRole:
        return isSignedOff(item);
    case KindRole:
        return item.value("kind").toString();
    case ObjectRole:
        return item;
    default:
        return {};
    }
}

QVariant CloseChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case StateColumn:
        return tr("State");
    case CountColumn:
        return tr("Count");
    case AmountColumn:
        return tr("Amount");
    case ResponsibleColumn:
        return tr("Responsible");
    case SignedOffColumn:
        return tr("Signed off");
    case RunColumn:
        return tr("Last run");
    default:
        return {};
    }
}

} // namespace keel::closing
