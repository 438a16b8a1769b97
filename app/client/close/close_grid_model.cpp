#include "close_grid_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "close_api.h"
#include "close_text.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QDate>
#include <QJsonArray>

namespace keel::closing {

namespace {
QDate monthStart(const QString &period)
{
    return QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
}

QString key(const QString &entity, const QString &period)
{
    return entity + u'|' + period;
}
} // namespace

CloseGridModel::CloseGridModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void CloseGridModel::load(const QString &from, const QString &to)
{
    if (!m_api)
        return;
    m_from = from;
    m_to = to;
    const int generation = ++m_generation;
    m_loading = true;
    ApiReply *r = CloseApi(m_api).periods(from, to);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return; // a newer window was asked for meanwhile
        m_loading = false;
        if (!r->ok()) {
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        beginResetModel();
        m_periods.clear();
        m_entityIds.clear();
        m_entityCodes.clear();
        m_cells.clear();
        // Every month of the window is a column, listed by the server or not (a month nobody
        // has worked on yet is open).
        for (QDate m = monthStart(m_from); m.isValid() && m <= monthStart(m_to); m = m.addMonths(1))
            m_periods.append(m.toString(QStringLiteral("yyyy-MM")));
        const QJsonArray items = r->object().value("items").toArray();
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            const QString id = sales::idText(o.value("legal_entity_id"));
            if (!m_entityIds.contains(id)) {
                m_entityIds.append(id);
                m_entityCodes.append(o.value("entity_code").toString());
            }
            m_cells.insert(key(id, o.value("period").toString()), o);
        }
        endResetModel();
        emit loaded();
    });
}

QString CloseGridModel::entityId(int row) const
{
    return m_entityIds.value(row);
}

QString CloseGridModel::entityCode(int row) const
{
    return m_entityCodes.value(row);
}

QString CloseGridModel::period(int column) const
{
    return m_periods.value(column);
}

int CloseGridModel::rowOfEntity(const QString &id) const
{
    return int(m_entityIds.indexOf(id));
}

int CloseGridModel::columnOfPeriod(const QString &period) const
{
    return int(m_periods.indexOf(period));
}

QJsonObject CloseGridModel::cell(int row, int column) const
{
    return m_cells.value(key(entityId(row), period(column)));
}

QString CloseGridModel::signalOf(const QJsonObject &cell)
{
    if (cell.value("status").toString() == QLatin1String("hard_closed"))
        return QStringLiteral("closed");
    if (cell.value("red").toInt() > 0)
        return QStringLiteral("red");
    if (cell.value("amber").toInt() > 0)
        return QStringLiteral("amber");
    return QStringLiteral("green");
}

int CloseGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entityIds.size());
}

int CloseGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_periods.size());
}

QVariant CloseGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QJsonObject c = cell(index.row(), index.column());
    const QString status = c.value("status").toString(QStringLiteral("open"));
    const int red = c.value("red").toInt();
    const int amber = c.value("amber").toInt();
    const int green = c.value("green").toInt();
    switch (role) {
    case Qt::DisplayRole: {
        // "Open · 3 red · 2 amber": the state and what is left, in words.
        QStringList parts{periodStatusText(status)};
        if (status != QLatin1String("hard_closed")) {
            if (red > 0)
                parts.append(tr("%1 red").arg(red));
            if (amber > 0)
                parts.append(tr("%1 amber").arg(amber));
            if (red == 0 && amber == 0 && !c.isEmpty())
                parts.append(tr("all green"));
        }
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::ToolTipRole:
        return tr("%1, %2: %3 — %4 red, %5 amber, %6 green")
            .arg(entityCode(index.row()), billing::periodText(period(index.column())),
                 periodStatusText(status))
            .arg(red)
            .arg(amber)
            .arg(green);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case StatusRole:
        return c.isEmpty() ? QString() : status;
    case RedRole:
        return red;
    case AmberRole:
        return amber;
    case GreenRole:
        return green;
    case SignalRole:
        return c.isEmpty() ? QString() : signalOf(c);
    case EntityIdRole:
        return entityId(index.row());
    case PeriodRole:
        return period(index.column());
    default:
        return {};
    }
}

QVariant CloseGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return billing::periodText(period(section));
    return entityCode(section);
}

} // namespace keel::closing
