#include "capacity_model.h"

#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace keel::resourcing {

CapacityModel::CapacityModel(QObject *parent) : QAbstractTableModel(parent) {}

void CapacityModel::setFromJson(const QJsonObject &answer)
{
    beginResetModel();
    m_weeks.clear();
    m_groups.clear();
    m_cells.clear();
    for (const QJsonValue &w : answer.value("weeks").toArray())
        m_weeks.append(QDate::fromString(w.toObject().value("week_start").toString(), Qt::ISODate));
    const auto cellsOf = [this](const QJsonArray &weeks) {
        QList<Cell> cells(m_weeks.size());
        for (int i = 0; i < weeks.size(); ++i) {
            const QJsonObject c = weeks.at(i).toObject();
            const qsizetype at =
                m_weeks.indexOf(QDate::fromString(c.value("week_start").toString(), Qt::ISODate));
            const qsizetype column = at >= 0 ? at : i;
            if (column < cells.size())
                cells[column] = Cell{
                    c.value("available_hours").toString(), c.value("hard_demand_hours").toString(),
                    c.value("soft_demand_hours").toString(), c.value("gap_hours").toString()};
        }
        return cells;
    };
    for (const QJsonValue &v : answer.value("rows").toArray()) {
        const QJsonObject r = v.toObject();
        const QString name = r.value("name").toString();
        m_groups.append(!name.isEmpty()           ? name
                        : r.value("key").isNull() ? QCoreApplication::translate(
                                                        "keel::resourcing::CapacityModel", "(none)")
                                                  : r.value("key").toString());
        m_cells.append(cellsOf(r.value("weeks").toArray()));
    }
    if (answer.value("totals").isArray()) {
        m_groups.append(QCoreApplication::translate("keel::resourcing::CapacityModel", "Total"));
        m_cells.append(cellsOf(answer.value("totals").toArray()));
    }
    endResetModel();
}

int CapacityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int CapacityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_weeks.size());
}

QVariant CapacityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cells.size() ||
        index.column() >= m_cells.at(index.row()).size())
        return {};
    const Cell &c = m_cells.at(index.row()).at(index.column());
    const bool shortOf = c.gap.startsWith(u'-');
    switch (role) {
    case Qt::DisplayRole:
        return sales::formatDecimalText(c.gap, 0);
    case Qt::ToolTipRole:
        return QCoreApplication::translate(
                   "keel::resourcing::CapacityModel",
                   "%1, week of %2\nAvailable: %3 h\nHard demand: %4 h\nWeighted soft demand: "
                   "%5 h\nGap: %6 h")
            .arg(m_groups.at(index.row()),
                 QLocale().toString(m_weeks.value(index.column()), QLocale::ShortFormat),
                 sales::formatDecimalText(c.available), sales::formatDecimalText(c.hard),
                 sales::formatDecimalText(c.soft), sales::formatDecimalText(c.gap));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case AvailableRole:
        return c.available;
    case HardRole:
        return c.hard;
    case SoftRole:
        return c.soft;
    case GapRole:
        return c.gap;
    case ShortRole:
        return shortOf;
    default:
        return {};
    }
}

QVariant CapacityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return m_groups.value(section);
    const QDate d = m_weeks.value(section);
    return QStringLiteral("W%1\n%2")
        .arg(d.weekNumber(), 2, 10, QLatin1Char('0'))
        .arg(QLocale().toString(d, QStringLiteral("d MMM")));
}

} // namespace keel::resourcing
